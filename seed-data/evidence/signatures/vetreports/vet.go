package vetreports

import (
	"context"
	"sync"
	"time"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func Snapshot(c Counter) int { return c.n } // copylocks: passes lock by value

func Fetch(parent context.Context) error {
	ctx, _ := context.WithTimeout(parent, time.Second) // lostcancel
	return ctx.Err()
}
