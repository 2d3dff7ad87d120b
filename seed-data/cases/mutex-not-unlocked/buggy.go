package main

import (
	"errors"
	"fmt"
	"sync"
)

type Pool struct {
	mu   sync.Mutex
	free []int
}

// Acquire hands out a free slot.
func (p *Pool) Acquire() (int, error) {
	p.mu.Lock()
	if len(p.free) == 0 {
		return 0, errors.New("no free slot") // Bug: returns with the mutex still locked
	}
	s := p.free[0]
	p.free = p.free[1:]
	p.mu.Unlock()
	return s, nil
}

func main() {
	p := &Pool{free: []int{7}}
	for i := 0; i < 3; i++ {
		s, err := p.Acquire() // the third call blocks on the lock forever
		fmt.Println("slot", s, "err", err)
	}
}
