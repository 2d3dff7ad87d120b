package main

import "fmt"

// total sums 1..n and hands the result over on an unbuffered channel.
func total(n int, out chan<- int) {
	sum := 0
	for i := 1; i <= n; i++ {
		sum += i
	}
	out <- sum
}

func main() {
	out := make(chan int)
	go total(100, out)
	fmt.Println("total:", <-out) // the receive pairs with the send
}
