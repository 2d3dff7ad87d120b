package main

import (
	"fmt"
	"sync"
)

type Inventory struct {
	mu    sync.Mutex
	count int
}

func (v *Inventory) Add(n int) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.count += n
}

// Remove takes the same lock as Add: every access to count is guarded.
func (v *Inventory) Remove(n int) {
	v.mu.Lock()
	defer v.mu.Unlock()
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
