// Go has no way to ask whether a channel is closed without receiving from it.
// The usual "isClosed" helper receives, so on an open channel with buffered
// data it steals a value, and its answer is stale the moment it returns.
package main

import "fmt"

func isClosed(ch chan int) bool {
	select {
	case _, ok := <-ch:
		return !ok
	default:
		return false
	}
}

func main() {
	ch := make(chan int, 1)
	ch <- 42
	before := len(ch)
	closed := isClosed(ch)
	fmt.Printf("isClosed=%v, buffered values before=%d after=%d: the check consumed a value\n", closed, before, len(ch))
}
