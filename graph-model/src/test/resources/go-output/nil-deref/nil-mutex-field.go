package main

import (
	"fmt"
	"sync"
)

type counter struct {
	mu *sync.Mutex
	n  int
}

func (c *counter) inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func main() {
	c := &counter{}
	c.inc()
	fmt.Println(c.n)
}
