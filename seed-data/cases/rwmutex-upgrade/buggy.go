package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]string
}

func (c *Cache) Get(k string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	if !ok {
		// Bug: Lock waits until every reader has left, this one included.
		c.mu.Lock()
		v = "computed:" + k
		c.data[k] = v
		c.mu.Unlock()
	}
	return v
}

func main() {
	c := &Cache{data: map[string]string{}}
	fmt.Println(c.Get("x"))
}
