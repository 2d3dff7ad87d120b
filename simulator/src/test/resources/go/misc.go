package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

type Server struct {
	sync.Mutex
	name  string
	conns map[string][]int
	log   []string
}

func (s *Server) add(k string, v int) {
	s.Lock()
	defer s.Unlock()
	s.conns[k] = append(s.conns[k], v)
}

func (s *Server) run(ctx context.Context, out chan<- string) {
	ticks := 0
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case <-time.After(10 * time.Millisecond):
			ticks++
		}
	}
	out <- fmt.Sprintf("%s stopped after %d ticks", s.name, ticks)
}

type Op func(int) int

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "missing " + e.Key }

func lookup(k string) error {
	if k == "" {
		return nil
	}
	return fmt.Errorf("lookup: %w", NotFound{k})
}

func main() {
	s := &Server{name: "srv", conns: map[string][]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s.add("k", i)
		}(i)
	}
	wg.Wait()
	fmt.Println(len(s.conns["k"]))

	ctx, cancel := context.WithTimeout(context.Background(), 35*time.Millisecond)
	defer cancel()
	out := make(chan string)
	go s.run(ctx, out)
	fmt.Println(<-out)

	ops := []Op{func(x int) int { return x + 1 }, func(x int) int { return x * 10 }}
	v := 1
	for _, op := range ops {
		v = op(v)
	}
	fmt.Println(v)

	pt := struct {
		X, Y int
	}{1, 2}
	pp := &pt
	pp.X = 5
	fmt.Printf("%v %+v\n", pt, pp)

	for i := 0; i < 3; i++ {
		defer fmt.Print(i, " ")
	}
	err := lookup("a")
	var nf NotFound
	if errors.As(err, &nf) {
		fmt.Println("as:", nf.Key, err)
	}
	if err := lookup(""); err == nil {
		fmt.Println("nil error")
	}
	var sb strings.Builder
	for _, w := range strings.Fields(" a  b c ") {
		sb.WriteString(strings.ToUpper(w))
	}
	fmt.Println(sb.String(), strings.Split("a,b", ","), strings.Join([]string{"x", "y"}, "-"))
	type pair struct {
		k string
		v int
	}
	ps := []*pair{{"a", 1}, {"b", 2}}
	for _, p := range ps {
		p.v *= 100
	}
	fmt.Println(*ps[0], ps[1].v, len(ps))
	m := map[pair]bool{{"a", 1}: true}
	fmt.Println(m[pair{"a", 1}], m[pair{"b", 1}])
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	for x := range ch {
		fmt.Print(x)
	}
	x, ok := <-ch
	fmt.Println(x, ok, len(ch), cap(ch))
}
