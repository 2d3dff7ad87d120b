// A sender on an unbuffered channel with no receiver shows up in a goroutine
// dump as "[chan send]". Build it and send SIGQUIT: `go run` ignores SIGQUIT.
package main

import (
	"fmt"
	"os"
	"time"
)

func emit(ch chan<- string) {
	ch <- "nobody is listening"
}

func main() {
	ch := make(chan string)
	go emit(ch)
	fmt.Fprintln(os.Stderr, "ready")
	time.Sleep(time.Hour) // main stays alive, so no global deadlock is reported
}
