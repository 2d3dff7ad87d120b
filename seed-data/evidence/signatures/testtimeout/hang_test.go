package hang

import (
	"sync"
	"testing"
)

// Under go test the global deadlock detector never fires; only -timeout ends this.
func TestWaitsForever(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Wait()
}
