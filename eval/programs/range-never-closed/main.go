// The consumer ranges over a channel the producer never closes.
package main

import "fmt"

func produce(out chan<- int) {
	for i := 0; i < 3; i++ {
		out <- i
	}
	// missing close(out)
}

func main() {
	ch := make(chan int)
	go produce(ch)
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println(sum)
}
