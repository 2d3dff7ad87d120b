package kernels_test

import (
	"sync"
	"testing"
)

func TestRaceLoopVariable(t *testing.T) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	seen := map[int]bool{}
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) { // each goroutine gets its own copy
			defer wg.Done()
			mu.Lock()
			seen[i] = true
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	if len(seen) != 5 {
		t.Fatal(len(seen))
	}
}
