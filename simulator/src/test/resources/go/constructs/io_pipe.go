package main

import (
	"errors"
	"fmt"
	"io"
)

func main() {
	r, w := io.Pipe()
	done := make(chan bool)
	go func() {
		n, err := w.Write([]byte("hello, "))
		fmt.Println("wrote", n, err)
		n, err = w.Write([]byte("world"))
		fmt.Println("wrote", n, err)
		w.Close()
		done <- true
	}()
	buf := make([]byte, 4)
	var got []byte
	for {
		n, err := r.Read(buf)
		got = append(got, buf[:n]...)
		if err == io.EOF {
			break
		}
	}
	<-done
	fmt.Println(string(got))

	r2, w2 := io.Pipe()
	go func() {
		_, err := w2.Write([]byte("never read"))
		fmt.Println("write after reader closed:", err, err == io.ErrClosedPipe)
		done <- true
	}()
	r2.Close()
	<-done
	n, err := r2.Read(make([]byte, 1))
	fmt.Println(n, err)

	r3, w3 := io.Pipe()
	w3.CloseWithError(errors.New("upstream failed"))
	n, err = r3.Read(make([]byte, 1))
	fmt.Println(n, err)
}
