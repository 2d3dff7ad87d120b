// Checking len(ch) < cap(ch) before sending is check-then-act: two senders
// can both pass the check and one of them then blocks.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	slots := make(chan int, 1)
	var checked sync.WaitGroup
	checked.Add(2)
	blocked := make(chan int, 2)
	var done sync.WaitGroup
	for id := 1; id <= 2; id++ {
		done.Add(1)
		go func(id int) {
			defer done.Done()
			room := len(slots) < cap(slots) // both see room
			checked.Done()
			checked.Wait() // both have checked before either sends
			if !room {
				return
			}
			select {
			case slots <- id:
			case <-time.After(200 * time.Millisecond):
				blocked <- id // a plain send would have blocked here forever
			}
		}(id)
	}
	done.Wait()
	fmt.Printf("both senders passed the len pre-check; blocked sends: %d\n", len(blocked))
}
