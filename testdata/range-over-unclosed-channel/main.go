package main

import "fmt"

func produce(out chan int) {
	for i := 0; i < 3; i++ {
		out <- i
	}
}

func main() {
	results := make(chan int)
	go produce(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println(sum)
}
