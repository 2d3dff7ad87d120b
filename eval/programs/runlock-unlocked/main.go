// A reader releases a read lock it never took.
package main

import "sync"

type cache struct {
	mu sync.RWMutex
	m  map[string]int
}

func (c *cache) get(k string) int {
	v := c.m[k]
	c.mu.RUnlock()
	return v
}

func main() {
	c := &cache{m: map[string]int{"x": 1}}
	println(c.get("x"))
}
