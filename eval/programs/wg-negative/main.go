// Done is called once per item and once more by a deferred call.
package main

import "sync"

func process(items []string, wg *sync.WaitGroup) {
	defer wg.Done()
	for range items {
		wg.Done()
	}
}

func main() {
	var wg sync.WaitGroup
	items := []string{"a", "b"}
	wg.Add(len(items))
	process(items, &wg)
	wg.Wait()
}
