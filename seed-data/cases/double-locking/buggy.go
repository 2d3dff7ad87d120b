package main

import (
	"fmt"
	"sync"
)

type Cart struct {
	mu    sync.Mutex
	items map[string]int
}

func (c *Cart) Count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, q := range c.items {
		n += q
	}
	return n
}

// Add refuses to go past ten items.
func (c *Cart) Add(item string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.Count() >= 10 { // Bug: Count locks c.mu again; Go's Mutex is not reentrant
		return false
	}
	c.items[item]++
	return true
}

func main() {
	c := &Cart{items: map[string]int{}}
	fmt.Println("added:", c.Add("apple"))
}
