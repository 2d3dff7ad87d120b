package main

import "fmt"


func main() {
s := make([]int, 0, 2)
s = append(s, 1, 2, 3)
t := make([]int, 2)
n := copy(t, s)
u := s[0:1:1]
fmt.Println(len(s), n, t, len(u), cap(u))
}
