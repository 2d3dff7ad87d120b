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
	wg.Add(len(files) + 1) // Bug: one more than the number of Done calls
	for _, f := range files {
		go func(name string) {
			defer wg.Done()
			mu.Lock()
			sizes[name] = len(name)
			mu.Unlock()
		}(f)
	}
	wg.Wait() // the counter stops at 1: every goroutine is asleep
	fmt.Println(len(sizes), "files measured")
}
