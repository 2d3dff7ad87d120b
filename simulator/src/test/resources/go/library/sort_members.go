package main

import (
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

type counting struct {
	data  []int
	less  int
	swaps int
}

func (c *counting) Len() int           { return len(c.data) }
func (c *counting) Less(i, j int) bool { c.less++; return c.data[i] < c.data[j] }
func (c *counting) Swap(i, j int)      { c.swaps++; c.data[i], c.data[j] = c.data[j], c.data[i] }

func people(n int) []person {
	var ps []person
	for i := 0; i < n; i++ {
		ps = append(ps, person{fmt.Sprintf("p%d", i), (i * 7919) % 5})
	}
	return ps
}

func main() {
	small := byAge{{"alice", 30}, {"bob", 25}, {"carol", 30}, {"dave", 20}, {"eve", 25}}
	sort.Sort(small)
	fmt.Println(small)
	// more than 12 elements with equal keys: pdqsort's order of equal elements is Go's
	big := byAge(people(60))
	sort.Sort(big)
	fmt.Println(big)
	st := byAge(people(60))
	sort.Stable(st)
	fmt.Println(st)
	fmt.Println(sort.IsSorted(st))
	ps := people(45)
	sort.Slice(ps, func(i, j int) bool { return ps[i].age > ps[j].age })
	fmt.Println(ps)
	ps = people(45)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].age > ps[j].age })
	fmt.Println(ps)
	fmt.Println(sort.SliceIsSorted(ps, func(i, j int) bool { return ps[i].age > ps[j].age }))

	c := &counting{}
	for i := 0; i < 200; i++ {
		c.data = append(c.data, (i*7919+13)%101)
	}
	sort.Sort(c)
	fmt.Println(c.data[:10], c.less, c.swaps)
	c2 := &counting{data: []int{5, 4, 3, 2, 1, 9, 8, 7, 6, 0, 11, 10, 12, 15, 14, 13}}
	sort.Stable(c2)
	fmt.Println(c2.data, c2.less, c2.swaps)

	xs := []int{5, 2, 8, 1, 9}
	sort.Sort(sort.IntSlice(xs))
	fmt.Println(xs, sort.IntsAreSorted(xs))
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	fmt.Println(xs)
	ss := sort.StringSlice{"pear", "apple", "fig"}
	sort.Sort(ss)
	fmt.Println(ss, ss.Len(), ss.Search("fig"))
	ss2 := []string{"b", "c", "a"}
	sort.Strings(ss2)
	fmt.Println(ss2, sort.SearchStrings(ss2, "b"), sort.StringsAreSorted(ss2))
	is := sort.IntSlice{3, 1, 2}
	is.Sort()
	fmt.Println(is)
	fs := []float64{2.5, -1, 3}
	sort.Float64s(fs)
	fmt.Println(fs, sort.SearchFloat64s(fs, 2.5))
	sorted := []int{1, 3, 5, 7, 9}
	fmt.Println(sort.SearchInts(sorted, 5), sort.SearchInts(sorted, 6), sort.SearchInts(sorted, 100), sort.SearchInts(nil, 1))
	i := sort.Search(len(sorted), func(i int) bool { return sorted[i] >= 7 })
	fmt.Println(i, sort.Search(100, func(i int) bool { return i*i >= 50 }))
	rev := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}
	sort.Sort(sort.Reverse(sort.IntSlice(rev)))
	fmt.Println(rev)
}
