package main

import (
	"fmt"
	"sync"
)

type Stopper struct {
	quiescer chan struct{}
	wg       sync.WaitGroup
}

func NewStopper() *Stopper { return &Stopper{quiescer: make(chan struct{})} }

func (s *Stopper) RunAsyncTask(name string, f func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
}

func (s *Stopper) ShouldQuiesce() <-chan struct{} { return s.quiescer }

func (s *Stopper) Stop() {
	close(s.quiescer)
	s.wg.Wait()
}

type intentResolver struct {
	work chan string
	sem  chan struct{}
}

func (ir *intentResolver) start(s *Stopper) {
	s.RunAsyncTask("intent-resolver", func() {
		for {
			select {
			case key := <-ir.work:
				fmt.Println("resolve", key)
			case ir.sem <- struct{}{}:
				<-ir.sem
			}
		}
	})
}

func main() {
	s := NewStopper()
	ir := &intentResolver{work: make(chan string), sem: make(chan struct{})}
	ir.start(s)
	ir.work <- "/Table/52/1/1"
	s.Stop()
}
