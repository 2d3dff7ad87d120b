// A forwarding loop selects over input channels but has no case to stop.
package leak

import (
	"testing"

	"go.uber.org/goleak"
)

func forward(a, b <-chan string, out chan<- string) {
	for {
		select {
		case s := <-a:
			out <- s
		case s := <-b:
			out <- s
		}
	}
}

func TestForward(t *testing.T) {
	defer goleak.VerifyNone(t)
	a, b, out := make(chan string), make(chan string), make(chan string, 1)
	go forward(a, b, out)
	a <- "x"
	<-out
}
