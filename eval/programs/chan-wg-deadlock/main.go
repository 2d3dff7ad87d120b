// Workers send on an unbuffered channel that is read only after wg.Wait().
package main

import (
	"fmt"
	"sync"
)

func main() {
	out := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			out <- n * n
		}(i)
	}
	wg.Wait()
	close(out)
	for v := range out {
		fmt.Println(v)
	}
}
