package main

import "fmt"

// startCache runs a goroutine that serves updates; the returned stop function
// ends it and waits until it has returned.
func startCache(name string) (chan<- string, func()) {
	stop := make(chan struct{})
	exited := make(chan struct{})
	updates := make(chan string)
	go func() {
		defer close(exited)
		for {
			select {
			case <-stop:
				return
			case k := <-updates:
				fmt.Println(name, "cached", k)
			}
		}
	}()
	return updates, func() { close(stop); <-exited }
}

func main() {
	for i := 0; i < 3; i++ {
		u, stop := startCache(fmt.Sprint("cache-", i))
		u <- "key"
		stop()
	}
	fmt.Println("main done")
}
