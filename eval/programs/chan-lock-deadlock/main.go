// A goroutine sends while holding a mutex that the receiver needs first.
package main

import (
	"fmt"
	"sync"
	"time"
)

var mu sync.Mutex
var events = make(chan string)

func publisher() {
	mu.Lock()
	defer mu.Unlock()
	events <- "tick" // blocks while holding mu
}

func main() {
	go publisher()
	time.Sleep(10 * time.Millisecond)
	mu.Lock() // waits for publisher, which waits for us
	fmt.Println(<-events)
	mu.Unlock()
}
