package main

import (
	"fmt"
	"strconv"
	"sync"
)

// Forcing variant of ../buggy.go: both writers are released together and keep
// writing long enough that their map writes overlap on a multi-core machine.
func main() {
	seen := map[string]int{}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			<-start
			for i := 0; i < 1000000; i++ {
				seen[strconv.Itoa(i%500)] += w + 1
			}
		}(w)
	}
	close(start)
	wg.Wait()
	fmt.Println("keys:", len(seen))
}
