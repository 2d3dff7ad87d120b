// Goroutines pile up sending on a channel nobody reads, a few wait for a mutex; the program
// prints its pprof goroutine profile with debug=1 (records "N @ 0x..." with "#" frames).
package main

import (
	"os"
	"runtime/pprof"
	"sync"
	"time"
)

var mu sync.Mutex

func produce(out chan<- int, v int) {
	out <- v // nobody receives
}

func guarded() {
	mu.Lock()
	defer mu.Unlock()
}

func main() {
	out := make(chan int)
	for i := 0; i < 300; i++ {
		go produce(out, i)
	}
	mu.Lock()
	for i := 0; i < 3; i++ {
		go guarded()
	}
	time.Sleep(200 * time.Millisecond)
	pprof.Lookup("goroutine").WriteTo(os.Stdout, 1)
}
