// a watcher struct built without its events channel; the consumer waits on a nil channel.
package main

import (
	"fmt"
	"sync"
)

type watcher struct {
	events chan string
	done   chan struct{}
}

func newWatcher() *watcher { return &watcher{done: make(chan struct{})} }

func main() {
	w := newWatcher()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ev := <-w.events
		fmt.Println(ev)
	}()
	wg.Wait()
}
