package probe

import (
	"fmt"
	"os"
	"testing"
)

var config string

// TestMain with setup and teardown around m.Run and os.Exit of its code; the race inside TestCounter is still there.
func TestMain(m *testing.M) {
	config = "ready"
	fmt.Println("setup:", config)
	code := m.Run()
	fmt.Println("teardown, m.Run returned", code)
	os.Exit(code)
}

func TestCounter(t *testing.T) {
	counter := 0
	done := make(chan bool)
	for i := 0; i < 2; i++ {
		go func() {
			counter++
			done <- true
		}()
	}
	<-done
	<-done
	t.Log("config", config, "counter", counter)
}
