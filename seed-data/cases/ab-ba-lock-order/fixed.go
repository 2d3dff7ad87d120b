package main

import (
	"fmt"
	"sync"
	"time"
)

type Box struct {
	id    int
	mu    sync.Mutex
	coins int
}

// move always locks the box with the lower id first: one global order.
func move(from, to *Box, n int, wg *sync.WaitGroup) {
	defer wg.Done()
	first, second := from, to
	if second.id < first.id {
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	time.Sleep(20 * time.Millisecond)
	second.mu.Lock()
	defer second.mu.Unlock()
	from.coins -= n
	to.coins += n
}

func main() {
	a, b := &Box{id: 1, coins: 10}, &Box{id: 2, coins: 10}
	var wg sync.WaitGroup
	wg.Add(2)
	go move(a, b, 3, &wg)
	go move(b, a, 4, &wg)
	wg.Wait()
	fmt.Println(a.coins, b.coins)
}
