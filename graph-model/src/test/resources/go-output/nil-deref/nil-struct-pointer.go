package main

import "fmt"

type config struct {
	name    string
	retries int
}

func load(ok bool) *config {
	if ok {
		return &config{name: "svc", retries: 3}
	}
	return nil
}

func main() {
	cfg := load(false)
	fmt.Println("retries:", cfg.retries)
}
