package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Add(d int) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n += d
	return c.n
}

type Point struct{ X, Y int }

func (p Point) Shift(dx int) Point {
	p.X += dx
	return p
}

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

func main() {
	add := (*Counter).Add
	c := &Counter{}
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(d int) {
			defer wg.Done()
			add(c, d)
		}(i)
	}
	wg.Wait()
	fmt.Println(c.n)

	shift := Point.Shift
	p := Point{1, 2}
	q := shift(p, 10)
	fmt.Println(p, q, Point.String(q))

	lock, unlock := (*sync.Mutex).Lock, (*sync.Mutex).Unlock
	var mu sync.Mutex
	lock(&mu)
	fmt.Println(mu.TryLock())
	unlock(&mu)
	fmt.Println(mu.TryLock())

	fs := []func(Point, int) Point{Point.Shift}
	fmt.Printf("%v %T\n", fs[0](q, -11), Point.Shift)
}
