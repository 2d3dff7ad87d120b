package p

import (
	"bytes"
	"crypto/md5"
	"net/http"
	"sync"
	"testing"
)

// declarations that name what the simulator does not model
type result struct {
	path string
	sum  [md5.Size]byte
}

type client struct {
	mu   sync.Mutex
	http *http.Client
	hits int
}

func (c *client) hit() {
	c.mu.Lock()
	c.hits++
	c.mu.Unlock()
}

func sums(paths []string) map[string][md5.Size]byte {
	m := map[string][md5.Size]byte{}
	for _, p := range paths {
		m[p] = md5.Sum([]byte(p))
	}
	return m
}

var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func TestHits(t *testing.T) {
	c := &client{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); c.hit() }()
	}
	wg.Wait()
	if c.hits != 2 {
		t.Fatal(c.hits)
	}
}

func TestSums(t *testing.T) {
	if len(sums([]string{"a"})) != 1 {
		t.Fatal("no sum")
	}
}

func TestResult(t *testing.T) {
	r := result{path: "a"}
	_ = r.path
}
