package skip

import "testing"

func TestSkipped(t *testing.T) {
	t.Skip("needs a network")
	t.Error("not reached")
}

func TestRuns(t *testing.T) {
	if t.Skipped() {
		t.Fatal("not skipped")
	}
}

func BenchmarkNothing(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.ReportAllocs()
	}
}

func helper(tb testing.TB) { tb.Helper() }

func TestHelperTakesTB(t *testing.T) { helper(t) }
