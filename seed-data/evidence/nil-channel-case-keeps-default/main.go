// A select case on a nil channel is never ready, but default still runs.
package main

import "fmt"

func main() {
	var out chan<- int // nil: e.g. a producer whose channel was not set
	tookDefault := 0
	for i := 0; i < 1000; i++ {
		select {
		case out <- i:
			fmt.Println("sent (impossible on a nil channel)")
		default:
			tookDefault++
		}
	}
	fmt.Printf("nil send case with default: default taken %d of 1000 times, no block\n", tookDefault)
}
