package kernels_test

import (
	"strconv"
	"sync"
	"testing"
)

// Data race on a map: one goroutine writes while another reads.
func TestRaceMap(t *testing.T) {
	cache := map[string]int{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			cache[strconv.Itoa(i)] = i
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			_ = cache[strconv.Itoa(i)]
		}
	}()
	wg.Wait()
}
