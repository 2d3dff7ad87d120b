package main

import "fmt"


func main() {
s := 0
for i := 0; i < 10; i++ {
 if i%2 == 0 {
  continue
 }
 s += i
}
fmt.Println(s)
}
