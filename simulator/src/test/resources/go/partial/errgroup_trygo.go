package main

import (
	"fmt"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.SetLimit(1)
	release := make(chan struct{})
	fmt.Println("first:", g.TryGo(func() error { <-release; return nil }))
	fmt.Println("second while the first runs:", g.TryGo(func() error { return nil }))
	close(release)
	fmt.Println("wait:", g.Wait())
	fmt.Println("after wait:", g.TryGo(func() error { return fmt.Errorf("boom") }), g.Wait())
}
