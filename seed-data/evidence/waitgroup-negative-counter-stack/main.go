// Wait on a zero counter returns at once; an extra Done panics with a plain
// runtime panic whose stack goes through sync.(*WaitGroup).Add.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(0)
	wg.Wait()
	fmt.Println("Wait after Add(0) returned immediately")
	wg.Add(1)
	wg.Done()
	wg.Done() // one Done too many
}
