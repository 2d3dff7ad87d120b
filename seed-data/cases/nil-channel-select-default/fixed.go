package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// publish offers id on out when enabled and counts what it really sent.
func publish(id int, enabled bool, out chan int, sent *int64, wg *sync.WaitGroup) {
	defer wg.Done()
	var target chan int
	if enabled {
		target = out
	}
	select {
	case target <- id:
		atomic.AddInt64(sent, 1)
	default:
		fmt.Println("dropped", id) // a nil send case is never ready: default runs
	}
}

func main() {
	out := make(chan int, 3)
	var sent int64
	var wg sync.WaitGroup
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go publish(id, id != 2, out, &sent, &wg)
	}
	wg.Wait()
	n := atomic.LoadInt64(&sent)
	for i := int64(0); i < n; i++ {
		fmt.Println("received", <-out)
	}
}
