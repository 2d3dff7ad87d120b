package main

import "fmt"


func main() {
n := 0
inc := func() { n++ }
inc()
inc()
fmt.Println(n)
}
