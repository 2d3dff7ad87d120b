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

func fetch(ctx context.Context) (string, error) {
	out := make(chan string, 1) // the late answer fits in the buffer
	go func() {
		time.Sleep(20 * time.Millisecond)
		out <- "data"
	}()
	select {
	case v := <-out:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func TestChanCtxLateSend(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	_, _ = fetch(ctx)
	verifyNoLeak(t, before)
}
