package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// watch releases a per-request resource once the request context ends.
func watch(ctx context.Context, name string, wg *sync.WaitGroup) {
	defer wg.Done()
	<-ctx.Done()
	fmt.Println(name, "released:", ctx.Err())
}

func request(parent context.Context, name string, wg *sync.WaitGroup) string {
	ctx, cancel := context.WithTimeout(parent, time.Hour)
	defer cancel() // ends ctx as soon as the request is answered
	wg.Add(1)
	go watch(ctx, name, wg)
	return name + ": ok"
}

func main() {
	var wg sync.WaitGroup
	for _, n := range []string{"a", "b", "c"} {
		fmt.Println(request(context.Background(), n, &wg))
	}
	wg.Wait()
}
