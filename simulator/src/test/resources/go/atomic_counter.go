package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int64
	var total atomic.Int64
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				atomic.AddInt64(&n, 1)
				total.Add(2)
			}
		}()
	}
	wg.Wait()
	fmt.Println("Final counter:", atomic.LoadInt64(&n), total.Load())
}
