package main

import (
	"fmt"
	"sync"
	"time"
)

type limiter struct {
	mu     sync.Mutex
	tokens int
}

type reservation struct {
	lim    *limiter
	tokens int
	at     time.Time
	inner  struct{ n int }
}

func (l *limiter) reserve(n int) reservation {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.tokens += n
	// returned while the lock is held: the copy must point at the same limiter, not at a copy of it
	return reservation{lim: l, tokens: n}
}

func main() {
	l := &limiter{}
	r := l.reserve(2)
	c := r
	c.inner.n = 5
	c.lim.tokens++
	r.lim.mu.Lock()
	fmt.Println(l.tokens, r.lim == l, c.lim == l, r.inner.n, c.inner.n)
	r.lim.mu.Unlock()

	var zero time.Time
	t0 := time.Now()
	t2 := t0.Add(200 * time.Millisecond)
	fmt.Println(t0.Sub(zero) == time.Duration(1<<63-1), zero.Sub(t0) == time.Duration(-1<<63), t2.Sub(t0), t0.Sub(t2))
	fmt.Println(t2 == t0.Add(200*time.Millisecond), t2 != t0, t2.Equal(t0.Add(200*time.Millisecond)), zero == time.Time{})
	seen := map[time.Time]int{t2: 1}
	seen[t0.Add(200*time.Millisecond)]++
	fmt.Println(len(seen), seen[t2])
	u := time.Unix(1257894000, 5)
	fmt.Println(u.Unix(), u.UnixNano(), u.UnixMilli(), time.UnixMilli(1500).UnixNano(), u.Add(time.Second).After(u), u == time.Unix(1257894000, 5))
}
