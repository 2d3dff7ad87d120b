package main

import (
	"context"
	"fmt"
)

// dispatch serves two queues until ctx is cancelled.
func dispatch(ctx context.Context, orders, refunds <-chan string, exited chan<- struct{}) {
	defer close(exited)
	for {
		select {
		case o := <-orders:
			fmt.Println("order", o)
		case r := <-refunds:
			fmt.Println("refund", r)
		case <-ctx.Done(): // the exit case
			return
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	orders, refunds := make(chan string), make(chan string)
	exited := make(chan struct{})
	go dispatch(ctx, orders, refunds, exited)
	orders <- "A-1"
	refunds <- "R-1"
	orders <- "A-2"
	cancel()
	<-exited
	fmt.Println("shut down")
}
