package main

import "fmt"

var data []string

func loader(done chan<- struct{}) {
	data = []string{"alpha", "beta"}
	close(done) // the close happens before the receive in main returns
}

func main() {
	done := make(chan struct{})
	go loader(done)
	<-done // blocks without spinning and orders the accesses
	fmt.Println("loaded", len(data), "items")
}
