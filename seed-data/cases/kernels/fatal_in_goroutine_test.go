package kernels_test

import (
	"strconv"
	"testing"
)

// t.Fatal from a spawned goroutine only ends that goroutine (runtime.Goexit);
// the result it should have sent never arrives and the test waits forever.
func TestFatalInGoroutine(t *testing.T) {
	out := make(chan int)
	go func() {
		n, err := strconv.Atoi("x1")
		if err != nil {
			t.Fatal(err) // does not stop the test goroutine
		}
		out <- n
	}()
	<-out
}
