// A service that leaks one goroutine per timed-out lookup and serves net/http/pprof: it prints the
// port it listens on (127.0.0.1 only), then serves until killed. Used by the CLI's and the kernel's URL tests.
package main

import (
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"time"
)

// lookup asks a slow backend and gives up after a timeout; the worker's send then has no receiver.
func lookup(id int) (string, bool) {
	out := make(chan string)
	go func() {
		time.Sleep(20 * time.Millisecond)
		out <- fmt.Sprint("row ", id)
	}()
	select {
	case r := <-out:
		return r, true
	case <-time.After(time.Millisecond):
		return "", false
	}
}

func main() {
	for i := 0; i < 20; i++ {
		lookup(i)
	}
	time.Sleep(500 * time.Millisecond) // every worker has reached its send
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	fmt.Println(ln.Addr().(*net.TCPAddr).Port)
	http.Serve(ln, nil)
}
