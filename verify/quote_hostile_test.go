package verify

import (
	"fmt"
	"strings"
	"testing"
)

// Sources made of the quotation's words defeat the filter; the budget of
// comparisons keeps each match bounded and says so when it runs out.
func TestMatchQuoteHostile(t *testing.T) {
	var words []string
	for i := range 600 {
		words = append(words, fmt.Sprintf("w%d", i%50))
	}
	long := strings.Join(words, " ")
	repeated := strings.Repeat(long+" ", 2<<20/len(long))
	for _, tc := range []struct {
		name, quote, source string
		verdict             Verdict
		reason              string
	}{
		{"long quote in its repetition", long, repeated, Verbatim, ""},
		{"long quote altered", strings.Replace(long, "w3 ", "x ", 12), repeated, Near, ""},
		{"one word repeated", "w1 w1 w1 w1", strings.Repeat("w1 ", 1<<20), Verbatim, ""},
		{"brackets", strings.Repeat("w1 [x] ", 100), strings.Repeat("w1 w2 ", 1<<19), Verbatim, ""},
		{"many ellipses", strings.Repeat("w1 w2 ... ", 300), strings.Repeat("w1 w2 ", 1<<19), Unchecked,
			"the source repeats the quotation's words too often to search it within the limit"},
	} {
		m := MatchQuote(tc.quote, tc.source)
		if m.Verdict != tc.verdict || m.Reason != tc.reason {
			t.Errorf("%s: %v %q, want %v %q", tc.name, m.Verdict, m.Reason, tc.verdict, tc.reason)
		}
		if m.Verdict != Unchecked && m.Start != 0 {
			t.Errorf("%s: found at %d, want the first occurrence at 0", tc.name, m.Start)
		}
	}
}
