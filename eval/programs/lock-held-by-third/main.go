// Two goroutines wait for one mutex held by a third, which waits on a channel: not an AB-BA
// cycle. The program prints its goroutines with pprof debug=2 (the SIGQUIT form).
package main

import (
	"os"
	"runtime/pprof"
	"sync"
	"time"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func (a *account) deposit(v int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += v
}

func (a *account) holdWhile(done <-chan struct{}) {
	a.mu.Lock()
	defer a.mu.Unlock()
	<-done
}

func main() {
	a := &account{}
	done := make(chan struct{})
	go a.holdWhile(done)
	time.Sleep(50 * time.Millisecond)
	go a.deposit(1)
	go a.deposit(2)
	time.Sleep(200 * time.Millisecond)
	pprof.Lookup("goroutine").WriteTo(os.Stdout, 2)
}
