package probe

import (
	"sync"
	"testing"
)

// The parallel subtests of racy_map_test.go with the map behind a mutex: no race.
func TestParallelLocked(t *testing.T) {
	cases := []struct {
		name string
		in   int
	}{{"one", 1}, {"two", 2}, {"three", 3}}
	var mu sync.Mutex
	seen := map[int]bool{}
	for _, tc := range cases {
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mu.Lock()
			seen[tc.in] = true
			mu.Unlock()
		})
	}
}
