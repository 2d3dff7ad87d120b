package kernels_test

import (
	"sync"
	"testing"
	"time"
)

func TestCondWaitNoLoop(t *testing.T) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	var queue []int
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			mu.Lock()
			for len(queue) == 0 { // re-check after every wake-up
				c.Wait()
			}
			queue = queue[1:]
			mu.Unlock()
			wg.Done()
		}()
	}
	time.Sleep(50 * time.Millisecond)
	mu.Lock()
	queue = append(queue, 1, 2)
	c.Broadcast()
	mu.Unlock()
	wg.Wait()
}
