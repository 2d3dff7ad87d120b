package main

import "fmt"


func main() {
type P struct{ X int }
p := P{1}
q := p
q.X = 2
r := &p
r.X = 3
fmt.Println(p.X, q.X)
}
