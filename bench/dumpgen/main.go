// Command dumpgen makes Go print a real goroutine dump of N blocked goroutines: they wait on
// channels, a mutex and a WaitGroup until the runtime finds every goroutine asleep and prints
// "fatal error: all goroutines are asleep - deadlock!" followed by each goroutine's stack.
// Usage: go run ./bench/dumpgen -n 5000 2> dump.txt
package main

import (
	"flag"
	"sync"
)

type worker struct {
	id   int
	jobs chan int
}

func (w *worker) waitForJob(ready *sync.WaitGroup) {
	ready.Done()
	<-w.jobs
}

func sendResult(out chan<- int, ready *sync.WaitGroup, v int) {
	ready.Done()
	out <- v
}

func lockShared(mu *sync.Mutex, ready *sync.WaitGroup) {
	ready.Done()
	mu.Lock()
}

func main() {
	n := flag.Int("n", 5000, "goroutines to block")
	flag.Parse()
	var ready sync.WaitGroup
	var mu sync.Mutex
	mu.Lock()
	results := make(chan int)
	for i := 0; i < *n; i++ {
		ready.Add(1)
		switch i % 3 {
		case 0:
			w := &worker{id: i, jobs: make(chan int)}
			go w.waitForJob(&ready)
		case 1:
			go sendResult(results, &ready, i)
		default:
			go lockShared(&mu, &ready)
		}
	}
	ready.Wait()
	var done sync.WaitGroup
	done.Add(1)
	done.Wait()
}
