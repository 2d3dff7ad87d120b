// Sending on a closed channel is an ordinary runtime panic (recoverable),
// not a fatal throw.
package main

import "fmt"

func trySend(ch chan int, v int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	ch <- v
	return nil
}

func main() {
	ch := make(chan int, 1)
	close(ch)
	fmt.Println(trySend(ch, 7))
}
