package main

import (
	"fmt"
	"sync"
)

type SafeMap[K comparable, V any] struct {
	sync.RWMutex
	m map[K]V
}

func (s *SafeMap[K, V]) Store(k K, v V) {
	s.Lock()
	defer s.Unlock()
	if s.m == nil {
		s.m = make(map[K]V)
	}
	s.m[k] = v
}

func (s *SafeMap[K, V]) Load(k K) (v V, ok bool) {
	s.RLock()
	defer s.RUnlock()
	v, ok = s.m[k]
	return
}

type Counter = SafeMap[string, int]

type Server struct {
	hits *SafeMap[string, int]
	name string
}

var registry = &SafeMap[int, string]{}

type Result[T any] struct {
	Val T
	Err error
}

func Go[T any](f func() T) <-chan Result[T] {
	ch := make(chan Result[T], 1)
	go func() {
		ch <- Result[T]{Val: f()}
	}()
	return ch
}

func Update[T any](p *T, f func(T) T) { *p = f(*p) }

func Merge[T any](chs ...<-chan T) []T {
	var out []T
	for _, c := range chs {
		out = append(out, <-c)
	}
	return out
}

type Tree[T interface{ ~int | ~string }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

type Number interface{ int | float64 }

func Scale[T Number](xs []T, k T) []T {
	out := make([]T, len(xs))
	for i := range xs {
		out[i] = xs[i] * k
	}
	return out
}

func FirstOr[T any](xs []T, def T) T {
	if len(xs) == 0 {
		return def
	}
	return xs[0]
}

func main() {
	var c Counter
	c.Store("a", 1)
	v, ok := c.Load("a")
	fmt.Println(v, ok)
	s := Server{hits: &SafeMap[string, int]{}, name: "srv"}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s.hits.Store(fmt.Sprint("k", i), i)
		}(i)
	}
	wg.Wait()
	fmt.Println(len(s.hits.m))
	registry.Store(1, "one")
	fmt.Println(registry.Load(1))
	r := <-Go(func() int { return 42 })
	fmt.Println(r.Val, r.Err)
	fmt.Printf("%+v\n", <-Go(func() string { return "x" }))
	n := 3
	Update(&n, func(x int) int { return x * 10 })
	fmt.Println(n)
	fmt.Println(Merge(Go(func() int { return 1 }), Go(func() int { return 2 })))
	var t *Tree[int]
	for _, v := range []int{5, 3, 8, 1} {
		t = t.Insert(v)
	}
	t.Walk(func(v int) { fmt.Print(v, " ") })
	fmt.Println()
	fmt.Println(Scale([]float64{1, 2}, 1.5), Scale([]int{1, 2}, 3))
	fmt.Println(FirstOr([]string{}, "none"), FirstOr([]int{7}, 0))
	store := c.Store
	store("b", 2)
	fmt.Println(c.Load("b"))
	fmt.Printf("%T %T\n", c, Result[[]string]{})
}
