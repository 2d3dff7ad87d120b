// Both channels in the select end up nil, so the select can never proceed.
package main

import "fmt"

func main() {
	var in chan int
	var quit chan struct{}
	for {
		select {
		case v := <-in:
			fmt.Println(v)
		case <-quit:
			return
		}
	}
}
