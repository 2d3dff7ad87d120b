package main

import (
	"fmt"
	"sync"
)

// publish offers id on out when enabled. With target left nil the send case
// can never proceed, so select takes default at once: the value is dropped,
// and publish does not block.
func publish(id int, enabled bool, out chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	var target chan int
	if enabled {
		target = out
	}
	select {
	case target <- id:
		fmt.Println("sent", id)
	default:
		fmt.Println("dropped", id)
	}
}

func main() {
	out := make(chan int, 3)
	var wg sync.WaitGroup
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go publish(id, id != 2, out, &wg)
	}
	wg.Wait()
	// Bug: expects one value per publisher, but publisher 2 dropped its value.
	for i := 0; i < 3; i++ {
		fmt.Println("received", <-out)
	}
}
