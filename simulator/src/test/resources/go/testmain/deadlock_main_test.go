package probe

import (
	"os"
	"testing"
)

// A test that blocks forever under TestMain: the binary hangs until go test's timeout.
func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

func TestStuck(t *testing.T) {
	ch := make(chan int)
	ch <- 1
}
