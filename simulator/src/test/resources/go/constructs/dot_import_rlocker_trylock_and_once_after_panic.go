package main

import (
	"fmt"
	. "sync"
	"time"
)

func main() {
	var mu RWMutex
	var wg WaitGroup
	r := mu.RLocker()
	r.Lock()
	fmt.Println("write lock while read-locked:", mu.TryLock(), "read lock:", mu.TryRLock())
	mu.RUnlock()
	r.Unlock()
	fmt.Println("write lock when free:", mu.TryLock())
	mu.Unlock()

	m := &Mutex{}
	m.Lock()
	fmt.Println("mutex trylock:", m.TryLock())
	m.Unlock()

	var once Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		once.Do(func() { panic("first call fails") })
	}()
	once.Do(func() { fmt.Println("not called: the Once is done") })

	done := make(chan bool)
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			r.Lock()
			time.Sleep(time.Millisecond)
			r.Unlock()
		}()
	}
	go func() { wg.Wait(); close(done) }()
	<-done
	fmt.Println("readers done")

	func() {
		defer func() {
			r := recover()
			fmt.Println(r == "sync: negative WaitGroup counter", r)
		}()
		var w WaitGroup
		w.Done()
	}()
}
