package kernels_test

import (
	"sync"
	"testing"
	"time"
)

// Condition variable: Wait under "if" instead of "for". Broadcast wakes both
// consumers for one item; the second takes from an empty queue and panics.
func TestCondWaitNoLoop(t *testing.T) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	var queue []int
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			mu.Lock()
			if len(queue) == 0 {
				c.Wait()
			}
			queue = queue[1:] // index out of range for the second consumer
			mu.Unlock()
			// not deferred: a consumer that panics must not count as done, or the test
			// could return and report ok before the panic ends the process
			wg.Done()
		}()
	}
	time.Sleep(50 * time.Millisecond) // both consumers wait
	mu.Lock()
	queue = append(queue, 1)
	c.Broadcast()
	mu.Unlock()
	wg.Wait()
}
