package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

type job struct {
	id  int
	out chan<- string
}

func worker(ctx context.Context, jobs <-chan job, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case j, ok := <-jobs:
			if !ok {
				return
			}
			j.out <- fmt.Sprintf("job %d", j.id)
		}
	}
}

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *Queue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func main() {
	// worker pool with context
	ctx, cancel := context.WithCancel(context.Background())
	jobs := make(chan job)
	results := make(chan string, 10)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(ctx, jobs, &wg)
	}
	for i := 1; i <= 5; i++ {
		jobs <- job{id: i, out: results}
	}
	close(jobs)
	wg.Wait()
	cancel()
	close(results)
	var got []string
	for r := range results {
		got = append(got, r)
	}
	sort.Strings(got)
	fmt.Println(len(got), got, ctx.Err(), errors.Is(ctx.Err(), context.Canceled))

	// timeout
	tctx, tcancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer tcancel()
	start := time.Now()
	select {
	case <-tctx.Done():
		fmt.Println("timed out:", tctx.Err(), time.Since(start) >= 50*time.Millisecond)
	case <-time.After(time.Second):
		fmt.Println("after")
	}
	dl, ok := tctx.Deadline()
	fmt.Println(ok, !dl.IsZero())
	vctx := context.WithValue(tctx, "k", 7)
	fmt.Println(vctx.Value("k"), vctx.Value("x"), vctx.Err() == context.DeadlineExceeded)

	// cond queue
	q := NewQueue()
	done := make(chan int)
	go func() {
		s := 0
		for i := 0; i < 4; i++ {
			s += q.Get()
		}
		done <- s
	}()
	for i := 1; i <= 4; i++ {
		q.Put(i * 10)
	}
	fmt.Println("sum", <-done)

	// once, atomics, RWMutex, sync.Map, Pool
	var once sync.Once
	var inits int32
	var wg2 sync.WaitGroup
	var rw sync.RWMutex
	shared := map[string]int{}
	var total atomic.Int64
	for i := 0; i < 4; i++ {
		wg2.Add(1)
		go func(i int) {
			defer wg2.Done()
			once.Do(func() { atomic.AddInt32(&inits, 1) })
			rw.Lock()
			shared[fmt.Sprint("k", i)] = i
			rw.Unlock()
			rw.RLock()
			_ = shared["k0"]
			rw.RUnlock()
			total.Add(int64(i))
		}(i)
	}
	wg2.Wait()
	fmt.Println(atomic.LoadInt32(&inits), len(shared), total.Load())
	var sm sync.Map
	sm.Store("a", 1)
	v, loaded := sm.LoadOrStore("a", 2)
	fmt.Println(v, loaded)
	pool := sync.Pool{New: func() interface{} { return new([]byte) }}
	b := pool.Get().(*[]byte)
	pool.Put(b)
	fmt.Println(b != nil)

	// timers and tickers
	tk := time.NewTicker(10 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	tm := time.NewTimer(time.Hour)
	fmt.Println(n, tm.Stop(), 1500*time.Millisecond, 2*time.Minute+3*time.Second, time.Duration(250)*time.Microsecond)
	fired := make(chan bool)
	time.AfterFunc(20*time.Millisecond, func() { fired <- true })
	fmt.Println("afterfunc", <-fired)
}
