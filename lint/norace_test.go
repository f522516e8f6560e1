//go:build !race

package lint

// raceEnabled reports whether the race detector is on, which multiplies
// the memory a test uses.
const raceEnabled = false
