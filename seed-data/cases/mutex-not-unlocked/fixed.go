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

// Acquire hands out a free slot; defer unlocks on every return path.
func (p *Pool) Acquire() (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) == 0 {
		return 0, errors.New("no free slot")
	}
	s := p.free[0]
	p.free = p.free[1:]
	return s, nil
}

func main() {
	p := &Pool{free: []int{7}}
	for i := 0; i < 3; i++ {
		s, err := p.Acquire()
		fmt.Println("slot", s, "err", err)
	}
}
