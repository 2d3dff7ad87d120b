// Two shutdown paths both close the same done channel.
package main

import "time"

type server struct{ done chan struct{} }

func (s *server) stop() { close(s.done) }

func main() {
	s := &server{done: make(chan struct{})}
	go s.stop()
	time.Sleep(10 * time.Millisecond)
	s.stop() // second close
}
