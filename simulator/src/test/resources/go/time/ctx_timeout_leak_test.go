package fetch

import (
	"context"
	"errors"
	"testing"
)

// fetch waits for the worker's answer until ctx ends. On that path nobody
// receives from ch, so the worker stays blocked on its send for ever: a leak.
func fetch(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() {
		ch <- 42
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func TestFetch(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 1)
	defer cancel()
	v, err := fetch(ctx)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		t.Fatal(err)
	}
	t.Log(v, err)
}
