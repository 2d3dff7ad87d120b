package kernels_test

import (
	"sync"
	"testing"
)

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
	go func() { // wait and close in the background while we drain
		wg.Wait()
		close(results)
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	if sum != 14 {
		t.Fatal(sum)
	}
}
