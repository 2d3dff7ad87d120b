package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// hits is only touched through sync/atomic, so increments cannot be lost.
var hits int64

func visit(wg *sync.WaitGroup, times int) {
	defer wg.Done()
	for i := 0; i < times; i++ {
		atomic.AddInt64(&hits, 1)
	}
}

func main() {
	var wg sync.WaitGroup
	for v := 0; v < 3; v++ {
		wg.Add(1)
		go visit(&wg, 500)
	}
	wg.Wait()
	fmt.Println("hits:", atomic.LoadInt64(&hits), "expected: 1500")
}
