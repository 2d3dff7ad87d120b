// A pool starts one consumer per batch; producers never close the batch
// channels, so every consumer stays in its range loop. Built and signalled.
package main

import (
	"fmt"
	"os"
	"time"
)

func consume(batch <-chan string, seen *int64) {
	for item := range batch {
		_ = item
	}
}

func main() {
	var seen int64
	for b := 0; b < 1100; b++ {
		ch := make(chan string, 2)
		go consume(ch, &seen)
		ch <- "a"
		ch <- "b"
	}
	time.Sleep(300 * time.Millisecond)
	fmt.Fprintln(os.Stderr, "ready")
	time.Sleep(time.Hour)
}
