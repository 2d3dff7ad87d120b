package main

import (
	"fmt"
	"time"
)

// consume adds up work items and gives up after a minute of silence.
func consume(work <-chan int, total chan<- int) {
	sum := 0
	for {
		select {
		case n := <-work:
			sum += n
		// Bug: a fresh one-minute timer on every pass, each kept until it
		// fires; and a minute of silence is the only way out of the loop.
		case <-time.After(time.Minute):
			total <- sum
			return
		}
	}
}

func main() {
	work := make(chan int)
	total := make(chan int, 1)
	go consume(work, total)
	for i := 1; i <= 1000; i++ {
		work <- i
	}
	fmt.Println("sent 1000 items")
}
