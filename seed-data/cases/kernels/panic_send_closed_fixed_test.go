package kernels_test

import (
	"sync"
	"testing"
)

func TestPanicSendClosed(t *testing.T) {
	out := make(chan int, 10)
	firstDone := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		out <- 0
		close(firstDone) // producers only say they are done
		wg.Done()
	}()
	go func() {
		<-firstDone
		out <- 1
		wg.Done()
	}()
	wg.Wait()
	close(out) // one owner closes, after every producer finished
	n := 0
	for range out {
		n++
	}
	if n != 2 {
		t.Fatal(n)
	}
}
