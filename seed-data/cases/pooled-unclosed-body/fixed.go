package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var openBodies int64

// Body stands in for a response body with a reader goroutine behind it.
type Body struct{ stop, exited chan struct{} }

func newBody() *Body {
	b := &Body{stop: make(chan struct{}), exited: make(chan struct{})}
	atomic.AddInt64(&openBodies, 1)
	go func() {
		defer close(b.exited)
		<-b.stop
	}()
	return b
}

// Close ends the reader goroutine and waits for it.
func (b *Body) Close() {
	atomic.AddInt64(&openBodies, -1)
	close(b.stop)
	<-b.exited
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

// release closes the body before the object goes back to the pool.
func release(r *Response) {
	r.Body.Close()
	r.Body = nil
	pool.Put(r)
}

func main() {
	for i := 0; i < 5; i++ {
		r := fetch()
		fmt.Println("status", r.Status)
		release(r)
	}
	fmt.Println("open bodies:", atomic.LoadInt64(&openBodies))
}
