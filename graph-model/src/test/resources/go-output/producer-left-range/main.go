// etcd-style: a compactor pipeline; the producer returns on a bad revision without closing out.
package main

import (
	"errors"
	"fmt"
)

type rev struct{ main int64 }

func scan(revs []int64, out chan<- rev) error {
	for _, r := range revs {
		if r < 0 {
			return errors.New("negative revision")
		}
		out <- rev{main: r}
	}
	close(out)
	return nil
}

func main() {
	out := make(chan rev)
	go func() {
		if err := scan([]int64{1, 2, -3, 4}, out); err != nil {
			fmt.Println("scan:", err)
		}
	}()
	n := 0
	for r := range out {
		n += int(r.main)
	}
	fmt.Println("compacted", n)
}
