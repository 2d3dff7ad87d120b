package main

import (
	"errors"
	"fmt"
	"os"
)

type T struct{ p *int }

func try(f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%T|%v\n", r, r)
		if e, ok := r.(error); ok {
			fmt.Printf("  %q\n", e.Error())
		}
	}()
	f()
}

func main() {
	try(func() { var t *T; _ = t.p })
	try(func() { a, b := 1, 0; _ = a / b })
	try(func() { s := []int{1}; i := 5; _ = s[1:i] })
	try(func() { n := -1; _ = make(chan int, n) })
	try(func() { n := -1; _ = make([]int, n) })
	try(func() { var x interface{} = "s"; _ = x.(int) })
	try(func() { panic(nil) })
	try(func() { var c chan int; close(c) })
	fmt.Println(os.ErrNotExist, os.ErrExist, os.ErrPermission, os.ErrClosed, os.ErrInvalid)
	fmt.Println(errors.Is(fmt.Errorf("x: %w", os.ErrNotExist), os.ErrNotExist))
	fmt.Printf("%T %T\n", os.ErrNotExist)
}
