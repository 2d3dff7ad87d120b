package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits uint32
	var total uint64
	var n atomic.Uint64
	var u atomic.Uint32
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddUint32(&hits, 1)
			atomic.AddUint64(&total, 10)
			n.Add(2)
			u.Add(1)
		}()
	}
	wg.Wait()
	atomic.AddUint32(&hits, ^uint32(0)) // decrement
	swapped := atomic.CompareAndSwapUint64(&total, 40, 41)
	old := atomic.SwapUint32(&hits, 7)
	atomic.StoreUint64(&total, atomic.LoadUint64(&total)+1)
	fmt.Println(old, atomic.LoadUint32(&hits), swapped, atomic.LoadUint64(&total), n.Load(), u.Load(), u.CompareAndSwap(4, 5), u.Load())
}
