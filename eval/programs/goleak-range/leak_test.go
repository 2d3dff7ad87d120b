// A consumer ranges over a jobs channel that the test never closes.
package leak

import (
	"testing"

	"go.uber.org/goleak"
)

func consume(jobs <-chan int, done chan<- int) {
	total := 0
	for j := range jobs {
		total += j
		done <- total
	}
}

func TestConsume(t *testing.T) {
	defer goleak.VerifyNone(t)
	jobs := make(chan int)
	done := make(chan int)
	go consume(jobs, done)
	jobs <- 1
	<-done
}
