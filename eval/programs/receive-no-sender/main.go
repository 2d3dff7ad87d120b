// The consumer waits for a reply that the producer only sends on success.
package main

import (
	"errors"
	"fmt"
)

func fetch(reply chan<- string) error {
	return errors.New("backend down") // returns without sending
}

func main() {
	reply := make(chan string)
	go fetch(reply)
	fmt.Println(<-reply)
}
