package late

import (
	"testing"
	"time"
)

// The goroutine fails after the test has returned: the testing package panics.
func TestReturnsBeforeItsGoroutine(t *testing.T) {
	go func() {
		time.Sleep(50 * time.Millisecond)
		t.Error("too late")
	}()
}

func TestKeepsBinaryAlive(t *testing.T) { time.Sleep(300 * time.Millisecond) }
