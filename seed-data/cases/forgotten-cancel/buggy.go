package main

import (
	"context"
	"fmt"
	"time"
)

// watch releases a per-request resource once the request context ends.
func watch(ctx context.Context, name string) {
	<-ctx.Done()
	fmt.Println(name, "released:", ctx.Err())
}

func request(parent context.Context, name string) string {
	// Bug: the cancel function is thrown away, so ctx ends only after an hour.
	ctx, _ := context.WithTimeout(parent, time.Hour)
	go watch(ctx, name)
	return name + ": ok"
}

func main() {
	for _, n := range []string{"a", "b", "c"} {
		fmt.Println(request(context.Background(), n))
	}
}
