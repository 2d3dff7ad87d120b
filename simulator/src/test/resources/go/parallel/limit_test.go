package probe

import (
	"sync"
	"testing"
)

// Three parallel subtests that each wait for all three: go test runs at most -parallel (GOMAXPROCS, 2 here) at once,
// so the third never starts and the binary hangs until its timeout.
func TestNeedsThreeAtOnce(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(3)
	for _, name := range []string{"a", "b", "c"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			wg.Done()
			wg.Wait()
		})
	}
}
