package kernels_test

import "testing"

// Channel only: the consumer ranges over a channel the producer never closes.
func TestChanRangeUnclosed(t *testing.T) {
	nums := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			nums <- i
		}
	}()
	sum := 0
	for n := range nums {
		sum += n
	}
	if sum != 3 {
		t.Fatal(sum)
	}
}
