package main

import (
	"fmt"
	"sync"
)

// fetch does its part, then signals "ready" by closing the shared channel.
func fetch(part string, ready chan struct{}, wg *sync.WaitGroup) {
	fmt.Println("fetched", part)
	close(ready) // Bug: every fetcher closes; the second close panics
	wg.Done()
}

func main() {
	ready := make(chan struct{})
	var wg sync.WaitGroup
	for _, p := range []string{"header", "body"} {
		wg.Add(1)
		go fetch(p, ready, &wg)
	}
	<-ready
	wg.Wait()
	fmt.Println("ready")
}
