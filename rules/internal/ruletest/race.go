//go:build race

package ruletest

// RaceEnabled reports whether the race detector is on.
const RaceEnabled = true
