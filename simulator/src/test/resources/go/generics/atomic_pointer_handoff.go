package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

type Config struct {
	Addr    string
	Retries int
}

func main() {
	var current atomic.Pointer[Config]
	current.Store(&Config{Addr: "a:1", Retries: 1})
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			c := current.Load()
			fmt.Println(c.Addr, c.Retries)
			time.Sleep(time.Millisecond)
		}
		done <- true
	}()
	next := &Config{Addr: "b:2"}
	next.Retries = 5 // written before Store publishes it
	current.Store(next)
	<-done
}
