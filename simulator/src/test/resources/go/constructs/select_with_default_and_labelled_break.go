package main

import "fmt"


func main() {
ch := make(chan int, 1)
ch <- 5
loop:
for {
 select {
 case v := <-ch:
  fmt.Print("got ", v, " ")
 default:
  break loop
 }
}
fmt.Println("done")
}
