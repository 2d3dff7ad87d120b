// A server started twice on one address: the second listen fails with a network error, no
// concurrency involved (a negative input: the diagnosis must give no cause).
package main

import (
	"log"
	"net"
)

func main() {
	first, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	defer first.Close()
	if _, err := net.Listen("tcp", first.Addr().String()); err != nil {
		log.Fatal(err)
	}
}
