// Counter methods have a value receiver, so each call locks its own copy of the mutex.
package main

import (
	"fmt"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  *int
}

func (c counter) inc() {
	c.mu.Lock()
	*c.n++
	c.mu.Unlock()
}

func main() {
	n := 0
	c := counter{n: &n}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); c.inc() }()
	}
	wg.Wait()
	fmt.Println(n)
}
