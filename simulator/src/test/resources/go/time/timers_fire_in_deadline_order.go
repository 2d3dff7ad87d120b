package main

import (
	"fmt"
	"time"
)

// Two timers race with a goroutine's send; when the later one has fired, the
// earlier one has too.
func main() {
	t1 := time.NewTimer(time.Nanosecond)
	t2 := time.NewTimer(2 * time.Nanosecond)
	done := make(chan string, 1)
	go func() { done <- "work first" }()
	select {
	case w := <-done:
		fmt.Println(w)
	case <-t2.C:
		select {
		case <-t1.C:
			fmt.Println("1ns, then 2ns")
		default:
			fmt.Println("2ns before 1ns")
		}
	}
}
