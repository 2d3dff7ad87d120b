package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

type Config struct {
	Addr string
}

type Holder struct {
	cfg atomic.Pointer[Config]
}

func main() {
	var h Holder
	go func() {
		h.cfg.Store(&Config{Addr: "b:2"})
	}()
	time.Sleep(time.Millisecond)
	snap := h // a plain copy reads the pointer's word: it races with the Store
	fmt.Println(snap.cfg.Load() != nil)
}
