// A waiter spins with runtime.Gosched on a plain bool set by another goroutine.
package main

import (
	"fmt"
	"runtime"
)

var ready bool
var data int

func main() {
	go func() {
		data = 7
		ready = true
	}()
	for !ready {
		runtime.Gosched()
	}
	fmt.Println(data)
}
