package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

func check(item string) error {
	if item == "" {
		return errors.New("empty item")
	}
	return nil
}

func validate(items []string, wg *sync.WaitGroup) {
	defer wg.Done()
	for _, it := range items {
		if err := check(it); err != nil {
			fmt.Println("invalid:", err)
			wg.Done() // Bug: the deferred Done runs as well
			return
		}
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go validate([]string{"a", "", "c"}, &wg)
	time.Sleep(50 * time.Millisecond) // main prepares the report meanwhile
	wg.Wait()
	fmt.Println("validated")
}
