package main

import (
	"fmt"
	"time"
)

// consume adds up work items until work is closed or a minute passes idle.
func consume(work <-chan int, total chan<- int) {
	sum := 0
	idle := time.NewTimer(time.Minute) // one timer, reset after each item
	defer idle.Stop()
	for {
		select {
		case n, ok := <-work:
			if !ok {
				total <- sum
				return
			}
			sum += n
			if !idle.Stop() {
				<-idle.C
			}
			idle.Reset(time.Minute)
		case <-idle.C:
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
	close(work)
	fmt.Println("sum:", <-total)
}
