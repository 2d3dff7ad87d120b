package kernels_test

import (
	"sync"
	"testing"
)

// WaitGroup misuse: Add counts batches but Done is called per item.
func TestPanicNegativeWaitGroup(t *testing.T) {
	var wg sync.WaitGroup
	batch := []int{1, 2, 3}
	wg.Add(1)
	for range batch {
		wg.Done()
	}
	wg.Wait()
}
