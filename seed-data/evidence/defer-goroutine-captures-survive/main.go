// Variables captured by a goroutine started in a defer are moved to the heap
// (go build -gcflags=-m prints "moved to heap") and stay valid after the
// function returns; the goroutine just outlives the frame.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

var wg sync.WaitGroup

func work() {
	buf := make([]int, 10)
	for i := range buf {
		buf[i] = i
	}
	total := 0
	defer func() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.GC() // the frame of work() is gone by now
			for _, v := range buf {
				total += v
			}
			fmt.Printf("captured still valid after return: len=%d sum=%d\n", len(buf), total)
		}()
	}()
}

func main() {
	work()
	runtime.GC()
	wg.Wait()
}
