package main

import "fmt"

// worker takes jobs until the channel is closed, then reports on done.
func worker(jobs <-chan int, done chan<- bool) {
	for j := range jobs {
		fmt.Println("job", j)
	}
	done <- true
}

func main() {
	jobs := make(chan int)
	done := make(chan bool)
	go worker(jobs, done)
	for j := 1; j <= 4; j++ {
		jobs <- j
	}
	close(jobs) // the receiver no longer needs to know the count
	<-done
	fmt.Println("all jobs handled")
}
