package main

import "fmt"

func main() {
	var a, b int
	var s string
	var f float64
	var ok bool
	n, err := fmt.Sscan("10 20 hello 2.5 true", &a, &b, &s, &f, &ok)
	fmt.Println(n, err, a, b, s, f, ok)
	n, err = fmt.Sscan("  7\n  8 ", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscan("abc", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscan("", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscan("5", &a, &b)
	fmt.Println(n, err, a)
	n, err = fmt.Sscan("x", &f)
	fmt.Println(n, err)
	n, err = fmt.Sscan("maybe", &ok)
	fmt.Println(n, err)
	var u uint8
	n, err = fmt.Sscan("300", &u)
	fmt.Println(n, err, u)
	n, err = fmt.Sscanf("x=3 y=4", "x=%d y=%d", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("name:bob age:42", "name:%s age:%d", &s, &a)
	fmt.Println(n, err, s, a)
	n, err = fmt.Sscanf("3.5|ff", "%f|%x", &f, &a)
	fmt.Println(n, err, f, a)
	n, err = fmt.Sscanf("x=3", "y=%d", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("x=z", "x=%d", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1", "%d %d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("7 8", "%d %d", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("-12 abc", "%v %v", &a, &s)
	fmt.Println(n, err, a, s)
	n, err = fmt.Sscanln("1 2\n3", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanln("1\n2", &a, &b)
	fmt.Println(n, err, a)
	n, err = fmt.Sscan("12abc", &a, &s)
	fmt.Println(n, err, a, s)
	n, err = fmt.Sscan("0x1F +5", &a, &b)
	fmt.Println(n, err, a, b)
}
