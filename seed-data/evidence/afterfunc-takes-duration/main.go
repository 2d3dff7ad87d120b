// time.AfterFunc takes a time.Duration, not a context; this program
// intentionally does not compile. (context.AfterFunc exists since Go 1.21.)
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(ctx, func() { fmt.Println("stop") })
}
