// Once.Do starts the initialisation in a goroutine and returns at once.
package main

import (
	"fmt"
	"sync"
)

var once sync.Once
var endpoint string

func initEndpoint() {
	once.Do(func() {
		go func() { endpoint = "https://svc.local" }()
	})
}

func main() {
	initEndpoint()
	fmt.Println("endpoint:", endpoint)
}
