package main

import (
	"fmt"
	"sync"
)

func main() {
	files := []string{"a.txt", "b.txt", "c.txt"}
	var wg sync.WaitGroup
	var mu sync.Mutex
	sizes := map[string]int{}
	for _, f := range files {
		wg.Add(1) // one Add per goroutine, right before it starts
		go func(name string) {
			defer wg.Done()
			mu.Lock()
			sizes[name] = len(name)
			mu.Unlock()
		}(f)
	}
	wg.Wait()
	fmt.Println(len(sizes), "files measured")
}
