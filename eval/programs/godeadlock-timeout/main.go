// A goroutine keeps a go-deadlock mutex locked while another waits longer than the library's
// DeadlockTimeout: it reports the waiter and where the lock was taken.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/sasha-s/go-deadlock"
)

type cache struct {
	mu   deadlock.Mutex
	data map[string]string
}

func (c *cache) refresh(ch chan string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data["k"] = <-ch // waits for a value nobody sends, holding the lock
}

func (c *cache) get(k string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.data[k]
}

func main() {
	deadlock.Opts.DeadlockTimeout = 200 * time.Millisecond
	deadlock.Opts.OnPotentialDeadlock = func() { os.Exit(2) }
	c := &cache{data: map[string]string{}}
	go c.refresh(make(chan string))
	time.Sleep(50 * time.Millisecond)
	fmt.Println(c.get("k"))
}
