package main

import (
	"context"
	"fmt"
	"time"
)

// export copies rows in small steps. It takes a context but never looks at it.
func export(ctx context.Context, rows int, done chan<- int) {
	for r := 0; r < rows; r++ {
		time.Sleep(10 * time.Millisecond) // one row
	}
	done <- rows
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	done := make(chan int, 1)
	go export(ctx, 1000, done)
	select {
	case n := <-done:
		fmt.Println("exported", n)
	case <-ctx.Done():
		// Bug: the timeout fires here, but export keeps copying for ten seconds.
		fmt.Println("gave up:", ctx.Err())
	}
}
