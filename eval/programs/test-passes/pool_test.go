// A worker pool whose tests pass: `go test -v` output with nothing failing (a negative input).
package pool

import (
	"sync"
	"testing"
)

func sum(nums []int, workers int) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	ch := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range ch {
				mu.Lock()
				total += n
				mu.Unlock()
			}
		}()
	}
	for _, n := range nums {
		ch <- n
	}
	close(ch)
	wg.Wait()
	return total
}

func TestSum(t *testing.T) {
	if got := sum([]int{1, 2, 3, 4}, 3); got != 10 {
		t.Fatalf("sum = %d, want 10", got)
	}
}

func TestSumEmpty(t *testing.T) {
	if got := sum(nil, 2); got != 0 {
		t.Fatalf("sum = %d, want 0", got)
	}
}
