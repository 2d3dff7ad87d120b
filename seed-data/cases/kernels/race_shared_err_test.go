package kernels_test

import (
	"errors"
	"sync"
	"testing"
)

// Data race: goroutines assign to an err variable captured from the outer function.
func check(n int) error {
	if n%2 == 1 {
		return errors.New("odd")
	}
	return nil
}

func TestRaceSharedErr(t *testing.T) {
	var err error
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			err = check(i)
		}(i)
	}
	wg.Wait()
	t.Log(err)
}
