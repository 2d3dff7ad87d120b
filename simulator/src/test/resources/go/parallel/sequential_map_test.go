package probe

import "testing"

// The subtests of racy_map_test.go without t.Parallel: each runs to its end before t.Run returns, no race.
func TestSequential(t *testing.T) {
	cases := []struct {
		name string
		in   int
	}{{"one", 1}, {"two", 2}, {"three", 3}}
	seen := map[int]bool{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			seen[tc.in] = true
		})
	}
}
