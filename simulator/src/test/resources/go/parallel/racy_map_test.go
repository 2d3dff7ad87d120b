package probe
import "testing"
func TestParallelLoopVar(t *testing.T) {
	cases := []struct{ name string; in int }{{"one", 1}, {"two", 2}, {"three", 3}}
	seen := map[int]bool{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			seen[tc.in] = true
		})
	}
}
