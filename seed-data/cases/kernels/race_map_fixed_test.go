package kernels_test

import (
	"strconv"
	"sync"
	"testing"
)

func TestRaceMap(t *testing.T) {
	cache := map[string]int{}
	var mu sync.RWMutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			mu.Lock()
			cache[strconv.Itoa(i)] = i
			mu.Unlock()
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			mu.RLock()
			_ = cache[strconv.Itoa(i)]
			mu.RUnlock()
		}
	}()
	wg.Wait()
}
