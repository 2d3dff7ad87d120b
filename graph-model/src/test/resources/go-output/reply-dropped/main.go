// a request waits for an ack; the worker replies only on success and forgets the error path.
package main

import (
	"errors"
	"fmt"
)

type req struct {
	key  string
	resp chan error
}

func worker(in <-chan req) {
	for r := range in {
		if r.key == "" {
			fmt.Println("empty key, dropping")
			continue
		}
		r.resp <- nil
	}
}

func main() {
	in := make(chan req)
	go worker(in)
	r := req{key: "", resp: make(chan error)}
	in <- r
	if err := <-r.resp; err != nil {
		fmt.Println(errors.Unwrap(err))
	}
}
