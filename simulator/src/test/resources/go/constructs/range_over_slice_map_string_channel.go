package main

import "fmt"


func main() {
for i, v := range []string{"a", "b"} {
 fmt.Print(i, v, " ")
}
m := map[string]int{"k": 1}
for k, v := range m {
 fmt.Print(k, v, " ")
}
for i, r := range "hé" {
 fmt.Print(i, string(r), " ")
}
ch := make(chan int, 2)
ch <- 1
ch <- 2
close(ch)
for v := range ch {
 fmt.Print(v, " ")
}
fmt.Println()
}
