// A ledger looks its accounts up by name; two transfers between the same
// two names, in opposite directions, lock the accounts in opposite orders.
package main

import (
	"sync"
	"time"
)

type account struct {
	mu      sync.Mutex
	balance int
}

type ledger struct {
	accounts map[string]*account
}

func (l *ledger) move(from, to string, amount int) {
	src, dst := l.accounts[from], l.accounts[to]
	src.mu.Lock()
	defer src.mu.Unlock()
	time.Sleep(5 * time.Millisecond)
	dst.mu.Lock()
	defer dst.mu.Unlock()
	src.balance -= amount
	dst.balance += amount
}

func main() {
	l := &ledger{accounts: map[string]*account{"alice": {balance: 50}, "bob": {balance: 50}}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); l.move("alice", "bob", 5) }()
	go func() { defer wg.Done(); l.move("bob", "alice", 7) }()
	wg.Wait()
}
