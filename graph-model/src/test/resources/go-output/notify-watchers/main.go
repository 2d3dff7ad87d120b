// a notification server: each request starts a watcher ranging over a channel the handler never closes.
package main

import (
	"fmt"
	"net/http"
	_ "net/http/pprof"
	"time"
)

type event struct{ id int }

func watch(id int, evs <-chan event) {
	for ev := range evs {
		fmt.Println(id, ev.id)
	}
}

func notify(w http.ResponseWriter, r *http.Request) {
	evs := make(chan event, 1)
	go watch(1, evs)
	evs <- event{id: 1}
	fmt.Fprintln(w, "ok")
}

func main() {
	http.HandleFunc("/notify", notify)
	go http.ListenAndServe("127.0.0.1:18942", nil)
	time.Sleep(100 * time.Millisecond)
	for i := 0; i < 5; i++ {
		resp, err := http.Get("http://127.0.0.1:18942/notify")
		if err == nil {
			resp.Body.Close()
		}
	}
	select {}
}
