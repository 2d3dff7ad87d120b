// Parks one goroutine in each common wait state, then sleeps so that a
// SIGQUIT (to the built binary) dumps them all with their wait reasons.
package main

import (
	"fmt"
	"net"
	"os"
	"runtime"
	"sync"
	"time"
)

func main() {
	unbuffered := make(chan int)
	var nilCh chan int
	var mu sync.Mutex
	var rw sync.RWMutex
	var wg sync.WaitGroup
	cond := sync.NewCond(&sync.Mutex{})

	go func() { unbuffered <- 1 }()  // chan send
	go func() { <-make(chan int) }() // chan receive
	go func() { select {} }()        // select (no cases)
	go func() { nilCh <- 1 }()       // chan send (nil chan)
	go func() { <-nilCh }()          // chan receive (nil chan)
	mu.Lock()
	go func() { mu.Lock() }() // semacquire (sync.Mutex.Lock from Go 1.20)
	rw.Lock()
	go func() { rw.RLock() }() // semacquire (sync.RWMutex.RLock from Go 1.20)
	wg.Add(1)
	go func() { wg.Wait() }()                  // semacquire (sync.WaitGroup.Wait from Go 1.25)
	go func() { cond.L.Lock(); cond.Wait() }() // sync.Cond.Wait
	go func() {
		a, b := make(chan int), make(chan int)
		select {
		case <-a:
		case <-b:
		}
	}() // select
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err == nil {
		go func() { ln.Accept() }() // IO wait
	}
	fmt.Fprintln(os.Stderr, "ready")
	for {
		runtime.GC()            // a GC records how long each goroutine has been waiting
		time.Sleep(time.Second) // sleep
	}
}
