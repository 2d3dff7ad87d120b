package main

import (
	"flag"
	"log"
	"net/http"
	_ "net/http/pprof"
	"sync"
	"time"
)

type resp struct{ body string }

func backend(id string) resp {
	time.Sleep(200 * time.Millisecond)
	return resp{body: "user " + id}
}

func userHandler(w http.ResponseWriter, r *http.Request) {
	ch := make(chan resp)
	go func() {
		ch <- backend(r.URL.Query().Get("id"))
	}()
	select {
	case res := <-ch:
		w.Write([]byte(res.body))
	case <-time.After(50 * time.Millisecond):
		http.Error(w, "timeout", http.StatusGatewayTimeout)
	}
}

type account struct {
	mu      sync.Mutex
	balance int
}

func transfer(from, to *account, n int) {
	from.mu.Lock()
	defer from.mu.Unlock()
	time.Sleep(10 * time.Millisecond)
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance -= n
	to.balance += n
}

func idleWorker(jobs <-chan func(), tick *time.Ticker) {
	for {
		select {
		case j := <-jobs:
			j()
		case <-tick.C:
		}
	}
}

func main() {
	mode := flag.String("mode", "leak", "leak or abba")
	flag.Parse()
	if *mode == "leak" {
		http.HandleFunc("/user", userHandler)
		go func() {
			time.Sleep(300 * time.Millisecond)
			for i := 0; i < 40; i++ {
				go http.Get("http://127.0.0.1:18734/user?id=7")
			}
		}()
		log.Fatal(http.ListenAndServe("127.0.0.1:18734", nil))
	}
	jobs := make(chan func())
	tick := time.NewTicker(time.Hour)
	for i := 0; i < 2000; i++ {
		go idleWorker(jobs, tick)
	}
	a, b := &account{balance: 100}, &account{balance: 100}
	go transfer(a, b, 10)
	go transfer(b, a, 20)
	http.HandleFunc("/balance", func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		defer a.mu.Unlock()
		w.Write([]byte("ok"))
	})
	go func() {
		time.Sleep(100 * time.Millisecond)
		http.Get("http://127.0.0.1:18735/balance")
	}()
	log.Fatal(http.ListenAndServe("127.0.0.1:18735", nil))
}
