package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	m.Store("job", 7)
	var wg sync.WaitGroup
	taken := make([]bool, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, taken[i] = m.LoadAndDelete("job") // exactly one goroutine takes it
		}(i)
	}
	wg.Wait()
	n := 0
	for _, t := range taken {
		if t {
			n++
		}
	}
	v, ok := m.LoadAndDelete("job")
	fmt.Println(n, v, ok)
	m.Store("k", "v")
	v, ok = m.LoadAndDelete("k")
	fmt.Println(v, ok)
}
