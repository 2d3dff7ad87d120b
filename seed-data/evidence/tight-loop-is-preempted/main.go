// Since Go 1.14 goroutines are preempted asynchronously: a tight loop with no
// function calls no longer starves other goroutines, even with one P, and no
// runtime.Gosched() is needed for the scheduler to switch.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var sink uint64

func spin() {
	var x uint64
	for {
		x++ // no calls, no channel operations, no Gosched
		if x == 0 {
			sink = x
		}
	}
}

func main() {
	runtime.GOMAXPROCS(1)
	go spin()
	start := time.Now()
	time.Sleep(20 * time.Millisecond) // main must be scheduled again to continue
	fmt.Printf("%s: main resumed after %v while a call-free loop spins on the only P\n",
		runtime.Version(), time.Since(start).Round(10*time.Millisecond))
}
