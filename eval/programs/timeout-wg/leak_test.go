// The test waits for workers that block on an unbuffered results channel.
package hang

import (
	"sync"
	"testing"
)

func TestCollect(t *testing.T) {
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			results <- n
		}(i)
	}
	wg.Wait()
	close(results)
}
