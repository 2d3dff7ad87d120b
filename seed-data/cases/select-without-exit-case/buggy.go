package main

import "fmt"

// dispatch serves two queues. Bug: no case ever leaves the loop, so the
// goroutine outlives its callers, parked in select.
func dispatch(orders, refunds <-chan string) {
	for {
		select {
		case o := <-orders:
			fmt.Println("order", o)
		case r := <-refunds:
			fmt.Println("refund", r)
		}
	}
}

func main() {
	orders, refunds := make(chan string), make(chan string)
	go dispatch(orders, refunds)
	orders <- "A-1"
	refunds <- "R-1"
	orders <- "A-2"
	fmt.Println("shutting down")
}
