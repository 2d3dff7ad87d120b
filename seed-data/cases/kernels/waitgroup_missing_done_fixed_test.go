package kernels_test

import (
	"sync"
	"testing"
)

func TestWaitGroupMissingDone(t *testing.T) {
	var wg sync.WaitGroup
	for _, job := range []string{"a", "", "c"} {
		wg.Add(1)
		go func(job string) {
			defer wg.Done() // on every path
			if job == "" {
				return
			}
		}(job)
	}
	wg.Wait()
}
