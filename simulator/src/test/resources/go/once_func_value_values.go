package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	calls := 0
	load := sync.OnceValue(func() int {
		calls++ // only the first call runs this
		return 42
	})
	var wg sync.WaitGroup
	results := make([]int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = load()
		}(i)
	}
	wg.Wait()
	fmt.Println(results, calls)

	parse := sync.OnceValues(func() (int, error) { return 7, errors.New("bad input") })
	n, err := parse()
	n2, err2 := parse()
	fmt.Println(n, err, n2, err2 == err)

	ran := 0
	initOnce := sync.OnceFunc(func() { ran++ })
	initOnce()
	initOnce()
	fmt.Println(ran)

	boom := sync.OnceFunc(func() { panic("boom") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			boom()
		}()
	}
}
