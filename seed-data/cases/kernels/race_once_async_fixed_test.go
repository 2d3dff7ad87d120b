package kernels_test

import (
	"sync"
	"testing"
	"time"
)

type service struct {
	once sync.Once
	conf map[string]string
}

func (s *service) config() map[string]string {
	s.once.Do(func() { s.conf = map[string]string{"mode": "fast"} }) // finished before Do returns
	return s.conf
}

func TestRaceOnceAsync(t *testing.T) {
	s := &service{}
	_ = s.config()
	time.Sleep(5 * time.Millisecond)
	if s.config()["mode"] != "fast" {
		t.Fatal("not initialised")
	}
}
