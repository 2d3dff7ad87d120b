// A struct holds a *sync.Mutex that nobody allocated.
package main

import "sync"

type account struct {
	mu      *sync.Mutex
	balance int
}

func (a *account) deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

func main() {
	a := &account{}
	a.deposit(3)
}
