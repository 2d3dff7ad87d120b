// The caller stops waiting after a timeout; the worker is stuck sending its late result.
package leak

import (
	"testing"
	"time"

	"go.uber.org/goleak"
)

func slowQuery(out chan<- int) {
	time.Sleep(50 * time.Millisecond)
	out <- 1
}

func queryWithTimeout() (int, bool) {
	out := make(chan int)
	go slowQuery(out)
	select {
	case v := <-out:
		return v, true
	case <-time.After(10 * time.Millisecond):
		return 0, false
	}
}

func TestQueryTimeout(t *testing.T) {
	defer goleak.VerifyNone(t)
	if _, ok := queryWithTimeout(); ok {
		t.Log("fast")
	}
	time.Sleep(100 * time.Millisecond)
}
