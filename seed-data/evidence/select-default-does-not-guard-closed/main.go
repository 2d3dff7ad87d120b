// A select with a default does not protect a send on a closed channel:
// the closed channel's case is ready, and selecting it panics.
package main

import "fmt"

func offer(ch chan<- int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func main() {
	ch := make(chan int)
	close(ch)
	fmt.Println("offering to a closed channel through select+default")
	fmt.Println(offer(ch, 1))
}
