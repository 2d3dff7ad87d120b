package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				mu.Lock()
				total += j
				mu.Unlock()
			}
		}()
	}
	for i := 1; i <= 5; i++ {
		jobs <- i
	}
	// jobs is never closed: the workers keep waiting for more
	wg.Wait()
	fmt.Println(total)
}
