// In Go before 1.23 every time.After creates a timer that stays reachable
// until it fires, even when another select case won. In a busy loop with a
// long timeout they pile up on the heap.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	events := make(chan int, 1)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	const rounds = 200000
	for i := 0; i < rounds; i++ {
		events <- i
		select {
		case <-events:
		case <-timeAfterHour():
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	grownKB := int64(after.HeapInuse-before.HeapInuse) / 1024
	fmt.Printf("%s: heap still in use after GC grew by %dKB for %d unfired timers; retained=%v\n",
		runtime.Version(), grownKB, rounds, grownKB > 10*1024)
}

func timeAfterHour() <-chan time.Time { return time.After(time.Hour) }
