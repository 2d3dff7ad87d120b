package kernels_test

import (
	"sync"
	"testing"
)

// Data race: append to a shared slice from several goroutines; elements get lost.
func TestRaceSliceAppend(t *testing.T) {
	var out []int
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			out = append(out, i)
		}(i)
	}
	wg.Wait()
	t.Log(len(out))
}
