package main

import "fmt"


func main() {
for _, v := range []interface{}{1, "s", 2.5, nil} {
 switch x := v.(type) {
 case int:
  fmt.Print("int ", x+1, " ")
 case string:
  fmt.Print("string ", x, " ")
 case nil:
  fmt.Print("nil ")
 default:
  fmt.Print("other ", x, " ")
 }
}
fmt.Println()
}
