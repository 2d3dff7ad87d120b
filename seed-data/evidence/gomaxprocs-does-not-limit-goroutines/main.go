// GOMAXPROCS bounds the threads running Go code at once, not how many
// goroutines exist, and parked goroutines do not need OS threads.
package main

import (
	"fmt"
	"runtime"
	"runtime/pprof"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	release := make(chan struct{})
	var started sync.WaitGroup
	for i := 0; i < 5000; i++ {
		started.Add(1)
		go func() {
			started.Done()
			<-release
		}()
	}
	started.Wait()
	fmt.Printf("GOMAXPROCS=%d goroutines=%d threads=%d\n",
		runtime.GOMAXPROCS(0), runtime.NumGoroutine(), pprof.Lookup("threadcreate").Count())
	close(release)
}
