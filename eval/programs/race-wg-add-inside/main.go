// Add is called inside the goroutine, racing with Wait in the caller.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		go func(n int) {
			wg.Add(1)
			defer wg.Done()
			time.Sleep(50 * time.Millisecond)
			fmt.Println(n)
		}(i)
	}
	time.Sleep(10 * time.Millisecond) // other start-up work
	wg.Wait()
}
