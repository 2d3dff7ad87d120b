package main

import (
	"fmt"
	"sync"
)

func main() {
	const workers = 8
	requests := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	handled := 0
	// A fixed pool of workers drains the requests; the count stays bounded.
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range requests {
				mu.Lock()
				handled++
				mu.Unlock()
			}
		}()
	}
	for id := 0; id < 5000; id++ {
		requests <- id
	}
	close(requests)
	wg.Wait()
	fmt.Println("handled:", handled)
}
