package kernels_test

import (
	"sync"
	"sync/atomic"
	"testing"
)

func TestRaceCounter(t *testing.T) {
	var wg sync.WaitGroup
	var hits int64
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				atomic.AddInt64(&hits, 1)
			}
		}()
	}
	wg.Wait()
	if hits != 400 {
		t.Fatal(hits)
	}
}
