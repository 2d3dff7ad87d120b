package main

import (
	"fmt"
	"runtime"
	"time"
)

// serve handles one request by parking a goroutine that waits a minute.
func serve(id int) {
	go func() {
		time.Sleep(time.Minute) // e.g. a slow upstream with no deadline
		_ = id
	}()
}

func main() {
	// Bug: one goroutine per request, with no bound and no way to stop them.
	for id := 0; id < 5000; id++ {
		serve(id)
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
