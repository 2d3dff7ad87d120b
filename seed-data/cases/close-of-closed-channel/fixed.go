package main

import (
	"fmt"
	"sync"
)

// fetch does its part, then signals "ready"; once guards the single close.
func fetch(part string, ready chan struct{}, once *sync.Once, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("fetched", part)
	once.Do(func() { close(ready) })
}

func main() {
	ready := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	for _, p := range []string{"header", "body"} {
		wg.Add(1)
		go fetch(p, ready, &once, &wg)
	}
	<-ready
	wg.Wait()
	fmt.Println("ready")
}
