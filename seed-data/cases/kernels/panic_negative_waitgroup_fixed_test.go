package kernels_test

import (
	"sync"
	"testing"
)

func TestPanicNegativeWaitGroup(t *testing.T) {
	var wg sync.WaitGroup
	batch := []int{1, 2, 3}
	wg.Add(len(batch)) // one count per Done
	for range batch {
		wg.Done()
	}
	wg.Wait()
}
