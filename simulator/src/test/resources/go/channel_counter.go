package main

import "fmt"

// Each worker sends its increments; only main touches the total.
func main() {
	results := make(chan int, 4)
	for w := 0; w < 3; w++ {
		go func(id int) {
			for i := 0; i < 10; i++ {
				results <- 1
			}
		}(w)
	}
	total := 0
	for i := 0; i < 30; i++ {
		total += <-results
	}
	fmt.Println("Final counter:", total)
}
