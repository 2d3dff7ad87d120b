// Unlocking an unlocked Mutex is a fatal error: recover cannot catch it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered (this line is never printed):", r)
		}
	}()
	var mu sync.Mutex
	fmt.Println("unlocking a mutex that was never locked")
	mu.Unlock()
}
