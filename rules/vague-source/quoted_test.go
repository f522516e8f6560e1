package vaguesource

import (
	"strings"
	"testing"

	"github.com/citelint/citelint/prose"
)

// TestQuoted checks which content spans open with, or hold, an outermost
// quotation: the span is found among the paragraph's quotations from its
// own start, and the first outermost quotation in it decides.
func TestQuoted(t *testing.T) {
	const text = "He said “we will win this race” and “soon,” adding ‘a “big” day’ ahead."
	quotes := prose.FindQuotes(text)
	span := func(s string) prose.Span {
		i := strings.Index(text, s)
		return prose.Span{Start: i, End: i + len(s)}
	}
	for _, tc := range []struct {
		content string
		within  bool
		want    bool
	}{
		{"“we will win this race” and", false, true},         // opens with a quotation
		{"said “we will win this race”", false, false},       // holds one, but a finding's
		{"said “we will win this race”", true, true},         // holds one, a cue of speech
		{"said “we will win", true, false},                   // the quotation runs past the span
		{"and “soon,” adding", true, true},                   // a later one, wholly inside
		{"big” day’ ahead.", true, false},                    // only the inside of a quotation
		{"adding ‘a “big” day’", true, true},                 // the outer one holds the inner
		{"He said", true, false},                             // none
		{"ahead.", true, false},                              // after the last
		{"“we will win this race” and “soon,”", false, true}, // the first decides
		{"race” and “soon,” adding ‘a “big", true, true},     // one opens inside, wholly
		{"win this race” and “soon", true, false},            // opens inside, ends past the span
	} {
		if got := quoted(text, quotes, span(tc.content), tc.within); got != tc.want {
			t.Errorf("quoted(%q, within %v) = %v, want %v", tc.content, tc.within, got, tc.want)
		}
	}
}
