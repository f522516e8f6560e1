// Package gctune holds the garbage collector's settings for a citelint
// run: the command applies them at start, and the speed benchmarks apply
// the same to what they time, so that they measure the check as it runs.
package gctune

import "runtime/debug"

// A check over a few drafts lives for tens of milliseconds and its live
// heap is a few megabytes: at Go's default (GOGC=100, a first collection
// at 4 MB) it spends a tenth of its time collecting garbage it would never
// have to. The heap may grow to five times its live data between
// collections instead of twice, and the soft limit has the collector work
// harder as the heap nears 1 GiB, so that a large run holds no more than
// the default would have let it past that size.
const (
	Percent     = 400
	MemoryLimit = 1 << 30
)

// Apply sets the collector's target and soft limit (Percent, MemoryLimit)
// when the environment, read with getenv, sets neither GOGC nor
// GOMEMLIMIT; otherwise the runtime's own settings, from them, hold. It
// returns a function that puts back the settings it replaced.
func Apply(getenv func(string) string) (restore func()) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	percent := debug.SetGCPercent(Percent)
	limit := debug.SetMemoryLimit(MemoryLimit)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
