package main

import "fmt"

// produce sends its values, then closes out.
func produce(out chan<- int, vals ...int) {
	for _, v := range vals {
		out <- v
	}
	close(out)
}

func main() {
	fast, slow := make(chan int), make(chan int) // both sources exist
	go produce(fast, 1, 2, 3)
	go produce(slow, 10, 20)
	sum, open := 0, 2
	for open > 0 {
		select {
		case v, ok := <-fast:
			if !ok {
				fast, open = nil, open-1 // a nil channel is never ready again
				continue
			}
			sum += v
		case v, ok := <-slow:
			if !ok {
				slow, open = nil, open-1
				continue
			}
			sum += v
		}
	}
	fmt.Println("sum:", sum)
}
