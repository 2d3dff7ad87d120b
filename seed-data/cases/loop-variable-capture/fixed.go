package main

import (
	"fmt"
	"sync"
)

func main() {
	names := []string{"ann", "bob", "cy"}
	greetings := make([]string, len(names))
	var wg sync.WaitGroup
	for i := 0; i < len(names); i++ {
		wg.Add(1)
		go func(i int) { // each goroutine gets its own copy of i
			defer wg.Done()
			greetings[i] = "hi " + names[i]
		}(i)
	}
	wg.Wait()
	fmt.Println(greetings)
}
