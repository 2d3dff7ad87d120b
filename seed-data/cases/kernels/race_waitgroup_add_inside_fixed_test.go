package kernels_test

import (
	"sync"
	"testing"
	"time"
)

func TestRaceWaitGroupAddInside(t *testing.T) {
	var wg sync.WaitGroup
	total := 0
	var mu sync.Mutex
	for i := 1; i <= 3; i++ {
		wg.Add(1) // before the go statement
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	if total != 6 {
		t.Fatal(total)
	}
	time.Sleep(10 * time.Millisecond)
}
