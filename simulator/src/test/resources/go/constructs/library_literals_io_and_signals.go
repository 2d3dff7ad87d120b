package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"time"
)

type reader struct{ left int }

func (r *reader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	r.left--
	return 1, nil
}

func main() {
	mu := sync.Mutex{}
	mu.Lock()
	mu.Unlock()
	wg := &sync.WaitGroup{}
	var n atomic.Int64
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Add(1)
		}()
	}
	wg.Wait()
	var t time.Time
	fmt.Println(n.Load(), t.IsZero(), time.Time{}.IsZero())
	var r io.Reader = &reader{left: 2}
	reads := 0
	for {
		_, err := r.Read(nil)
		if errors.Is(err, io.EOF) {
			break
		}
		reads++
	}
	fmt.Println(reads, io.EOF, io.ErrUnexpectedEOF)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	select {
	case s := <-c:
		fmt.Println("signal", s)
	default:
		fmt.Println("no signal", os.Interrupt)
	}
	signal.Stop(c)
}
