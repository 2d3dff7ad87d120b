// The signal is sent before the waiter starts waiting, so it is lost.
package main

import (
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	go func() {
		cond.Signal() // nobody waits yet
	}()
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	cond.Wait()
	mu.Unlock()
}
