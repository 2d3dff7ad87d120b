package vetreports

import "testing"

func TestFatalFromGoroutine(t *testing.T) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		t.Fatal("from a spawned goroutine") // testinggoroutine
	}()
	<-done
}
