package sub

import (
	"runtime"
	"sync"
	"testing"
)

func TestParent(t *testing.T) {
	ok := t.Run("fails", func(t *testing.T) {
		t.Fatal("stop here")
		t.Log("not reached")
	})
	t.Log("parent goes on, subtest ok:", ok)
	ok = t.Run("passes", func(t *testing.T) {})
	t.Log("second subtest ok:", ok)
}

func TestGoexitEndsTheTestWithoutFailing(t *testing.T) {
	var once sync.Once
	defer once.Do(func() { t.Log("deferred call ran") })
	runtime.Goexit()
	t.Log("not reached")
}

func TestAfter(t *testing.T) {
	t.Log("runs")
}
