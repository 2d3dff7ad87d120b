package leak

import (
	"testing"

	"go.uber.org/goleak"
)

func TestLeavesAReceiverBehind(t *testing.T) {
	defer goleak.VerifyNone(t)
	results := make(chan int)
	go func() { <-results }()
}
