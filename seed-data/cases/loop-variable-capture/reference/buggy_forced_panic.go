package main

import (
	"fmt"
	"sync"
	"time"
)

// Forcing variant of ../buggy.go: the loop moves on only after the goroutine
// has passed its bounds check, and the goroutine pauses before using i, so
// by then the loop has left the shared i at len(names).
func main() {
	names := []string{"ann", "bob", "cy"}
	greetings := make([]string, len(names))
	checked := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < len(names); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i < len(names) {
				checked <- struct{}{}
				time.Sleep(10 * time.Millisecond) // the forced pause
				greetings[i] = "hi " + names[i]
			}
		}()
		<-checked
	}
	wg.Wait()
	fmt.Println(greetings)
}
