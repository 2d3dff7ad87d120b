package main

import (
	"fmt"
	"sync"
)

type Inventory struct {
	mu    sync.Mutex
	count int
}

// Add takes the lock.
func (v *Inventory) Add(n int) {
	v.mu.Lock()
	v.count += n
	v.mu.Unlock()
}

// Remove forgot it: the lock protects nothing unless every access takes it.
func (v *Inventory) Remove(n int) {
	v.count -= n
}

func main() {
	inv := &Inventory{count: 100}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			inv.Add(1)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			inv.Remove(1)
		}
	}()
	wg.Wait()
	fmt.Println("count:", inv.count, "expected: 100")
}
