package probe

import (
	"fmt"
	"testing"
)

// t.Fatal and t.Skip in parallel subtests end that subtest only; t.Run already returned true at t.Parallel, the
// parent fails because of the failed subtest, and the other subtest still runs.
func TestParent(t *testing.T) {
	ok1 := t.Run("fails", func(t *testing.T) {
		t.Parallel()
		t.Fatal("stop here")
		fmt.Println("not reached")
	})
	ok2 := t.Run("skips", func(t *testing.T) {
		t.Parallel()
		t.Skip("not today")
		fmt.Println("not reached either")
	})
	ok3 := t.Run("passes", func(t *testing.T) {
		t.Parallel()
		fmt.Println("third subtest runs")
	})
	fmt.Println("t.Run results:", ok1, ok2, ok3)
}

func TestAfter(t *testing.T) {
	fmt.Println("the next test runs")
}
