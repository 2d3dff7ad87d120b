// RWMutex has no upgrade: Lock while this goroutine holds RLock waits for
// its own reader forever. With nothing else runnable Go reports a deadlock.
package main

import (
	"fmt"
	"sync"
)

var (
	mu    sync.RWMutex
	cache = map[string]int{}
)

func getOrFill(k string) int {
	mu.RLock()
	defer mu.RUnlock()
	if v, ok := cache[k]; ok {
		return v
	}
	mu.Lock() // waits for all readers, including ourselves
	cache[k] = len(k)
	mu.Unlock()
	return cache[k]
}

func main() {
	fmt.Println("upgrading a read lock")
	fmt.Println(getOrFill("alpha"))
}
