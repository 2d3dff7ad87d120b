// The cancel function of a timeout context is dropped.
package main

import (
	"context"
	"fmt"
	"time"
)

func query(parent context.Context) error {
	ctx, _ := context.WithTimeout(parent, time.Second)
	<-ctx.Done()
	return ctx.Err()
}

func main() { fmt.Println(query(context.Background())) }
