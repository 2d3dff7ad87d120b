// A lookup goroutine waits for a reply that is never sent on the error path.
package leak

import (
	"errors"
	"testing"

	"go.uber.org/goleak"
)

func lookup(id int) (string, error) {
	reply := make(chan string)
	go func() {
		reply <- "ok"
	}()
	if id < 0 {
		return "", errors.New("bad id")
	}
	return <-reply, nil
}

func waitForAnswer(answers chan string) { <-answers }

func TestLookup(t *testing.T) {
	defer goleak.VerifyNone(t)
	answers := make(chan string)
	go waitForAnswer(answers)
	if _, err := lookup(1); err != nil {
		t.Fatal(err)
	}
}
