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
		go func(i int) {
			wg.Add(1) // Bug: may run after Wait has already seen a zero counter
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
	time.Sleep(20 * time.Millisecond) // main goes on with other work
}
