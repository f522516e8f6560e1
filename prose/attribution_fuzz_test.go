package prose

import (
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze checks that the attribution model never panics and that its
// spans lie inside the paragraph, on rune boundaries, in cue order.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		`"We served 1,400 households," said Jane Ruiz, a spokeswoman for the agency.`,
		`According to the Census Bureau, 12 percent of homes are vacant.`,
		`Ruiz: "We will not back down." — Jane Ruiz`,
		`It is widely believed that the tax will pass, reportedly.`,
		`A quote by the network's first planner hangs here. "A bus that does not come."`,
		`As one grandmother put it, "They never reopen anything." The post said, adding that`,
		"“Unclosed quotation, he said",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, named bool) {
		if !utf8.ValidString(text) {
			return
		}
		p := Analyze(text, SplitSentences(text), FindQuotes(text), named)
		last := -1
		for _, a := range p.Attributions() {
			for _, s := range []Span{a.Source, a.Cue, a.Content} {
				if s.Start < 0 || s.End > len(text) || s.Start > s.End && !(s == Span{}) {
					t.Fatalf("span %v outside [0,%d] in %q", s, len(text), text)
				}
				if s.End > s.Start && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
					t.Fatalf("span %v splits a rune in %q", s, text)
				}
			}
			if a.Cue.Empty() {
				t.Fatalf("empty cue %+v in %q", a, text)
			}
			if a.Cue.Start < last {
				t.Fatalf("attributions out of cue order in %q", text)
			}
			last = a.Cue.Start
			if a.Sentence < 0 || a.Sentence >= len(p.Sentences) {
				t.Fatalf("sentence %d of %d in %q", a.Sentence, len(p.Sentences), text)
			}
		}
		_ = NamesSomeone(text)
	})
}
