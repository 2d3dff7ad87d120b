package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	squares := make([]int, 4)
	var wg sync.WaitGroup
	for i := range squares {
		wg.Add(1) // counted before the goroutine exists, so Wait cannot miss it
		go func(i int) {
			defer wg.Done()
			squares[i] = i * i
		}(i)
	}
	wg.Wait()
	sum := 0
	for _, s := range squares {
		sum += s
	}
	fmt.Println("sum:", sum, "expected: 14")
	time.Sleep(20 * time.Millisecond)
}
