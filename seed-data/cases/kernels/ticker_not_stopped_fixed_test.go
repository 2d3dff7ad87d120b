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

// startHeartbeat returns a stop function that stops the ticker and ends the loop.
func startHeartbeat() func() {
	tk := time.NewTicker(time.Millisecond)
	quit := make(chan struct{})
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		defer tk.Stop()
		for {
			select {
			case <-tk.C:
			case <-quit:
				return
			}
		}
	}()
	return func() { close(quit); <-exited }
}

func TestTickerNotStopped(t *testing.T) {
	before := runtime.NumGoroutine()
	stop := startHeartbeat()
	time.Sleep(5 * time.Millisecond)
	stop()
	verifyNoLeak(t, before)
}
