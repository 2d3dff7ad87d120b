// Goroutines append to one slice without a lock: append reads the header and grows the array.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var results []int
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			results = append(results, n)
		}(i)
	}
	wg.Wait()
	fmt.Println(len(results))
}
