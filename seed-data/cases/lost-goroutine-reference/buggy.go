package main

import "fmt"

// startCache runs a goroutine that serves updates until stop is closed.
func startCache(name string) chan<- string {
	stop := make(chan struct{})
	updates := make(chan string)
	go func() {
		for {
			select {
			case <-stop:
				return
			case k := <-updates:
				fmt.Println(name, "cached", k)
			}
		}
	}()
	// Bug: stop never leaves this function, so no caller can end the goroutine.
	return updates
}

func main() {
	for i := 0; i < 3; i++ {
		u := startCache(fmt.Sprint("cache-", i))
		u <- "key"
	}
	fmt.Println("main done")
}
