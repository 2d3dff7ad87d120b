package main

import (
	"fmt"
	"sync"
)

type Pool[T, R any] struct {
	workers int
	done    int // counted by every worker without a lock: the race
}

func (p *Pool[T, R]) Run(jobs []T, f func(T) R) []R {
	results := make([]R, len(jobs))
	var wg sync.WaitGroup
	ch := make(chan int)
	for w := 0; w < p.workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ch {
				results[i] = f(jobs[i])
				p.done++
			}
		}()
	}
	for i := range jobs {
		ch <- i
	}
	close(ch)
	wg.Wait()
	return results
}

func main() {
	p := &Pool[int, string]{workers: 3}
	out := p.Run([]int{1, 2, 3, 4}, func(n int) string { return fmt.Sprint(n * 10) })
	fmt.Println(out, p.done)
}
