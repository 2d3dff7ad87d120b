package main

import "fmt"


func main() {
f := func() (r int) {
 defer func() {
  if e := recover(); e != nil {
   r = -1
  }
 }()
 defer fmt.Print("second ")
 defer fmt.Print("first ")
 panic("boom")
}
fmt.Println(f())
}
