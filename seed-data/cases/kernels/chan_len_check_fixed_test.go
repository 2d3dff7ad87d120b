package kernels_test

import (
	"sync"
	"testing"
)

func TestChanLenCheck(t *testing.T) {
	q := make(chan int, 1)
	var checked, wg sync.WaitGroup
	checked.Add(2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			checked.Done()
			checked.Wait()
			select { // try to send in one step
			case q <- i:
			default:
			}
		}(i)
	}
	wg.Wait()
	if len(q) != 1 {
		t.Fatal(len(q))
	}
}
