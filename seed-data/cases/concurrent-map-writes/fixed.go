package main

import (
	"fmt"
	"strconv"
	"sync"
)

func main() {
	seen := map[string]int{}
	var mu sync.Mutex // guards seen
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 20000; i++ {
				mu.Lock()
				seen[strconv.Itoa(i%500)] += w + 1
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	fmt.Println("keys:", len(seen))
}
