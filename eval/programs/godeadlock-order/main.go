// Two goroutines take the same two go-deadlock mutexes in opposite orders (never at the same
// time here): the library's lock-order detection reports the inversion.
package main

import (
	"fmt"
	"time"

	"github.com/sasha-s/go-deadlock"
)

type account struct {
	mu      deadlock.Mutex
	balance int
}

func transfer(from, to *account, n int) {
	from.mu.Lock()
	defer from.mu.Unlock()
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance -= n
	to.balance += n
}

func main() {
	deadlock.Opts.OnPotentialDeadlock = func() {}
	a, b := &account{balance: 10}, &account{balance: 10}
	transfer(a, b, 1)
	done := make(chan bool)
	go func() {
		transfer(b, a, 1)
		done <- true
	}()
	<-done
	time.Sleep(10 * time.Millisecond)
	fmt.Println(a.balance, b.balance)
}
