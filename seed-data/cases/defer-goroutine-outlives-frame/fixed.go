package main

import (
	"fmt"
	"strings"
	"sync"
)

type Request struct {
	ID   int
	Path string
}

func handle(r *Request, audits *sync.WaitGroup) {
	defer func() {
		// Copy what the audit needs while the frame is still alive.
		id, path := r.ID, r.Path
		audits.Add(1)
		go func() {
			defer audits.Done()
			fmt.Printf("audit id=%d path=%s\n", id, path)
		}()
	}()
	r.Path = strings.ToUpper(r.Path)
}

func main() {
	var audits sync.WaitGroup
	r := &Request{}
	for i, p := range []string{"/a", "/b", "/c"} {
		r.ID, r.Path = i, p
		handle(r, &audits)
	}
	audits.Wait()
}
