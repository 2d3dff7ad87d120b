package main

import (
	"fmt"
	"sync"
	"time"
)

type Config struct{ Addr string }

var (
	once sync.Once
	cfg  *Config
)

func load() *Config {
	time.Sleep(20 * time.Millisecond) // reading a file, say
	return &Config{Addr: "127.0.0.1:8080"}
}

func getConfig() *Config {
	once.Do(func() {
		// Bug: Do returns as soon as this goroutine is started, long before
		// cfg is set; callers read a nil pointer (and race with the write).
		go func() { cfg = load() }()
	})
	return cfg
}

func main() {
	c := getConfig()
	fmt.Println("listening on", c.Addr)
}
