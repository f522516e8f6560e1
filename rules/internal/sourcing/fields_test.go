package sourcing

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestNextFieldMatchesFieldsFunc checks that reading fields one by one
// with NextField gives strings.FieldsFunc's fields, on random text of
// letters, digits, marks, Unicode letters and spaces and broken UTF-8.
func TestNextFieldMatchesFieldsFunc(t *testing.T) {
	seps := []func(rune) bool{
		func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) },
		func(r rune) bool { return !unicode.IsLetter(r) && r != '-' },
	}
	pieces := []string{"a", "Goal", "2025", "-", " ", "  ", ",", ".", "é", "Ü", "\u00a0", "—", "\xff", "\xe2\x80", "’"}
	rng := rand.New(rand.NewPCG(3, 5))
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for k := rng.IntN(10); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, sep := range seps {
			var got []string
			for rest := s; ; {
				w, after, ok := NextField(rest, sep)
				if !ok {
					break
				}
				got, rest = append(got, w), after
			}
			if want := strings.FieldsFunc(s, sep); !slices.Equal(got, want) {
				t.Fatalf("%q: NextField gives %q, FieldsFunc %q", s, got, want)
			}
		}
	}
}
