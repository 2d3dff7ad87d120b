// An atomic add races with a plain read of the same counter.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		atomic.AddInt64(&hits, 1)
	}()
	if hits > 0 {
		fmt.Println("seen")
	}
	wg.Wait()
}
