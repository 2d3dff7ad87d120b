package main

import (
	"fmt"
	"sync"
	"time"
)

// Forcing variant of ../buggy.go for its data race: the caller is held up
// between Do and the read of cfg long enough for the loader goroutine to
// write it. Nothing orders that write before the read, so -race reports it.
type Config struct{ Addr string }

var (
	once sync.Once
	cfg  *Config
)

func load() *Config {
	time.Sleep(5 * time.Millisecond)
	return &Config{Addr: "127.0.0.1:8080"}
}

func getConfig() *Config {
	once.Do(func() {
		go func() { cfg = load() }()
	})
	time.Sleep(50 * time.Millisecond) // the forced delay
	return cfg
}

func main() {
	c := getConfig()
	fmt.Println("listening on", c.Addr)
}
