// Each job's goroutine gets the address of the range variable, which
// (before Go 1.22) the loop overwrites with the next job.
package main

import (
	"fmt"
	"sync"
)

type job struct {
	id   int
	name string
}

func describe(j *job, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("job", j.id, j.name)
}

func main() {
	jobs := []job{{1, "fetch"}, {2, "parse"}, {3, "store"}}
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go describe(&j, &wg)
	}
	wg.Wait()
}
