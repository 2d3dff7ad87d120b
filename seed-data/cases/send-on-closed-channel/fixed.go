package main

import "fmt"

// produce sends numbers until stop is closed; as the only sender it closes out.
func produce(out chan<- int, stop <-chan struct{}) {
	defer close(out)
	for i := 0; ; i++ {
		select {
		case out <- i:
		case <-stop:
			return
		}
	}
}

func main() {
	out := make(chan int, 4)
	stop := make(chan struct{})
	go produce(out, stop)
	for i := 0; i < 3; i++ {
		fmt.Println("got", <-out)
	}
	close(stop) // ask the sender to stop instead of closing its channel
	for range out {
	}
	fmt.Println("main done")
}
