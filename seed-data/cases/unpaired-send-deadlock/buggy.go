package main

import "fmt"

// worker takes exactly n jobs, then reports on done.
func worker(jobs <-chan int, n int, done chan<- bool) {
	for i := 0; i < n; i++ {
		fmt.Println("job", <-jobs)
	}
	done <- true
}

func main() {
	jobs := make(chan int)
	done := make(chan bool)
	go worker(jobs, 3, done)
	// Bug: four sends against three receives; the fourth send never pairs.
	for j := 1; j <= 4; j++ {
		jobs <- j
	}
	<-done
	fmt.Println("all jobs handled")
}
