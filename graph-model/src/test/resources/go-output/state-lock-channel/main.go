package main

import (
	"log"
	"net/http"
	"sync"
	"time"
)

type State struct {
	sync.Mutex
	Running  bool
	ExitCode int
	waitStop chan struct{}
}

type Container struct {
	ID    string
	State *State
}

func (c *Container) setStopped(code int) {
	c.State.Lock()
	defer c.State.Unlock()
	c.State.Running = false
	c.State.ExitCode = code
	close(c.State.waitStop)
}

// Wait holds the state lock while it waits for the stop.
func (c *Container) WaitStop() int {
	c.State.Lock()
	defer c.State.Unlock()
	if !c.State.Running {
		return c.State.ExitCode
	}
	<-c.State.waitStop
	return c.State.ExitCode
}

func monitor(c *Container) {
	time.Sleep(50 * time.Millisecond)
	c.setStopped(137)
}

func main() {
	c := &Container{ID: "4f2a", State: &State{Running: true, waitStop: make(chan struct{})}}
	go monitor(c)
	http.HandleFunc("/containers/wait", func(w http.ResponseWriter, r *http.Request) {
		code := c.WaitStop()
		log.Printf("container %s exited with %d", c.ID, code)
	})
	go func() {
		time.Sleep(10 * time.Millisecond)
		http.Get("http://127.0.0.1:18733/containers/wait")
	}()
	log.Fatal(http.ListenAndServe("127.0.0.1:18733", nil))
}
