package main

import (
	"fmt"
	"sync"
)

var (
	setup  sync.Once
	config map[string]string
)

func defaults() map[string]string {
	return map[string]string{"region": Get("fallback-region")}
}

// Get initialises config on first use.
func Get(key string) string {
	setup.Do(func() {
		// Bug: defaults calls Get, which calls Do on the same Once from inside
		// its own function; Do waits for itself forever.
		config = defaults()
	})
	return config[key]
}

func main() {
	fmt.Println("region:", Get("region"))
}
