package probe

import (
	"testing"

	"go.uber.org/goleak"
)

// The test of goleak_main_test.go with the goroutine's value received: nothing is left.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestNoLeak(t *testing.T) {
	ch := make(chan int)
	go func() {
		ch <- 1
	}()
	<-ch
}
