// a daemon whose only worker returns on a config error; main then waits in select {} on nothing.
package main

import (
	"errors"
	"log"
)

func serve(addr string) error {
	if addr == "" {
		return errors.New("no listen address")
	}
	return nil
}

func main() {
	go func() {
		if err := serve(""); err != nil {
			log.Println("serve:", err)
		}
	}()
	select {}
}
