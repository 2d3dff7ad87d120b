package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Ordered is constraints.Ordered as a program declares it.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float32 | ~float64 | ~string
}

type Number interface {
	~int | ~int64 | ~float64
}

type Celsius float64

type Stringer interface {
	String() string
}

type ID int

func (i ID) String() string { return "id-" + strconv.Itoa(int(i)) }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func SumSlice[S ~[]E, E Number](s S) E {
	var total E
	for _, v := range s {
		total += v
	}
	return total
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Keys[K comparable, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func SortedKeys[K Ordered, V any](m map[K]V) []K {
	keys := Keys(m)
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func Join[T Stringer](xs []T, sep string) string {
	parts := Map(xs, func(x T) string { return x.String() })
	return strings.Join(parts, sep)
}

func Ptr[T any](v T) *T { return &v }

func Zero[T any]() T {
	var z T
	return z
}

func Describe[T any](v T) string {
	switch x := any(v).(type) {
	case int:
		return "int " + strconv.Itoa(x)
	case string:
		return "string " + x
	default:
		return fmt.Sprintf("other %T %v", v, v)
	}
}

func Send[T any](ch chan<- T, vs ...T) {
	for _, v := range vs {
		ch <- v
	}
	close(ch)
}

func Collect[T any](ch <-chan T) []T {
	var out []T
	for v := range ch {
		out = append(out, v)
	}
	return out
}

// Pair and Cache are generic types.
type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Cache[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func NewCache[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{m: make(map[K]V)}
}

func (c *Cache[K, V]) Put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

func (c *Cache[K, V]) Get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *Cache[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

func (c *Cache[K, V]) Pairs() []Pair[K, V] {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []Pair[K, V]
	for k, v := range c.m {
		out = append(out, Pair[K, V]{k, v})
	}
	return out
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, errors.New("empty stack")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{val: v, next: l.head}
	l.size++
}

func (l *List[T]) All() []T {
	var out []T
	for n := l.head; n != nil; n = n.next {
		out = append(out, n.val)
	}
	return out
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }

type Config struct {
	Name    string
	Version int
}

func ParallelMap[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func(i int, x T) {
			defer wg.Done()
			out[i] = f(x)
		}(i, x)
	}
	wg.Wait()
	return out
}

func main() {
	nums := []int{1, 2, 3, 4, 5}
	strs := Map(nums, func(n int) string { return strconv.Itoa(n * n) })
	fmt.Println(strs, len(strs))
	fmt.Println(Map[int, string](nums, strconv.Itoa))
	evens := Filter(nums, func(n int) bool { return n%2 == 0 })
	fmt.Println(evens)
	fmt.Println(Reduce(nums, 0, func(a, n int) int { return a + n }))
	fmt.Println(Reduce(nums, "", func(a string, n int) string { return a + strconv.Itoa(n) }))
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25), Sum[int64](4, 5))
	fmt.Println(Sum(Celsius(1.5), Celsius(2)))
	fmt.Printf("%T %v\n", Sum(Celsius(1.5), 2), SumSlice([]float64{0.5, 0.25}))
	type Temps []Celsius
	fmt.Println(SumSlice(Temps{10, 20.5}))
	fmt.Println(Max(3, 7), Max("abc", "abd"), Max(2.5, 1.5), Max[int8](-3, -4))
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(SortedKeys(m), len(Keys(m)))
	fmt.Println(Index([]string{"x", "y", "z"}, "z"), Index(nums, 42))
	fmt.Println(Join([]ID{1, 2, 3}, ","))
	p := Ptr(42)
	*p++
	fmt.Println(*p, *Ptr("s"))
	fmt.Printf("%q %v %v\n", Zero[string](), Zero[int](), Zero[*Config]() == nil)
	fmt.Println(Describe(7), Describe("go"), Describe(Config{"x", 1}))
	ch := make(chan string, 3)
	go Send(ch, "a", "b", "c")
	fmt.Println(Collect(ch))

	c := NewCache[string, int]()
	c.Put("x", 1)
	c.Put("y", 2)
	v, ok := c.Get("x")
	fmt.Println(v, ok, c.Len())
	_, ok = c.Get("nope")
	fmt.Println(ok)
	fmt.Printf("%T\n", c)
	pairs := c.Pairs()
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Key < pairs[j].Key })
	fmt.Println(pairs)
	fmt.Printf("%v %+v %T\n", pairs[0], Pair[string, int]{"k", 9}, pairs[0])
	c2 := &Cache[int, []string]{m: map[int][]string{}}
	c2.Put(1, []string{"one"})
	fmt.Println(c2.Get(1))
	var c3 Cache[ID, Config]
	c3.m = map[ID]Config{}
	c3.Put(7, Config{"seven", 7})
	fmt.Println(c3.Get(7))

	var s Stack[float64]
	s.Push(1.5)
	s.Push(2.5)
	x, err := s.Pop()
	fmt.Println(x, err)
	s.Pop()
	_, err = s.Pop()
	fmt.Println(err)

	var l List[string]
	l.Push("a")
	l.Push("b")
	fmt.Println(l.All(), l.size)
	set := Set[int]{}
	set.Add(3)
	fmt.Println(set.Has(3), set.Has(4), len(set))
	fmt.Printf("%T\n", set)

	sq := ParallelMap(nums, func(n int) int { return n * n })
	fmt.Println(sq)

	var cfg atomic.Pointer[Config]
	fmt.Println(cfg.Load() == nil)
	first := &Config{"a", 1}
	cfg.Store(first)
	fmt.Println(cfg.Load().Name)
	old := cfg.Swap(&Config{"b", 2})
	fmt.Println(old.Name, cfg.Load().Version)
	fmt.Println(cfg.CompareAndSwap(first, &Config{"c", 3}), cfg.Load().Name)
	cur := cfg.Load()
	fmt.Println(cfg.CompareAndSwap(cur, &Config{"d", 4}), cfg.Load().Name)
	fmt.Printf("%T\n", &cfg)
	f := Max[string]
	fmt.Println(f("p", "q"))
}
