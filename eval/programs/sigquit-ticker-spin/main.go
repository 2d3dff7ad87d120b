// A poller spins in a select with a default branch; captured with SIGQUIT.
package main

import (
	"fmt"
	"os"
	"time"
)

var updates = make(chan int)

func poll() {
	n := 0
	for {
		select {
		case v := <-updates:
			n += v
		default:
			n++
		}
	}
}

func main() {
	go poll()
	go poll()
	time.Sleep(300 * time.Millisecond)
	fmt.Fprintln(os.Stderr, "ready")
	time.Sleep(time.Hour)
}
