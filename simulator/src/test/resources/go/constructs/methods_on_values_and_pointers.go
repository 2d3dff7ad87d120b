package main

import "fmt"

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

func (c counter) get() int { return c.n }

func main() {
c := &counter{}
c.inc()
c.inc()
fmt.Println(c.get())
}
