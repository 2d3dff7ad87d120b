package probe

import (
	"fmt"
	"testing"
	"time"
)

var shared int

// Top-level tests that call t.Parallel run after the sequential ones, concurrently with each other: A and B race on
// shared (the sleeps make them overlap in real Go too); TestSequential runs in between, before both of them go on.
func TestA(t *testing.T) {
	t.Parallel()
	time.Sleep(10 * time.Millisecond)
	shared++
}

func TestSequential(t *testing.T) {
	fmt.Println("sequential test runs while A is paused")
}

func TestB(t *testing.T) {
	t.Parallel()
	time.Sleep(10 * time.Millisecond)
	shared++
}
