// Package english phrases what citelint tells people in English.
package english

import "strconv"

// Count returns n and the noun, plural unless n is 1: "1 file", "3 files".
// The nouns citelint counts take a plain -s.
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
