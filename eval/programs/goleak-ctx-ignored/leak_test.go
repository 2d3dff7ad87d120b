// The poller receives a context but never selects on ctx.Done().
package leak

import (
	"context"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func poll(ctx context.Context, tick <-chan time.Time, out chan<- int) {
	for range tick {
		out <- 1
	}
}

func TestPollStops(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	tick := make(chan time.Time)
	go poll(ctx, tick, make(chan int))
	<-ctx.Done()
}
