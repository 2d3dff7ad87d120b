package main

import (
	"fmt"
	"runtime"
)

var (
	ready bool // Bug: a plain variable used as a signal between goroutines
	data  []string
)

func loader() {
	data = []string{"alpha", "beta"}
	ready = true
}

func main() {
	go loader()
	// Yielding lets the loader run, but Gosched creates no happens-before
	// edge: the reads of ready and data race with the writes.
	for !ready {
		runtime.Gosched()
	}
	fmt.Println("loaded", len(data), "items")
}
