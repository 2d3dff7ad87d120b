package main

import (
	"fmt"
	"sync"
	"time"
)

type Box struct {
	mu    sync.Mutex
	coins int
}

// move takes the source lock, then the destination lock.
func move(from, to *Box, n int, wg *sync.WaitGroup) {
	defer wg.Done()
	from.mu.Lock()
	defer from.mu.Unlock()
	time.Sleep(20 * time.Millisecond) // some bookkeeping while holding the first lock
	to.mu.Lock()
	defer to.mu.Unlock()
	from.coins -= n
	to.coins += n
}

func main() {
	a, b := &Box{coins: 10}, &Box{coins: 10}
	var wg sync.WaitGroup
	wg.Add(2)
	// Bug: the two moves lock the same boxes in opposite orders.
	go move(a, b, 3, &wg)
	go move(b, a, 4, &wg)
	wg.Wait()
	fmt.Println(a.coins, b.coins)
}
