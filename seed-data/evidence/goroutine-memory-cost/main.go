// Measures what 10000 parked goroutines cost, as a reproducible baseline.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	block := make(chan struct{})
	var started sync.WaitGroup
	const n = 10000
	for i := 0; i < n; i++ {
		started.Add(1)
		go func() {
			started.Done()
			<-block
		}()
	}
	started.Wait()
	runtime.ReadMemStats(&after)
	stackKB := (after.StackInuse - before.StackInuse) / 1024
	sysMB := after.Sys / (1 << 20)
	fmt.Printf("goroutines=%d stackInuseDelta=%dKB perGoroutine=%dB totalSys=%dMB\n",
		runtime.NumGoroutine(), stackKB, stackKB*1024/n, sysMB)
	close(block)
}
