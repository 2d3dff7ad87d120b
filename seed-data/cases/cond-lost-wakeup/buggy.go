package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	started := sync.NewCond(&mu)
	go func() {
		mu.Lock()
		started.Signal() // "I am up", sent before anyone waits
		mu.Unlock()
	}()
	time.Sleep(50 * time.Millisecond) // main is slower to get here
	mu.Lock()
	// Bug: no condition is recorded, so the earlier Signal is lost.
	started.Wait()
	mu.Unlock()
	fmt.Println("worker started")
}
