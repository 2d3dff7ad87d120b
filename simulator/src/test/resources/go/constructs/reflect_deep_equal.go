package main

import (
	"errors"
	"fmt"
	"reflect"
)

type node struct {
	Name string
	Tags []string
	Meta map[string]int
	Next *node
}

func main() {
	a := node{Name: "a", Tags: []string{"x", "y"}, Meta: map[string]int{"n": 1}, Next: &node{Name: "b"}}
	b := node{Name: "a", Tags: []string{"x", "y"}, Meta: map[string]int{"n": 1}, Next: &node{Name: "b"}}
	fmt.Println(reflect.DeepEqual(a, b), reflect.DeepEqual(&a, &b))
	b.Next.Name = "c"
	fmt.Println(reflect.DeepEqual(a, b))
	var nilSlice []int
	fmt.Println(reflect.DeepEqual(nilSlice, []int{}), reflect.DeepEqual(nilSlice, []int(nil)))
	fmt.Println(reflect.DeepEqual(map[string][]int{"k": {1}}, map[string][]int{"k": {1}}))
	fmt.Println(reflect.DeepEqual(int32(1), int64(1)), reflect.DeepEqual(1, 1))
	fmt.Println(reflect.DeepEqual([2]int{1, 2}, [2]int{1, 2}), reflect.DeepEqual(nil, nil))
	var f func()
	fmt.Println(reflect.DeepEqual(f, f))
	e := errors.New("x")
	fmt.Println(reflect.DeepEqual(e, e), reflect.DeepEqual(errors.New("x"), errors.New("x")))
	loop := &node{Name: "loop"}
	loop.Next = loop
	loop2 := &node{Name: "loop"}
	loop2.Next = loop2
	fmt.Println(reflect.DeepEqual(loop, loop2))
}
