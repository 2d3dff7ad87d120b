// A reader takes the read lock twice while a writer is queued between.
package main

import (
	"sync"
	"time"
)

var mu sync.RWMutex
var total int

func sum() int {
	mu.RLock()
	defer mu.RUnlock()
	time.Sleep(20 * time.Millisecond) // writer queues here
	return total + bonus()
}

func bonus() int {
	mu.RLock() // recursive read lock blocks behind the pending writer
	defer mu.RUnlock()
	return 1
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); println(sum()) }()
	go func() {
		defer wg.Done()
		time.Sleep(5 * time.Millisecond)
		mu.Lock()
		total++
		mu.Unlock()
	}()
	wg.Wait()
}
