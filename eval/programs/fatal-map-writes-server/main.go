package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
)

type Stats struct {
	hits map[string]int
}

func (s *Stats) Handler(w http.ResponseWriter, r *http.Request) {
	s.hits[r.URL.Path]++
	fmt.Fprintln(w, "ok")
}

func main() {
	s := &Stats{hits: map[string]int{}}
	srv := httptest.NewServer(http.HandlerFunc(s.Handler))
	defer srv.Close()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for k := 0; k < 2000; k++ {
				resp, err := http.Get(fmt.Sprintf("%s/p%d", srv.URL, k%3))
				if err == nil {
					resp.Body.Close()
				}
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(len(s.hits))
}
