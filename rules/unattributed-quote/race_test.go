//go:build race

package unattributedquote

const raceEnabled = true
