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
	v, ok := c.data[k]
	c.mu.RUnlock() // leave the read side before asking for the write side
	if ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.data[k]; ok { // someone may have filled it meanwhile
		return v
	}
	v = "computed:" + k
	c.data[k] = v
	return v
}

func main() {
	c := &Cache{data: map[string]string{}}
	fmt.Println(c.Get("x"))
}
