// A test calls t.Fatal from a goroutine it started.
package fetch

import (
	"sync"
	"testing"
)

func fetch(n int) (int, error) { return n * 2, nil }

func TestFetchAll(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			if _, err := fetch(n); err != nil {
				t.Fatal(err)
			}
		}(i)
	}
	wg.Wait()
}
