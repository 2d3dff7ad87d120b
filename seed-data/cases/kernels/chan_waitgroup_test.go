package kernels_test

import (
	"sync"
	"testing"
)

// Channel + WaitGroup: Wait runs before anyone drains the unbuffered results
// channel, and the workers cannot call Done until their send completes.
func TestChanWaitGroup(t *testing.T) {
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			results <- n * n
		}(i)
	}
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	if sum != 14 {
		t.Fatal(sum)
	}
}
