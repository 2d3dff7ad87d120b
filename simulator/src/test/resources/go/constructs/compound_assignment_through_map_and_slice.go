package main

import "fmt"


func main() {
m := map[string]int{}
m["a"] += 3
s := []int{1, 2}
s[1] *= 5
fmt.Println(m["a"], s)
}
