package main

import (
	"fmt"
	"sync"
)

type Stock struct {
	mu    sync.Mutex
	items map[string]int
}

// Take removes one item; it reports false when none is left.
func (s *Stock) Take(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.items[name] == 0 {
		s.mu.Unlock() // Bug: the deferred Unlock runs too, on an unlocked mutex
		return false
	}
	s.items[name]--
	return true
}

func main() {
	s := &Stock{items: map[string]int{"pen": 1}}
	fmt.Println("first:", s.Take("pen"))
	fmt.Println("second:", s.Take("pen"))
}
