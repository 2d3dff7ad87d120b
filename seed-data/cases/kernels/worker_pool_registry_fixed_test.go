package kernels_test

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"
)

// A realistic kernel (~200 lines): a small worker pool with a lock-protected
// registry of worker states, a heartbeat goroutine driven by a ticker, and a
// context tree (pool root -> batch deadline). Fixed: a worker that finishes
// after its batch gave up collecting waits for a reader OR the root context,
// so Close (cancel the root, wait for the workers) returns.

type job struct {
	id   int
	cost time.Duration
}

type result struct {
	jobID  int
	worker int
	output string
}

type workerState struct {
	busy    bool
	current int
	handled int
}

// registry is shared by the workers, the heartbeat and the pool's readers.
type registry struct {
	mu      sync.Mutex
	workers map[int]*workerState
	beats   int
	maxBusy int
}

func newRegistry() *registry {
	return &registry{workers: make(map[int]*workerState)}
}

func (r *registry) register(id int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.workers[id] = &workerState{}
}

func (r *registry) start(id, jobID int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	w := r.workers[id]
	w.busy = true
	w.current = jobID
}

func (r *registry) finish(id int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	w := r.workers[id]
	w.busy = false
	w.current = -1
	w.handled++
}

// beat records how many workers are busy right now.
func (r *registry) beat() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.beats++
	busy := 0
	for _, w := range r.workers {
		if w.busy {
			busy++
		}
	}
	if busy > r.maxBusy {
		r.maxBusy = busy
	}
}

func (r *registry) beatCount() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.beats
}

func (r *registry) handled() map[int]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[int]int, len(r.workers))
	for id, w := range r.workers {
		out[id] = w.handled
	}
	return out
}

type pool struct {
	reg     *registry
	jobs    chan job
	results chan result
	ctx     context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

func newPool(parent context.Context, workers int) *pool {
	ctx, cancel := context.WithCancel(parent)
	p := &pool{
		reg:     newRegistry(),
		jobs:    make(chan job),
		results: make(chan result),
		ctx:     ctx,
		cancel:  cancel,
	}
	for id := 1; id <= workers; id++ {
		p.reg.register(id)
		p.wg.Add(1)
		go p.worker(id)
	}
	p.wg.Add(1)
	go p.heartbeat(10 * time.Millisecond)
	return p
}

func (p *pool) heartbeat(every time.Duration) {
	defer p.wg.Done()
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-p.ctx.Done():
			return
		case <-ticker.C:
			p.reg.beat()
		}
	}
}

func (p *pool) worker(id int) {
	defer p.wg.Done()
	for {
		var j job
		select {
		case <-p.ctx.Done():
			return
		case j = <-p.jobs:
		}
		p.reg.start(id, j.id)
		select {
		case <-time.After(j.cost):
		case <-p.ctx.Done():
			return
		}
		p.reg.finish(id)
		r := result{jobID: j.id, worker: id, output: fmt.Sprintf("job-%d", j.id)}
		select {
		case p.results <- r:
		case <-p.ctx.Done(): // Close: nobody will collect this result
			return
		}
	}
}

// runBatch submits the jobs and collects results until the batch deadline.
func (p *pool) runBatch(timeout time.Duration, jobs []job) []result {
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	go func() {
		for _, j := range jobs {
			select {
			case p.jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	var got []result
	for len(got) < len(jobs) {
		select {
		case r := <-p.results:
			got = append(got, r)
		case <-ctx.Done():
			return got
		}
	}
	return got
}

// waitForBeats lets the heartbeat record the pool's tail activity.
func (p *pool) waitForBeats(n int) {
	for p.reg.beatCount() < n {
		time.Sleep(5 * time.Millisecond)
	}
}

func (p *pool) Close() {
	p.cancel()
	p.wg.Wait()
}

func TestWorkerPoolRegistry(t *testing.T) {
	p := newPool(context.Background(), 3)
	var jobs []job
	for i := 0; i < 8; i++ {
		jobs = append(jobs, job{id: i, cost: time.Duration(10+10*i) * time.Millisecond})
	}
	got := p.runBatch(45*time.Millisecond, jobs)
	ids := make([]int, 0, len(got))
	for _, r := range got {
		ids = append(ids, r.jobID)
	}
	sort.Ints(ids)
	t.Logf("collected %d of %d results before the deadline: %v", len(got), len(jobs), ids)
	p.waitForBeats(8)
	p.Close()
	t.Logf("handled per worker: %v", p.reg.handled())
}
