package kernels_test

import "testing"

func TestChanRangeUnclosed(t *testing.T) {
	nums := make(chan int)
	go func() {
		defer close(nums) // the only sender closes when done
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
