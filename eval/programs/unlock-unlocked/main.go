// An error path unlocks a mutex that was never locked on that path.
package main

import (
	"errors"
	"sync"
)

var mu sync.Mutex
var balance int

func withdraw(n int) error {
	if n > balance {
		mu.Unlock()
		return errors.New("insufficient")
	}
	mu.Lock()
	balance -= n
	mu.Unlock()
	return nil
}

func main() {
	balance = 5
	_ = withdraw(10)
}
