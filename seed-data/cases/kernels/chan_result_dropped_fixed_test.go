package kernels_test

import (
	"errors"
	"testing"
)

type result struct {
	v   int
	err error
}

// work reports on every path, failures included.
func work(n int, out chan<- result) {
	if n < 0 {
		out <- result{err: errors.New("negative input")}
		return
	}
	out <- result{v: n * 2}
}

func TestChanResultDropped(t *testing.T) {
	out := make(chan result)
	go work(-1, out)
	if r := <-out; r.err == nil {
		t.Error("expected an error")
	}
}
