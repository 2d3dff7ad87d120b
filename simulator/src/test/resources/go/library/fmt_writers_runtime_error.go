package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
)

type upper struct {
	lines []string
}

func (u *upper) Write(p []byte) (int, error) {
	u.lines = append(u.lines, strings.ToUpper(string(p)))
	return len(p), nil
}

type failing struct{}

func (failing) Write(p []byte) (int, error) { return 1, errors.New("disk full") }

func describe(f func()) {
	defer func() {
		r := recover()
		if re, ok := r.(runtime.Error); ok {
			fmt.Println("runtime error:", re.Error())
			return
		}
		if err, ok := r.(error); ok {
			fmt.Println("error:", err)
			return
		}
		fmt.Println("other:", r)
	}()
	f()
}

func main() {
	var sb strings.Builder
	n, err := fmt.Fprintf(&sb, "x=%d y=%s", 1, "two")
	fmt.Println(sb.String(), n, err)
	fmt.Fprint(&sb, " tail", 3)
	fmt.Fprintln(&sb, " end")
	fmt.Printf("%q\n", sb.String())

	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%05.1f|%-4s|%x", 3.14159, "ab", 255)
	fmt.Println(buf.String(), buf.Len())

	u := &upper{}
	fmt.Fprintln(u, "hello", "world")
	fmt.Fprintf(u, "n=%d", 7)
	var w io.Writer = u
	fmt.Fprint(w, "via interface")
	fmt.Printf("%q\n", u.lines)

	n, err = fmt.Fprintf(failing{}, "abc")
	fmt.Println(n, err)
	n, err = fmt.Fprintln(os.Stdout, "to stdout")
	fmt.Println(n, err)
	io.WriteString(os.Stdout, "io.WriteString\n")
	os.Stdout.WriteString("WriteString\n")
	os.Stdout.Write([]byte("Write\n"))

	fmt.Printf("%q\n", []string{"a b", "c"})
	fmt.Printf("%q %q\n", [2]string{"x", "y\n"}, []string(nil))
	fmt.Printf("%x %X\n", []string{"ab", "c"}, []string{"hi"})
	fmt.Printf("%x % x %q %s\n", []byte("hi"), "hi", []byte("q\"b"), []byte("bytes"))
	fmt.Printf("%q %q\n", 'x', []rune("ab"))
	fmt.Printf("%x %d\n", []int{10, 255}, [3]int{1, 2, 3})
	fmt.Printf("%q\n", []interface{}{"s", 1})
	fmt.Println(1e6, 123456.0, 1234567.0, 1e20, 1e21, 0.0001, 0.00001, float32(0.1), 2.5e-8, 100.0)
	fmt.Printf("%v %g %e %G %E %.3g %.2e %8.3f|%-8.2f|%+.1e\n", 1e6, 1e6, 123.456, 1e-7, 1e-7, 3.14159, 1234.5678, 3.14159, 2.5, 12345.0)

	describe(func() {
		var s []int
		_ = s[3]
	})
	describe(func() {
		var m map[string]int
		m["x"] = 1
	})
	describe(func() {
		var p *upper
		_ = p.lines
	})
	describe(func() {
		a, b := 1, 0
		_ = a / b
	})
	describe(func() {
		ch := make(chan int)
		close(ch)
		close(ch)
	})
	describe(func() {
		var i interface{} = "str"
		_ = i.(int)
	})
	describe(func() { panic(errors.New("plain error")) })
	describe(func() { panic("a string") })
	var e error = errors.New("x")
	_, isRT := e.(runtime.Error)
	fmt.Println(isRT)
}
