// The zero value of sync.Mutex is an unlocked, ready-to-use lock.
package main

import (
	"fmt"
	"sync"
)

type tally struct {
	mu sync.Mutex // zero value, no constructor
	n  int
}

func main() {
	var t tally
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				t.mu.Lock()
				t.n++
				t.mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Printf("zero-value mutex total=%d\n", t.n)
}
