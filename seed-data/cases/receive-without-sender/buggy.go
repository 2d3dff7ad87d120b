package main

import (
	"fmt"
	"strconv"
)

// parse reports the number on out, but only when the input is valid.
func parse(s string, out chan<- int) {
	n, err := strconv.Atoi(s)
	if err != nil {
		fmt.Println("bad input:", err)
		return // Bug: the failure path never sends, so the receiver waits forever
	}
	out <- n
}

func main() {
	out := make(chan int)
	go parse("4x2", out)
	fmt.Println("parsed", <-out)
}
