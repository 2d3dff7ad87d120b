// A producer keeps sending after the coordinator closed the results channel.
package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan int, 4)
	var wg sync.WaitGroup
	for id := 0; id < 3; id++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			for k := 0; k < 3; k++ {
				results <- n*10 + k
			}
		}(id)
	}
	// Bug: closes as soon as the first value arrives instead of after wg.Wait().
	fmt.Println("first:", <-results)
	close(results)
	wg.Wait()
}
