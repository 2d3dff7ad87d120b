// A deferred function starts a goroutine that keeps using the caller's buffer.
package main

import (
	"fmt"
	"time"
)

func render() []byte {
	buf := make([]byte, 0, 16)
	defer func() {
		go func() { buf = append(buf[:0], "flushed"...) }()
	}()
	buf = append(buf, "page"...)
	return buf
}

func main() {
	b := render()
	b[0] = 'P'
	time.Sleep(10 * time.Millisecond)
	fmt.Println(string(b))
}
