package kernels_test

import (
	"sync"
	"testing"
)

// Channel misuse: a len(ch) check before a blocking send is check-then-act.
// Both producers pass the check before either sends (forced by the barrier),
// and the second send blocks on the full buffer forever.
func TestChanLenCheck(t *testing.T) {
	q := make(chan int, 1)
	var checked, wg sync.WaitGroup
	checked.Add(2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			room := len(q) < cap(q)
			checked.Done()
			checked.Wait()
			if room {
				q <- i
			}
		}(i)
	}
	wg.Wait()
}
