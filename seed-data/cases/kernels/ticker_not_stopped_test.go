package kernels_test

import (
	"runtime"
	"testing"
	"time"
)

func verifyNoLeak(t *testing.T, before int) {
	deadline := time.Now().Add(300 * time.Millisecond)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := runtime.NumGoroutine() - before; n > 0 {
		buf := make([]byte, 1<<16)
		t.Errorf("goroutine leak: %d goroutine(s) still running\n%s", n, buf[:runtime.Stack(buf, true)])
	}
}

// A heartbeat goroutine ranges over a ticker that is never stopped; nothing
// ends the loop (Stop would not close the channel either).
func startHeartbeat() {
	tk := time.NewTicker(time.Millisecond)
	go func() {
		for range tk.C {
		}
	}()
}

func TestTickerNotStopped(t *testing.T) {
	before := runtime.NumGoroutine()
	startHeartbeat()
	time.Sleep(5 * time.Millisecond)
	verifyNoLeak(t, before)
}
