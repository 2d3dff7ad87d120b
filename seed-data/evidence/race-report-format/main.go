// What `go run -race` prints for an unsynchronised counter.
package main

import (
	"fmt"
	"sync"
)

var hits int

func bump(wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 100; i++ {
		hits++
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go bump(&wg)
	go bump(&wg)
	wg.Wait()
	fmt.Println("hits:", hits)
}
