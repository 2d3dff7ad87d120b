// A goroutine writes one field of a struct while main copies the whole struct (a read of every
// field): the race report names only the field's address; the copy is visible in the source.
package main

import (
	"fmt"
	"sync"
)

type config struct {
	name    string
	retries int
	timeout int64
	enabled bool
}

func main() {
	cfg := &config{name: "a", retries: 1}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		cfg.retries = 5
	}()
	snapshot := *cfg
	wg.Wait()
	fmt.Println(snapshot.name)
}
