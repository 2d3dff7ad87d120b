// A struct containing a mutex is passed by value.
package main

import (
	"fmt"
	"sync"
)

type stats struct {
	mu    sync.Mutex
	count int
}

func report(s stats) { fmt.Println(s.count) }

func main() {
	var s stats
	s.mu.Lock()
	s.count++
	s.mu.Unlock()
	report(s)
}
