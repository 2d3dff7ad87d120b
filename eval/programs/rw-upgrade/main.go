// A cache miss tries to take the write lock while still holding the read lock.
package main

import "sync"

type cache struct {
	mu sync.RWMutex
	m  map[string]string
}

func (c *cache) get(k string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if v, ok := c.m[k]; ok {
		return v
	}
	c.mu.Lock() // upgrade: waits for our own read lock
	c.m[k] = "computed"
	c.mu.Unlock()
	return c.m[k]
}

func main() {
	c := &cache{m: map[string]string{}}
	println(c.get("a"))
}
