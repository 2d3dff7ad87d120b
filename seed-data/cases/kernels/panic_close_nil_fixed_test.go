package kernels_test

import "testing"

type job struct{ done chan struct{} }

func newJob(async bool) *job {
	return &job{done: make(chan struct{})} // always made
}

func TestPanicCloseNil(t *testing.T) {
	j := newJob(false)
	close(j.done)
}
