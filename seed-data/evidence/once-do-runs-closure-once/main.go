// Once.Do runs its function once however many callers race, so a goroutine
// started inside it is started once. The bug is that Do returns before that
// goroutine has stored the value: callers see nil, and the store races.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type settings struct{ endpoint string }

var (
	once     sync.Once
	current  *settings
	launches int32
)

func ensure() {
	once.Do(func() {
		go func() {
			atomic.AddInt32(&launches, 1)
			time.Sleep(20 * time.Millisecond) // slow remote load
			current = &settings{endpoint: "db:5432"}
		}()
	})
}

func main() {
	var wg sync.WaitGroup
	sawNil := int32(0)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ensure()
			if current == nil {
				atomic.StoreInt32(&sawNil, 1)
			}
		}()
	}
	wg.Wait()
	time.Sleep(50 * time.Millisecond)
	fmt.Printf("loader goroutines started=%d callers saw nil after Do=%v\n",
		atomic.LoadInt32(&launches), sawNil == 1)
}
