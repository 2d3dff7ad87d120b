package probe

import (
	"fmt"
	"os"
	"sync"
	"testing"
)

var config string

// The TestCounter of racy_main_test.go with a mutex: no race; m.Run returns 0 and the process exits 0.
func TestMain(m *testing.M) {
	config = "ready"
	fmt.Println("setup:", config)
	code := m.Run()
	fmt.Println("teardown, m.Run returned", code)
	os.Exit(code)
}

func TestCounter(t *testing.T) {
	var mu sync.Mutex
	counter := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			counter++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if config != "ready" {
		t.Fatal("setup did not run")
	}
}
