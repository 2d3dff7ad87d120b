package main

import "fmt"


func main() {
for _, x := range []int{1, 2, 3} {
 switch x {
 case 1:
  fmt.Print("one ")
  fallthrough
 case 2:
  fmt.Print("one-or-two ")
 default:
  fmt.Print("other ")
 }
}
fmt.Println()
}
