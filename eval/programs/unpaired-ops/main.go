// Two goroutines each wait to receive from the other before sending.
package main

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		v := <-ping
		pong <- v + 1
	}()
	v := <-pong // both sides receive first
	ping <- v
}
