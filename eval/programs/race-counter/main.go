// Two workers increment a shared counter without synchronisation.
package main

import (
	"fmt"
	"sync"
)

var visits int

func handle(wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 500; i++ {
		visits++
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go handle(&wg)
	go handle(&wg)
	wg.Wait()
	fmt.Println("visits:", visits)
}
