package kernels_test

import (
	"sync"
	"testing"
)

// Channel misuse: the first producer to finish closes the shared channel
// while another producer still has something to send.
func TestPanicSendClosed(t *testing.T) {
	out := make(chan int, 10)
	firstDone := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		out <- 0
		close(out) // "I am done" closes it for everyone
		close(firstDone)
		wg.Done()
	}()
	go func() {
		<-firstDone // a slower producer
		out <- 1
		// not deferred: a producer that panics must not count as done, or the test
		// could return and report ok before the panic ends the process
		wg.Done()
	}()
	wg.Wait()
}
