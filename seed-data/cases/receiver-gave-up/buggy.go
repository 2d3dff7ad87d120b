package main

import (
	"fmt"
	"time"
)

// lookup answers slowly on reply.
func lookup(key string, reply chan<- string) {
	time.Sleep(30 * time.Millisecond)
	reply <- "value of " + key
}

func main() {
	reply := make(chan string) // Bug: unbuffered, so a late answer has nowhere to go
	go lookup("user:7", reply)
	select {
	case v := <-reply:
		fmt.Println(v)
	case <-time.After(5 * time.Millisecond):
		fmt.Println("timed out; the caller stops waiting")
	}
	time.Sleep(50 * time.Millisecond) // the caller carries on with other work
	fmt.Println("main done")
}
