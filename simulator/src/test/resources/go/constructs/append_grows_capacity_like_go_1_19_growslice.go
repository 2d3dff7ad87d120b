package main

import (
	"fmt"
	"sync"
	"time"
)

type small struct {
	a int8
	b int32
}

type big struct {
	s    string
	n    int
	f    float64
	b    bool
	mu   sync.Mutex
	when time.Time
}

type three struct{ a, b, c byte }

func main() {
	fmt.Println(cap(append([]int(nil), 1, 2, 3)), cap(append([]int{}, 1, 2, 3, 4, 5)))
	var s []int
	for i := 0; i < 2000; i++ {
		old := cap(s)
		s = append(s, i)
		if cap(s) != old {
			fmt.Print(cap(s), " ")
		}
	}
	fmt.Println()
	var b []byte
	for i := 0; i < 3000; i++ {
		old := cap(b)
		b = append(b, 1)
		if cap(b) != old {
			fmt.Print(cap(b), " ")
		}
	}
	fmt.Println()
	var st []string
	var sm []small
	var bg []big
	var th []three
	var i32 []int32
	var ifs []interface{}
	var sl [][]int
	var ar [][3]int16
	var bo []bool
	for i := 0; i < 700; i++ {
		o1, o2, o3, o4, o5, o6, o7, o8, o9 := cap(st), cap(sm), cap(bg), cap(th), cap(i32), cap(ifs), cap(sl), cap(ar), cap(bo)
		st = append(st, "x")
		sm = append(sm, small{})
		bg = append(bg, big{})
		th = append(th, three{})
		i32 = append(i32, 1)
		ifs = append(ifs, i)
		sl = append(sl, nil)
		ar = append(ar, [3]int16{})
		bo = append(bo, true)
		if o1 != cap(st) || o2 != cap(sm) || o3 != cap(bg) || o4 != cap(th) || o5 != cap(i32) || o6 != cap(ifs) || o7 != cap(sl) || o8 != cap(ar) || o9 != cap(bo) {
			fmt.Println(i, cap(st), cap(sm), cap(bg), cap(th), cap(i32), cap(ifs), cap(sl), cap(ar), cap(bo))
		}
	}
	x := make([]int, 3, 3)
	x = append(x, 1, 2, 3, 4, 5, 6, 7, 8)
	fmt.Println(len(x), cap(x))
	y := append([]int{1, 2}, x...)
	fmt.Println(len(y), cap(y))
	d := []int{1, 2, 3}
	d = append(d, 4)
	e := d[1:2]
	e = append(e, 99)
	fmt.Println(d, e, len(d), cap(d))
	f := append([]int(nil), 1)
	g := append(f, 2)
	h := append(f, 3)
	fmt.Println(g, h)
	var z []struct{}
	z = append(z, struct{}{}, struct{}{})
	fmt.Println(cap(z))
	big1 := append([]int(nil), make([]int, 1000)...)
	fmt.Println(cap(big1), cap(append(big1, 1)), cap(append(make([]int, 5000), 1)))
	rs := append([]rune(nil), 'a', 'b', 'c')
	fmt.Println(cap(rs), cap(append([]float32{}, 1)), cap(append([]uint16{}, 1, 2, 3)))
}
