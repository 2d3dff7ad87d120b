package main

import (
	"context"
	"fmt"
	"strings"
	"time"
)

type key string

func mustPanic(f func()) (msg any) {
	defer func() { msg = recover() }()
	f()
	return nil
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	v := context.WithValue(ctx, key("user"), "ana")
	fmt.Println(ctx)
	fmt.Println(v)
	fmt.Println(context.WithValue(context.TODO(), 1, 2))
	t, stop := context.WithTimeout(v, time.Second)
	defer stop()
	fmt.Println(strings.HasPrefix(fmt.Sprint(t), "context.Background.WithCancel.WithValue(type main.key, val ana).WithDeadline("),
		strings.HasSuffix(fmt.Sprint(t), "s])"))
	fmt.Println(mustPanic(func() { context.WithValue(ctx, nil, 1) }))
	fmt.Println(mustPanic(func() { context.WithValue(ctx, []byte("k"), 1) }))
	fmt.Println(v.Value(key("user")), v.Value("user"))
	timeout, ok := context.DeadlineExceeded.(interface{ Timeout() bool })
	fmt.Println(ok, timeout.Timeout(), fmt.Sprintf("%T", context.DeadlineExceeded))
}
