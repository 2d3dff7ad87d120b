package main

import (
	"fmt"
	"time"
)

// total sums 1..n and hands the result over on an unbuffered channel.
func total(n int, out chan<- int) {
	sum := 0
	for i := 1; i <= n; i++ {
		sum += i
	}
	out <- sum // needs a receiver at the same moment
}

func main() {
	out := make(chan int)
	go total(100, out)
	time.Sleep(10 * time.Millisecond)
	// Bug: nobody ever receives from out, so total stays blocked in its send.
	fmt.Println("main done without reading the result")
}
