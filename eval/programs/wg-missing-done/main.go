// One branch of the worker returns early without calling Done.
package main

import (
	"fmt"
	"sync"
)

func work(n int, wg *sync.WaitGroup) {
	if n%2 == 1 {
		return // forgot wg.Done()
	}
	fmt.Println("did", n)
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go work(i, &wg)
	}
	wg.Wait()
}
