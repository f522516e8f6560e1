package verify

import (
	"testing"
	"unicode/utf8"
)

// FuzzQuantities checks the scanner on any text: it never panics, its
// spans lie inside the text in order without overlap and start and end on
// rune boundaries, each figure's Text is its span, and each figure
// supports itself exactly; so do SourceQuantities' figures, save that
// they may overlap. Inputs are capped by DefaultMaxTextBytes like
// any text; the fuzzer's own inputs are far smaller.
//
//	go test -run '^$' -fuzz FuzzQuantities -fuzztime 60s ./verify
func FuzzQuantities(f *testing.F) {
	for _, seed := range []string{
		"45%", "forty-five per cent", "US$4.2 billion", "1\u2009234\u00a0567", "−3.2 %", "2½ times",
		"one in five", "a hundred and five", "COVID-19 on 2020-01-02", "page 45", "1⁄2", "3 out of 4",
		"an increase of 100%", "a 10-year plan", "1.2m and 300k and 3x", "., ½ -", "\xff1\xfe%",
		"one hundred and one thousand one hundred and one million", ".5.5.5", "$-5", "5-fold",
		"100 ft", "a 3-mile walk", "800 sq. ft.", "75m²", "40 km2", "60 miles an hour", "90 km/h",
		"3 kilowatt-hours", "5 metric tons", "2 GiB", "5 sq m/h per gallon",
		"dozens of apps", "several thousand people", "tens of thousands of", "the third and final phase",
		"12 #lostapps", "a 5-part series", "grew by more than 100%", "towns and cities",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := Quantities(text)
		prev := 0
		for _, q := range qs {
			if q.Start < prev || q.End <= q.Start || q.End > len(text) {
				t.Fatalf("span [%d,%d) after %d in %d bytes: %q", q.Start, q.End, prev, len(text), text)
			}
			prev = q.End
			if q.Text != text[q.Start:q.End] {
				t.Fatalf("Text %q is not its span %q", q.Text, text[q.Start:q.End])
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[q.Start]) || q.End < len(text) && !utf8.RuneStart(text[q.End])) {
				t.Fatalf("span [%d,%d) is not on rune boundaries in %q", q.Start, q.End, text)
			}
			if got := Compare(q, q); got != Exact {
				t.Fatalf("%q compares %s with itself", q.Text, got)
			}
			if q.Step.Sign() < 0 {
				t.Fatalf("%q has a negative step %s", q.Text, q.Step)
			}
		}
		// A source's figures add the counts it implies, which may
		// overlap others ("a third and final phase"): each is still its
		// own span, in order of start, and supports itself.
		prev = 0
		for _, q := range SourceQuantities(text) {
			if q.Start < prev || q.End <= q.Start || q.End > len(text) || q.Text != text[q.Start:q.End] {
				t.Fatalf("source figure %q at [%d,%d) after %d in %q", q.Text, q.Start, q.End, prev, text)
			}
			prev = q.Start
			if got := Compare(q, q); got != Exact {
				t.Fatalf("source figure %q compares %s with itself", q.Text, got)
			}
		}
		if len(qs) == 1 {
			if _, ok := ParseFigure(text); !ok {
				t.Fatalf("ParseFigure(%q) = false with one quantity", text)
			}
		}
	})
}
