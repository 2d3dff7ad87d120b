package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex // the zero value is an unlocked mutex, ready to use
	balance int
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

func main() {
	acc := &Account{}
	acc.Deposit(10)
	fmt.Println("balance:", acc.balance)
}
