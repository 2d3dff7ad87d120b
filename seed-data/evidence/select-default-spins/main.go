// "Add a default so the select never blocks" turns a waiting loop into a
// spinning one: with nothing to receive it loops as fast as the CPU allows.
package main

import (
	"fmt"
	"time"
)

func main() {
	events := make(chan int) // nothing is ever sent
	deadline := time.Now().Add(50 * time.Millisecond)
	spins := 0
	for time.Now().Before(deadline) {
		select {
		case e := <-events:
			fmt.Println("event", e)
		default:
			spins++ // no exit case, no wait: just burns CPU
		}
	}
	fmt.Printf("loop iterations in 50ms with an idle channel: %d\n", spins)
}
