package main

import "fmt"

// drain prints events until the channel is closed, then reports on finished.
func drain(events <-chan string, finished chan<- struct{}) {
	for e := range events {
		fmt.Println("event:", e)
	}
	fmt.Println("drain finished")
	close(finished)
}

func main() {
	events := make(chan string)
	finished := make(chan struct{})
	go drain(events, finished)
	for _, e := range []string{"start", "tick", "stop"} {
		events <- e
	}
	close(events) // the sender closes: this ends the range loop
	<-finished
	fmt.Println("main done")
}
