package main

import "fmt"


func main() {
x := 7
if x < 5 {
 fmt.Println("small")
} else if x < 10 {
 fmt.Println("medium")
} else {
 fmt.Println("large")
}
}
