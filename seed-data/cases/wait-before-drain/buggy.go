package main

import (
	"fmt"
	"sync"
)

func main() {
	pages := []string{"/a", "/b", "/c"}
	sizes := make(chan int) // unbuffered
	var wg sync.WaitGroup
	for _, p := range pages {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			sizes <- len(p) * 100 // waits for a receiver
		}(p)
	}
	// Bug: Wait before draining. The workers cannot reach Done until their
	// send is received, and the receive loop starts only after Wait returns.
	wg.Wait()
	close(sizes)
	total := 0
	for s := range sizes {
		total += s
	}
	fmt.Println("total:", total)
}
