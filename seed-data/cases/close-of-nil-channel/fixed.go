package main

import "fmt"

type Server struct {
	quit chan struct{}
}

// NewServer makes every channel the server will close.
func NewServer() *Server { return &Server{quit: make(chan struct{})} }

func (s *Server) Stop() {
	close(s.quit)
}

func main() {
	s := NewServer()
	fmt.Println("serving")
	s.Stop()
	fmt.Println("stopped")
}
