package main

import (
	"fmt"
	"time"
)

// produce sends numbers until the program ends.
func produce(out chan<- int) {
	for i := 0; ; i++ {
		out <- i
		time.Sleep(time.Millisecond)
	}
}

func main() {
	out := make(chan int, 4)
	go produce(out)
	for i := 0; i < 3; i++ {
		fmt.Println("got", <-out)
	}
	// Bug: the receiver closes a channel the producer is still sending on.
	close(out)
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main done")
}
