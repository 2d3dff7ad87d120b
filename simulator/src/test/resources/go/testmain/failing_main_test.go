package probe

import (
	"fmt"
	"testing"
)

// A failing test: m.Run returns 1; TestMain returns without os.Exit, so go test exits with m.Run's code.
func TestMain(m *testing.M) {
	code := m.Run()
	fmt.Println("m.Run returned", code)
}

func TestFails(t *testing.T) {
	t.Error("wrong answer")
}

func TestPasses(t *testing.T) {}
