package main

import (
	"fmt"
	"sync"
)

func main() {
	pages := []string{"/a", "/b", "/c"}
	sizes := make(chan int)
	var wg sync.WaitGroup
	for _, p := range pages {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			sizes <- len(p) * 100
		}(p)
	}
	go func() { // close once every worker is done, while main drains
		wg.Wait()
		close(sizes)
	}()
	total := 0
	for s := range sizes {
		total += s
	}
	fmt.Println("total:", total)
}
