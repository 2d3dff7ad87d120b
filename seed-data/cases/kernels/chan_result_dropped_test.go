package kernels_test

import (
	"errors"
	"testing"
)

// Channel only: the worker returns on its error path without sending, and the
// caller waits for a result that never comes.
func work(n int, out chan<- int) {
	if n < 0 {
		return // forgot to report the failure
	}
	out <- n * 2
}

func TestChanResultDropped(t *testing.T) {
	out := make(chan int)
	go work(-1, out)
	v := <-out
	if v == 0 {
		t.Error(errors.New("no result"))
	}
}
