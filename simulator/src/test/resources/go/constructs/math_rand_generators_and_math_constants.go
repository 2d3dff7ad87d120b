package main

import (
	"fmt"
	"math"
	"math/rand"
	"sort"
)

const inf = math.MaxFloat64

func main() {
	r := rand.New(rand.NewSource(42))
	ok := true
	for i := 0; i < 100; i++ {
		if n := r.Intn(10); n < 0 || n >= 10 {
			ok = false
		}
		if x := rand.Float64(); x < 0 || x >= 1 {
			ok = false
		}
	}
	p := r.Perm(5)
	sort.Ints(p)
	s := []int{1, 2, 3, 4}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	sort.Ints(s)
	fmt.Println(ok, p, s, inf > 1e300, math.IsInf(math.Inf(1), 1), math.Floor(2.7), math.MaxUint32)
}
