package main

import (
	"fmt"
	"net/http"
	"os"
	"sync"
	"time"
)

// SessionCache notifies subscribers while holding its lock.
type SessionCache struct {
	mu       sync.Mutex
	sessions map[string]time.Time
	events   chan string
}

func (c *SessionCache) Touch(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sessions[id] = time.Now()
	c.events <- id // blocks while the lock is held
}

func (c *SessionCache) Count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.sessions)
}

func (c *SessionCache) auditLoop() {
	for id := range c.events {
		time.Sleep(10 * time.Millisecond) // batch the audit write
		n := c.Count() // needs the lock the sender holds
		fmt.Println("touched", id, n)
	}
}

func handler(c *SessionCache) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c.Touch(r.URL.Query().Get("sid"))
		fmt.Fprintln(w, "ok")
	}
}

func main() {
	c := &SessionCache{sessions: map[string]time.Time{}, events: make(chan string)}
	go c.auditLoop()
	srv := &http.Server{Addr: "127.0.0.1:18392", Handler: handler(c)}
	go srv.ListenAndServe()
	time.Sleep(200 * time.Millisecond)
	for i := 0; i < 6; i++ {
		go func(i int) {
			resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:18392/?sid=s%d", i))
			if err == nil {
				resp.Body.Close()
			}
		}(i)
	}
	time.Sleep(500 * time.Millisecond)
	fmt.Fprintln(os.Stderr, "ready")
	select {}
}
