// A nil *sync.Mutex fails with a nil-pointer dereference, not with a mutex error.
package main

import (
	"fmt"
	"sync"
)

type guarded struct {
	mu *sync.Mutex // never initialised
	n  int
}

func main() {
	var g guarded
	fmt.Println("locking through a nil *sync.Mutex")
	g.mu.Lock()
	g.n++
	g.mu.Unlock()
}
