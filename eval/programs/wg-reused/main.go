// A WaitGroup is re-armed by Add while a previous Wait is still waking up.
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	for round := 0; round < 200000; round++ {
		wg.Add(1)
		go func() { wg.Done() }()
		go func() { wg.Wait() }()
		wg.Wait()
	}
}
