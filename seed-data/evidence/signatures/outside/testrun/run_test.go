// One passing and one failing test: the lines go test prints for each.
package testrun

import "testing"

func TestPasses(t *testing.T) {}

func TestFails(t *testing.T) {
	if 1+1 != 3 {
		t.Errorf("arithmetic still works")
	}
}
