package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Forcing variant of ../buggy.go: the second goroutine calls Add only once the
// first one's Done has woken main's Wait, the first goroutine keeps its
// processor until that Add happened, and the second one holds the counter up
// a while, so main's Wait runs again while the WaitGroup is in use: it panics,
// as a late Add can make the buggy program do.
func main() {
	squares := make([]int, 2)
	var wg sync.WaitGroup
	var firstDone, secondAdded int32
	go func() {
		wg.Add(1)
		time.Sleep(10 * time.Millisecond) // the forced pause: main is in Wait by now
		squares[0] = 0
		wg.Done()
		atomic.StoreInt32(&firstDone, 1)
		for atomic.LoadInt32(&secondAdded) == 0 {
		}
	}()
	go func() {
		for atomic.LoadInt32(&firstDone) == 0 {
		}
		wg.Add(1) // Bug: runs after Wait was woken by a zero counter
		atomic.StoreInt32(&secondAdded, 1)
		defer wg.Done()
		time.Sleep(10 * time.Millisecond) // the second forced pause: the counter stays up while main's Wait runs again
		squares[1] = 1
	}()
	time.Sleep(time.Millisecond)
	wg.Wait()
	fmt.Println("sum:", squares[0]+squares[1], "expected: 1")
	time.Sleep(20 * time.Millisecond)
}
