package main

import (
	"context"
	"fmt"
	"time"
)

// export copies rows in small steps and stops as soon as ctx ends.
func export(ctx context.Context, rows int, done chan<- int) {
	for r := 0; r < rows; r++ {
		select {
		case <-ctx.Done():
			done <- r
			return
		case <-time.After(10 * time.Millisecond): // one row
		}
	}
	done <- rows
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	done := make(chan int, 1)
	go export(ctx, 1000, done)
	n := <-done // export returns promptly once the timeout fires
	fmt.Println("exported", n, "rows; ctx:", ctx.Err())
}
