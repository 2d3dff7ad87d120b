// The result is sent on an unbuffered channel before anyone is reading it.
package main

import "fmt"

func compute() int { return 42 }

func main() {
	results := make(chan int)
	results <- compute()
	fmt.Println(<-results)
}
