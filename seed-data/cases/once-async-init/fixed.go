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
	time.Sleep(5 * time.Millisecond)
	return &Config{Addr: "127.0.0.1:8080"}
}

// getConfig runs load inside Do: every caller returns only after it finished.
func getConfig() *Config {
	once.Do(func() { cfg = load() })
	return cfg
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = getConfig().Addr
		}()
	}
	wg.Wait()
	fmt.Println("listening on", getConfig().Addr)
}
