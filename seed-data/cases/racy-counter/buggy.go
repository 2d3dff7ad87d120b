package main

import (
	"fmt"
	"sync"
)

// hits is shared by every visitor goroutine without any synchronisation.
var hits int

func visit(wg *sync.WaitGroup, times int) {
	defer wg.Done()
	for i := 0; i < times; i++ {
		// load, add, store: another goroutine can run between the steps
		hits = hits + 1
	}
}

func main() {
	var wg sync.WaitGroup
	for v := 0; v < 3; v++ {
		wg.Add(1)
		go visit(&wg, 500)
	}
	wg.Wait()
	fmt.Println("hits:", hits, "expected: 1500")
}
