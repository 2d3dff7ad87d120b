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
		go func() {
			defer wg.Done()
			// Bug (Go 1.21 and older): i is one variable shared by every
			// iteration; the loop keeps writing it while goroutines read it.
			if i < len(names) {
				greetings[i] = "hi " + names[i]
			}
		}()
	}
	wg.Wait()
	fmt.Println(greetings)
}
