package main

import "fmt"


func main() {
const (
 A = iota * 10
 B
 C
)
var u uint8 = 250
u += 10
fmt.Println(A, B, C, u, 7/2, 7.0/2)
}
