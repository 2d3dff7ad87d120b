// Each argument triggers one runtime failure so its exact text can be captured.
package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	switch os.Args[1] {
	case "close-nil":
		var ch chan int
		close(ch)
	case "close-closed":
		ch := make(chan int)
		close(ch)
		close(ch)
	case "send-closed":
		ch := make(chan int, 1)
		close(ch)
		ch <- 1
	case "nil-map":
		var m map[string]int
		m["k"] = 1
	case "runlock-unlocked":
		var rw sync.RWMutex
		rw.RUnlock()
	case "unlock-unlocked-rw":
		var rw sync.RWMutex
		rw.Unlock()
	case "map-writes":
		m := map[int]int{}
		var wg sync.WaitGroup
		for g := 0; g < 4; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				for i := 0; i < 1000000; i++ {
					m[i%64] = g
				}
			}(g)
		}
		wg.Wait()
	case "map-read-write":
		m := map[int]int{1: 1}
		go func() {
			for i := 0; ; i++ {
				m[i%64] = i
			}
		}()
		for i := 0; ; i++ {
			_ = m[i%64]
		}
	case "chan-deadlock":
		ch := make(chan int)
		ch <- 1
	case "once-reentrant":
		var once sync.Once
		once.Do(func() { once.Do(func() {}) })
	case "wg-deadlock":
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done() }()
		wg.Wait()
	case "select-deadlock":
		select {}
	case "unlock-unlocked":
		var mu sync.Mutex
		mu.Unlock()
	case "nil-mutex":
		var mu *sync.Mutex
		mu.Lock()
	case "negative-wg":
		var wg sync.WaitGroup
		wg.Add(1)
		wg.Done()
		wg.Done()
	case "rwmutex-upgrade":
		var rw sync.RWMutex
		rw.RLock()
		rw.Lock()
	case "cond-copied":
		c := sync.NewCond(&sync.Mutex{})
		c.Signal()
		copied := *c
		copied.Signal()
	case "mutex-double-lock":
		var mu sync.Mutex
		mu.Lock()
		mu.Lock()
	}
	fmt.Println("no failure")
}
