package main

import (
	"fmt"
	"sync"
)

// offer queues item unless the queue is full, in one atomic step.
func offer(queue chan string, item string, wg *sync.WaitGroup) {
	defer wg.Done()
	select {
	case queue <- item:
		fmt.Println("queued", item)
	default:
		fmt.Println("full, dropped", item)
	}
}

func main() {
	queue := make(chan string, 1)
	var wg sync.WaitGroup
	for _, it := range []string{"a", "b"} {
		wg.Add(1)
		go offer(queue, it, &wg)
	}
	wg.Wait()
	fmt.Println("in queue:", len(queue))
}
