// Each request starts a worker that sends its result on an unbuffered channel;
// the handler gives up after a short timeout, so late workers block forever.
// Built and signalled with SIGQUIT to capture a goroutine dump.
package main

import (
	"fmt"
	"os"
	"time"
)

func lookupPrice(id int, out chan<- int) {
	time.Sleep(2 * time.Millisecond)
	out <- id * 3
}

func handle(id int) (int, error) {
	out := make(chan int)
	go lookupPrice(id, out)
	select {
	case v := <-out:
		return v, nil
	case <-time.After(time.Millisecond / 2):
		return 0, fmt.Errorf("request %d timed out", id)
	}
}

func main() {
	n := 1200
	for i := 0; i < n; i++ {
		go handle(i)
	}
	time.Sleep(300 * time.Millisecond)
	fmt.Fprintln(os.Stderr, "ready")
	time.Sleep(time.Hour)
}
