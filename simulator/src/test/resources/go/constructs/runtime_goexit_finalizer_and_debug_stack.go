package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
)

type resource struct{ name string }

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			// Goexit is not a panic: recover returns nil and the goroutine still ends
			fmt.Println("deferred, recover:", recover())
		}()
		runtime.Goexit()
		fmt.Println("not reached")
	}()
	wg.Wait()

	r := &resource{name: "db"}
	runtime.SetFinalizer(r, func(r *resource) { fmt.Println("finalized", r.name) })
	runtime.KeepAlive(r)

	stack := string(debug.Stack())
	fmt.Println(strings.HasPrefix(stack, "goroutine 1 [running]:"), strings.Contains(stack, "main.main("))
	fmt.Println(runtime.GOOS, runtime.GOARCH, debug.SetGCPercent(100))
}
