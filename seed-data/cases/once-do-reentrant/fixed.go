package main

import (
	"fmt"
	"sync"
)

var (
	setup  sync.Once
	config map[string]string
)

// defaults builds the values without going through Get.
func defaults() map[string]string {
	return map[string]string{"region": "eu-west"}
}

// Get initialises config on first use.
func Get(key string) string {
	setup.Do(func() { config = defaults() })
	return config[key]
}

func main() {
	fmt.Println("region:", Get("region"))
}
