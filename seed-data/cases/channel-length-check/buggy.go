package main

import (
	"fmt"
	"sync"
)

// offer queues item unless the queue looks full.
func offer(queue chan string, item string, wg *sync.WaitGroup) {
	defer wg.Done()
	// Bug: check-then-act. Another producer can take the last slot between
	// the len check and the send; this send then blocks for ever.
	if len(queue) < cap(queue) {
		queue <- item
		fmt.Println("queued", item)
	} else {
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
