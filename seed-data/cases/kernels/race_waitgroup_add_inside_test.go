package kernels_test

import (
	"sync"
	"testing"
	"time"
)

// wg.Add inside the goroutine: Wait may return before the workers counted
// themselves, and the caller reads what they still write.
func TestRaceWaitGroupAddInside(t *testing.T) {
	var wg sync.WaitGroup
	total := 0
	var mu sync.Mutex
	for i := 1; i <= 3; i++ {
		go func(i int) {
			wg.Add(1)
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	t.Log(total)
	time.Sleep(10 * time.Millisecond)
}
