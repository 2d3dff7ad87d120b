package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      *sync.Mutex // Bug: a pointer nobody sets, so it stays nil
	balance int
}

func (a *Account) Deposit(n int) {
	a.mu.Lock() // dereferences the nil pointer: a runtime panic, not a mutex error
	defer a.mu.Unlock()
	a.balance += n
}

func main() {
	acc := &Account{}
	acc.Deposit(10)
	fmt.Println("balance:", acc.balance)
}
