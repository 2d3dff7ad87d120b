package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var openBodies int64

// Body stands in for a response body: while it is open a reader goroutine
// waits on the connection, as a real client's connection reader does.
type Body struct{ stop chan struct{} }

func newBody() *Body {
	b := &Body{stop: make(chan struct{})}
	atomic.AddInt64(&openBodies, 1)
	go func() { <-b.stop }()
	return b
}

func (b *Body) Close() {
	atomic.AddInt64(&openBodies, -1)
	close(b.stop)
}

type Response struct {
	Status int
	Body   *Body
}

var pool = sync.Pool{New: func() interface{} { return new(Response) }}

func fetch() *Response {
	r := pool.Get().(*Response)
	r.Status, r.Body = 200, newBody()
	return r
}

func main() {
	for i := 0; i < 5; i++ {
		r := fetch()
		fmt.Println("status", r.Status)
		pool.Put(r) // Bug: back to the pool with its body still open
	}
	fmt.Println("open bodies:", atomic.LoadInt64(&openBodies))
}
