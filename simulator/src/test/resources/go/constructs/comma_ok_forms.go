package main

import "fmt"


func main() {
m := map[int]string{1: "x"}
_, ok := m[2]
var i interface{} = 3
_, isStr := i.(string)
ch := make(chan int)
close(ch)
_, open := <-ch
fmt.Println(ok, isStr, open)
}
