// Go output that is not a concurrency failure: network errors as the standard library prints them.
// Usage: go run main.go listen-twice|refused
package main

import (
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	switch os.Args[1] {
	case "listen-twice":
		first, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			panic(err)
		}
		defer first.Close()
		_, err = net.Listen("tcp", first.Addr().String())
		fmt.Println(err)
	case "refused":
		l, _ := net.Listen("tcp", "127.0.0.1:0")
		addr := l.Addr().String()
		l.Close()
		_, err := net.DialTimeout("tcp", addr, time.Second)
		fmt.Println(err)
	}
}
