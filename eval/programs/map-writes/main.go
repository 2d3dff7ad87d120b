// Request handlers record hits in a plain map from many goroutines.
package main

import (
	"fmt"
	"sync"
)

var hits = map[string]int{}

func record(path string) { hits[path]++ }

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			for k := 0; k < 100000; k++ {
				record(fmt.Sprintf("/p%d", k%5))
			}
		}(i)
	}
	wg.Wait()
}
