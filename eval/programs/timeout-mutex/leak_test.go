// An early return leaves the mutex locked; the next caller hangs.
package hang

import (
	"errors"
	"sync"
	"testing"
)

var mu sync.Mutex
var seen = map[string]bool{}

func register(name string) error {
	mu.Lock()
	if seen[name] {
		return errors.New("duplicate") // mu stays locked
	}
	seen[name] = true
	mu.Unlock()
	return nil
}

func TestRegister(t *testing.T) {
	_ = register("a")
	_ = register("a")
	_ = register("b")
}
