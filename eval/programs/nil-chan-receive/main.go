// A channel variable is declared but never made, then read.
package main

import "fmt"

type job struct{ done chan bool }

func main() {
	j := job{}
	go func() { fmt.Println("working") }()
	<-j.done
}
