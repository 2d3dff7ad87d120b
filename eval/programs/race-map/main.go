// Session map written by two goroutines; the race detector sees it first.
package main

import "sync"

var sessions = map[string]int{}

func login(user string, wg *sync.WaitGroup) {
	defer wg.Done()
	sessions[user] = len(user)
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go login("ann", &wg)
	go login("bob", &wg)
	wg.Wait()
}
