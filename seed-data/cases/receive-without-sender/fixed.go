package main

import (
	"fmt"
	"strconv"
)

type parsed struct {
	n   int
	err error
}

// parse reports on out on every path, failures included.
func parse(s string, out chan<- parsed) {
	n, err := strconv.Atoi(s)
	out <- parsed{n, err}
}

func main() {
	out := make(chan parsed)
	go parse("4x2", out)
	if r := <-out; r.err != nil {
		fmt.Println("bad input:", r.err)
	} else {
		fmt.Println("parsed", r.n)
	}
}
