package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct {
	W, H float64
}

func (r Rect) Area() float64 { return r.W * r.H }
func (r Rect) Name() string  { return "rect" }

type Square struct {
	Rect
	label string
}

func (s *Square) Name() string { return "square " + s.label }

type Counter struct {
	n    int
	hist []int
}

func (c *Counter) Inc() { c.n++; c.hist = append(c.hist, c.n) }
func (c Counter) Get() int { return c.n }

type State int

const (
	Idle State = iota
	Running
	Stopped
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	}
	return "state(" + strconv.Itoa(int(s)) + ")"
}

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func find(m map[string]int, k string) (int, error) {
	if v, ok := m[k]; ok {
		return v, nil
	}
	return 0, &QueryError{Query: k, Err: ErrNotFound}
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func safeDiv(a, b int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x)
	case string:
		return fmt.Sprintf("string %q", x)
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	// structs, embedding, value vs pointer receivers
	sq := &Square{Rect{2, 3}, "a"}
	var sh Shape = sq
	fmt.Println(sh.Area(), sh.Name(), sq.W)
	r := Rect{W: 1.5, H: 2}
	r2 := r
	r2.W = 10
	fmt.Println(r, r2, r.Area())
	fmt.Printf("%v %+v %T\n", r, r, sh)

	c := Counter{}
	c.Inc()
	c.Inc()
	fmt.Println(c.Get(), c.hist, len(c.hist))

	// closures capture by reference
	x := 1
	add := func(d int) { x += d }
	add(5)
	fmt.Println("x =", x)
	fs := []func() int{}
	for i := 0; i < 3; i++ {
		j := i
		fs = append(fs, func() int { return j * j })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// maps, slices, sorting
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, m)
	delete(m, "b")
	_, ok := m["b"]
	fmt.Println(len(m), ok)
	s := []int{5, 2, 8, 1}
	sort.Ints(s)
	t := s[1:3]
	t[0] = 99
	fmt.Println(s, t, len(t), cap(t))
	arr := [3]int{1, 2, 3}
	arr2 := arr
	arr2[0] = 7
	fmt.Println(arr, arr2)
	var nilSlice []int
	fmt.Println(nilSlice == nil, len(nilSlice), append(nilSlice, 4))

	// errors
	if _, err := find(m, "zz"); err != nil {
		var qe *QueryError
		fmt.Println(err, errors.Is(err, ErrNotFound), errors.As(err, &qe), qe.Query)
	}
	wrapped := fmt.Errorf("lookup: %w", ErrNotFound)
	fmt.Println(wrapped, errors.Is(wrapped, ErrNotFound), errors.Unwrap(wrapped) == ErrNotFound)

	// multiple returns, named results, recover
	q, rem := divmod(17, 5)
	fmt.Println(q, rem)
	res, err := safeDiv(1, 0)
	fmt.Println(res, err)
	fmt.Println(sum(), sum(1, 2, 3), sum(s...))

	// switch, type switch, Stringer
	var st State = Running
	fmt.Println(st, Stopped, describe(nil), describe(42), describe("hi"), describe(ErrNotFound), describe(Idle), describe(3.5))
	for i := 0; i < 6; i++ {
		switch {
		case i%2 == 0 && i > 2:
			fmt.Print("even>2 ")
		case i == 1:
			fmt.Print("one ")
			fallthrough
		case i == 3:
			fmt.Print("three-ish ")
		default:
			fmt.Print("d ")
		}
	}
	fmt.Println()

	// labels, continue, break
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()

	// strings, strconv, runes, formatting
	word := "héllo"
	for i, ch := range word {
		fmt.Print(i, ":", string(ch), " ")
	}
	fmt.Println(len(word), strings.ToUpper(word), strings.Repeat("ab", 3))
	n, err := strconv.Atoi("12x")
	fmt.Println(n, err)
	fmt.Printf("%5d|%-5s|%05.2f|%x|%q|%t|%v|%3.1f%%\n", 42, "go", 3.14159, 255, "q", true, []string{"a", "b"}, 99.5)
	fmt.Println(7/2, 7.0/2, -7%3, 1<<10, 0x1F, float64(7)/2)
	var ip *int
	var e error
	fmt.Println(ip == nil, e == nil)
	p := new(int)
	*p = 42
	pp := &x
	*pp = 100
	fmt.Println(*p, x)

	// a channel holds its own copy of a struct; before Go 1.22 a range variable is one variable
	type pt struct{ N int }
	cp := make(chan pt, 3)
	for _, v := range []pt{{1}, {2}, {3}} {
		cp <- v
	}
	a1, a2, a3 := <-cp, <-cp, <-cp
	var ptrs []*pt
	for _, v := range []pt{{4}, {5}} {
		ptrs = append(ptrs, &v)
	}
	fmt.Println(a1.N, a2.N, a3.N, *ptrs[0], *ptrs[1])
}
