package kernels_test

import "testing"

// Channel misuse: the done channel is only made on one code path.
type job struct{ done chan struct{} }

func newJob(async bool) *job {
	j := &job{}
	if async {
		j.done = make(chan struct{})
	}
	return j
}

func TestPanicCloseNil(t *testing.T) {
	j := newJob(false)
	close(j.done)
}
