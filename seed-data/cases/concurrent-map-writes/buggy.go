package main

import (
	"fmt"
	"strconv"
	"sync"
)

func main() {
	seen := map[string]int{} // Bug: written by two goroutines without a lock
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 20000; i++ {
				seen[strconv.Itoa(i%500)] += w + 1
			}
		}(w)
	}
	wg.Wait()
	fmt.Println("keys:", len(seen))
}
