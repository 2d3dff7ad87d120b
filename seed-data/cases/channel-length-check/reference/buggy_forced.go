package main

import (
	"fmt"
	"sync"
)

// Forcing variant of ../buggy.go: both producers pass the len check before
// either sends, which is the rare interleaving that makes the bug visible.
func offer(queue chan string, item string, checked, wg *sync.WaitGroup) {
	defer wg.Done()
	room := len(queue) < cap(queue)
	checked.Done()
	checked.Wait() // both checks are done before any send
	if room {
		queue <- item
		fmt.Println("queued", item)
	} else {
		fmt.Println("full, dropped", item)
	}
}

func main() {
	queue := make(chan string, 1)
	var wg, checked sync.WaitGroup
	checked.Add(2)
	for _, it := range []string{"a", "b"} {
		wg.Add(1)
		go offer(queue, it, &checked, &wg)
	}
	wg.Wait()
	fmt.Println("in queue:", len(queue))
}
