package kernels_test

import (
	"errors"
	"sync"
	"testing"
)

func check(n int) error {
	if n%2 == 1 {
		return errors.New("odd")
	}
	return nil
}

func TestRaceSharedErr(t *testing.T) {
	errs := make([]error, 4) // one slot per goroutine
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			errs[i] = check(i)
		}(i)
	}
	wg.Wait()
	if errs[1] == nil {
		t.Fatal("expected an error for 1")
	}
}
