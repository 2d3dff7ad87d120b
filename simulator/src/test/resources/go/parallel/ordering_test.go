package probe

import (
	"fmt"
	"testing"
)

// Happens-before of parallel subtests, without any lock: the parent's writes after t.Run (before its function returns)
// happen before the paused subtests go on, what each subtest did before t.Parallel happens before its t.Run returns,
// and the parent's Cleanup runs after every subtest finished. No race; the order is always the same.
func TestOrdering(t *testing.T) {
	var before [2]int
	var after [2]int
	prefix := ""
	t.Cleanup(func() {
		fmt.Println("cleanup sees", after[0], after[1])
	})
	for i := 0; i < 2; i++ {
		i := i
		ok := t.Run(fmt.Sprint("sub", i), func(t *testing.T) {
			before[i] = i + 10
			t.Parallel()
			after[i] = len(prefix) + i
		})
		fmt.Println("t.Run returned", ok, "before =", before[i])
	}
	prefix = "set after the t.Run calls"
	fmt.Println("parent function returns")
}
