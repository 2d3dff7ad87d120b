// Two transfers lock the same two accounts in opposite orders.
package main

import (
	"sync"
	"time"
)

type account struct {
	mu  sync.Mutex
	bal int
}

func transfer(from, to *account, n int, wg *sync.WaitGroup) {
	defer wg.Done()
	from.mu.Lock()
	defer from.mu.Unlock()
	time.Sleep(10 * time.Millisecond)
	to.mu.Lock()
	defer to.mu.Unlock()
	from.bal -= n
	to.bal += n
}

func main() {
	a, b := &account{bal: 10}, &account{bal: 10}
	var wg sync.WaitGroup
	wg.Add(2)
	go transfer(a, b, 1, &wg)
	go transfer(b, a, 2, &wg)
	wg.Wait()
}
