// main parks forever in an empty select after its worker finished.
package main

import "fmt"

func main() {
	go func() { fmt.Println("serving") }()
	select {}
}
