// Goroutines started in a loop read the loop variable instead of a copy.
package main

import (
	"fmt"
	"sync"
)

func main() {
	names := []string{"a", "b", "c"}
	var wg sync.WaitGroup
	for i := 0; i < len(names); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i < len(names) {
				fmt.Println(names[i])
			}
		}()
	}
	wg.Wait()
}
