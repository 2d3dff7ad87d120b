// A producer checks len(ch) before sending, racing with another producer on a shared flag.
package main

import (
	"fmt"
	"sync"
)

var dropped int

func offer(ch chan int, v int, wg *sync.WaitGroup) {
	defer wg.Done()
	if len(ch) == cap(ch) {
		dropped++
		return
	}
	select {
	case ch <- v:
	default:
		dropped++
	}
}

func main() {
	ch := make(chan int, 1)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go offer(ch, i, &wg)
	}
	wg.Wait()
	fmt.Println("dropped", dropped)
}
