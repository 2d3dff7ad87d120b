package main

import (
	"fmt"
	"sync"
)

type Cart struct {
	mu    sync.Mutex
	items map[string]int
}

// countLocked expects c.mu to be held.
func (c *Cart) countLocked() int {
	n := 0
	for _, q := range c.items {
		n += q
	}
	return n
}

func (c *Cart) Count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.countLocked()
}

// Add refuses to go past ten items.
func (c *Cart) Add(item string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.countLocked() >= 10 {
		return false
	}
	c.items[item]++
	return true
}

func main() {
	c := &Cart{items: map[string]int{}}
	fmt.Println("added:", c.Add("apple"), "count:", c.Count())
}
