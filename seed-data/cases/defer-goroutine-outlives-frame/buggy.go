package main

import (
	"fmt"
	"strings"
	"time"
)

type Request struct {
	ID   int
	Path string
}

func handle(r *Request) {
	defer func() {
		// Bug: this goroutine runs after handle returned and reads r, an object
		// the caller goes on rewriting for the next request.
		go func() {
			fmt.Printf("audit id=%d path=%s\n", r.ID, r.Path)
		}()
	}()
	r.Path = strings.ToUpper(r.Path)
}

func main() {
	r := &Request{}
	for i, p := range []string{"/a", "/b", "/c"} {
		r.ID, r.Path = i, p
		handle(r)
	}
	time.Sleep(20 * time.Millisecond)
}
