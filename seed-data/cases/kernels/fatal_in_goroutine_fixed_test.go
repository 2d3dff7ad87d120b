package kernels_test

import (
	"strconv"
	"testing"
)

type parsed struct {
	n   int
	err error
}

// The goroutine reports the error; only the test goroutine calls t.Fatal.
func TestFatalInGoroutine(t *testing.T) {
	out := make(chan parsed, 1)
	go func() {
		n, err := strconv.Atoi("x1")
		out <- parsed{n, err}
	}()
	if r := <-out; r.err == nil {
		t.Fatal("expected a parse error")
	}
}
