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
	var fast, slow chan int
	fast = make(chan int)
	// Bug: slow is never made. Sending on a nil channel blocks forever and a
	// nil case in select is never ready.
	go produce(fast, 1, 2, 3)
	go produce(slow, 10, 20)
	sum, open := 0, 2
	for open > 0 {
		select {
		case v, ok := <-fast:
			if !ok {
				fast, open = nil, open-1 // drop the finished source from the select
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
