//go:build !race

package claims

// raceEnabled reports whether the race detector is on: it slows code by
// how much memory it touches, so a timing test says nothing under it.
const raceEnabled = false
