package main

import "fmt"

type Server struct {
	quit chan struct{}
}

// NewServer forgets to make the quit channel, so it stays nil.
func NewServer() *Server { return &Server{} }

func (s *Server) Stop() {
	close(s.quit) // Bug: closing a nil channel panics
}

func main() {
	s := NewServer()
	fmt.Println("serving")
	s.Stop()
	fmt.Println("stopped")
}
