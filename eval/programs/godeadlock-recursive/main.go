// A method that holds a go-deadlock RWMutex calls another method that read-locks it again:
// the library reports recursive locking before the second RLock is taken.
package main

import (
	"fmt"

	"github.com/sasha-s/go-deadlock"
)

type registry struct {
	mu    deadlock.RWMutex
	items map[string]int
}

func (r *registry) get(k string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.items[k]
}

func (r *registry) sum(keys ...string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	total := 0
	for _, k := range keys {
		total += r.get(k)
	}
	return total
}

func main() {
	deadlock.Opts.OnPotentialDeadlock = func() {}
	r := &registry{items: map[string]int{"a": 1, "b": 2}}
	fmt.Println(r.sum("a", "b"))
}
