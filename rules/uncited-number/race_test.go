//go:build race

package uncitednumber

const raceEnabled = true
