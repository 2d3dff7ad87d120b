// A goroutine blocked on a channel that nothing else references is still
// never collected: the garbage collector does not reclaim goroutines.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func spawn() {
	ch := make(chan int) // the only reference is inside the goroutine
	go func() { <-ch }()
}

func main() {
	for i := 0; i < 100; i++ {
		spawn()
	}
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	fmt.Printf("after GC: goroutines=%d (100 unreachable receivers still alive)\n", runtime.NumGoroutine())
}
