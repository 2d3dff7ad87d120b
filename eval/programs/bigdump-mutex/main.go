// A validation error returns while holding the registry lock; every later
// request piles up behind it. Built and signalled with SIGQUIT.
package main

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"time"
)

type registry struct {
	mu    sync.Mutex
	names map[string]int
}

func (r *registry) add(name string) error {
	r.mu.Lock()
	if name == "" {
		return errors.New("empty name") // lock never released
	}
	r.names[name]++
	r.mu.Unlock()
	return nil
}

func main() {
	r := &registry{names: map[string]int{}}
	_ = r.add("")
	for i := 0; i < 1500; i++ {
		go r.add(fmt.Sprint("user", i))
	}
	time.Sleep(300 * time.Millisecond)
	fmt.Fprintln(os.Stderr, "ready")
	time.Sleep(time.Hour)
}
