package kernels_test

import (
	"sync"
	"testing"
	"time"
)

// Once.Do that only starts the initialisation: later readers race with the
// asynchronous write.
type service struct {
	once sync.Once
	conf map[string]string
}

func (s *service) config() map[string]string {
	s.once.Do(func() {
		go func() { s.conf = map[string]string{"mode": "fast"} }()
	})
	return s.conf
}

func TestRaceOnceAsync(t *testing.T) {
	s := &service{}
	_ = s.config()
	time.Sleep(5 * time.Millisecond)
	_ = s.config()
}
