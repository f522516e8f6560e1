//go:build !race

package unattributedquote

// raceEnabled reports whether the race detector is on: it slows code by
// how much memory it touches, so a timing test says nothing under it.
const raceEnabled = false
