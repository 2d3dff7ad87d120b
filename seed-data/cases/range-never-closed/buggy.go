package main

import (
	"fmt"
	"time"
)

// drain prints events until the channel is closed; nothing else ends it.
func drain(events <-chan string) {
	for e := range events {
		fmt.Println("event:", e)
	}
	fmt.Println("drain finished")
}

func main() {
	events := make(chan string)
	go drain(events)
	for _, e := range []string{"start", "tick", "stop"} {
		events <- e
	}
	// Bug: events is never closed, so drain waits in its range loop forever.
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main done")
}
