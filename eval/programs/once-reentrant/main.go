// The initialiser passed to Once.Do calls back into the same Once.
package main

import "sync"

var once sync.Once
var settings map[string]string

func load() {
	once.Do(func() {
		settings = map[string]string{}
		settings["region"] = region()
	})
}

func region() string {
	load() // re-enters once.Do
	return "eu"
}

func main() {
	load()
	println(len(settings))
}
