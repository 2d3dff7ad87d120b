// A config map is refreshed by one goroutine while readers look it up.
package main

import "strconv"

var config = map[string]string{}

func refresher() {
	for i := 0; ; i++ {
		config["k"+strconv.Itoa(i%10)] = strconv.Itoa(i)
	}
}

func lookup(k string) string { return config[k] }

func main() {
	go refresher()
	n := 0
	for i := 0; i < 100000000; i++ {
		n += len(lookup("k" + strconv.Itoa(i%10)))
	}
	println(n)
}
