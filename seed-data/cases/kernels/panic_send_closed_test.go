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
		defer wg.Done()
		out <- 0
		close(out) // "I am done" closes it for everyone
		close(firstDone)
	}()
	go func() {
		defer wg.Done()
		<-firstDone // a slower producer
		out <- 1
	}()
	wg.Wait()
}
