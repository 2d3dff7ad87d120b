package kernels_test

import (
	"context"
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

// Channel + context: the subscriber waits on its feed but not on ctx.Done(),
// so cancelling the context does not end it.
func subscribe(ctx context.Context, feed <-chan string) {
	go func() {
		for msg := range feed {
			_ = msg
		}
	}()
}

func TestChanCtxIgnored(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	feed := make(chan string)
	subscribe(ctx, feed)
	feed <- "hello"
	cancel()
	verifyNoLeak(t, before)
}
