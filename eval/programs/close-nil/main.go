// A channel field is never initialised before shutdown closes it.
package main

type pipeline struct{ out chan string }

func (p *pipeline) shutdown() { close(p.out) }

func main() {
	var p pipeline
	p.shutdown()
}
