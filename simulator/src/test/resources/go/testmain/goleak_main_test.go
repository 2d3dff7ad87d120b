package probe

import (
	"testing"

	"go.uber.org/goleak"
)

// goleak.VerifyTestMain runs the tests, then looks for goroutines left running: TestLeaks leaves one blocked.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestLeaks(t *testing.T) {
	ch := make(chan int)
	go func() {
		ch <- 1
	}()
}
