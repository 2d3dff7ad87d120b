package kernels_test

import (
	"sync"
	"testing"
)

// A worker returns early without Done; Wait never sees the counter reach zero.
func TestWaitGroupMissingDone(t *testing.T) {
	var wg sync.WaitGroup
	for _, job := range []string{"a", "", "c"} {
		wg.Add(1)
		go func(job string) {
			if job == "" {
				return // Done is skipped here
			}
			wg.Done()
		}(job)
	}
	wg.Wait()
}
