package kernels_test

import (
	"sync"
	"testing"
)

func TestRaceSliceAppend(t *testing.T) {
	out := make([]int, 4) // each goroutine owns one element
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			out[i] = i
		}(i)
	}
	wg.Wait()
	if len(out) != 4 {
		t.Fatal(len(out))
	}
}
