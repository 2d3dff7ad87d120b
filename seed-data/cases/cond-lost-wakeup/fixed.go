package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	started := sync.NewCond(&mu)
	up := false // the state the signal is about
	go func() {
		mu.Lock()
		up = true
		started.Signal()
		mu.Unlock()
	}()
	time.Sleep(50 * time.Millisecond)
	mu.Lock()
	for !up { // wait only while the condition is false
		started.Wait()
	}
	mu.Unlock()
	fmt.Println("worker started")
}
