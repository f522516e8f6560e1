package gctune

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestApply: with neither GOGC nor GOMEMLIMIT set, a run collects at
// five times its live heap under a 1 GiB soft limit, and restore puts the
// old settings back; with either set, the runtime's settings stand.
func TestApply(t *testing.T) {
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) })
	for _, tc := range []struct {
		env     map[string]string
		percent int
		limit   int64
	}{
		{map[string]string{}, 400, 1 << 30},
		{map[string]string{"GOGC": "100"}, 100, math.MaxInt64},
		{map[string]string{"GOMEMLIMIT": "2GiB"}, 100, math.MaxInt64},
	} {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		restore := Apply(func(k string) string { return tc.env[k] })
		if got, lim := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1); got != tc.percent || lim != tc.limit {
			t.Errorf("env %v: GC percent %d, memory limit %d; want %d, %d", tc.env, got, lim, tc.percent, tc.limit)
		}
		debug.SetGCPercent(tc.percent) // as Apply left it
		restore()
		if got, lim := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1); got != 100 || lim != math.MaxInt64 {
			t.Errorf("env %v: after restore GC percent %d, memory limit %d; want 100, %d", tc.env, got, lim, int64(math.MaxInt64))
		}
		debug.SetGCPercent(100)
	}
}
