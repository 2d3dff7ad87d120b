package main

import (
	"fmt"
	"time"
)

// fetch waits at most timeout for the worker's answer. On the timeout path nobody
// receives from ch, so the worker stays blocked on its send for ever: a leak.
func fetch(timeout time.Duration) (int, error) {
	ch := make(chan int)
	go func() {
		ch <- 42
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(timeout):
		return 0, fmt.Errorf("timeout")
	}
}

func main() {
	v, err := fetch(time.Nanosecond)
	fmt.Println(v, err)
}
