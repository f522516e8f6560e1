package sourcepage

import (
	"strings"
	"testing"

	"github.com/citelint/citelint/extract"
	"github.com/citelint/citelint/lint"
)

// TestEvidence checks the evidence of a span of a page's text: its
// sentence with white space collapsed and a text-fragment link, the
// link narrowed to a table cell (the " | " between cells is not on the
// page), and the URL alone for a span that is empty, reversed or outside
// the text, or a page with no text: never a panic.
func TestEvidence(t *testing.T) {
	const u = "https://example.gov/p"
	page := func(full string) Source {
		return PageSource(u, &extract.Page{URL: u, Full: full, Readable: true})
	}
	prose := page("Intro.\n\nThe levy rose to\n10,000 euros in May. Then it fell.")
	table := page("Levies by year\n\n2024 | 9,500 | euros\n\n2025 | 10,000 | euros")
	at := func(s Source, sub string) (int, int) {
		i := strings.Index(s.Text(), sub)
		if i < 0 {
			t.Fatalf("%q not in the page", sub)
		}
		return i, i + len(sub)
	}
	ps, pe := at(prose, "10,000 euros")
	ts, te := at(table, "10,000")
	for _, c := range []struct {
		name       string
		src        Source
		start, end int
		want       lint.Evidence
	}{
		{"sentence", prose, ps, pe, lint.Evidence{URL: u, Text: "The levy rose to 10,000 euros in May.", Link: u + "#:~:text=The%20levy%20rose%20to%2010%2C000%20euros%20in%20May."}},
		{"table cell", table, ts, te, lint.Evidence{URL: u, Text: "2025 | 10,000 | euros", Link: u + "#:~:text=10%2C000"}},
		{"empty span", prose, ps, ps, lint.Evidence{URL: u}},
		{"reversed span", prose, pe, ps, lint.Evidence{URL: u}},
		{"negative start", prose, -1, 3, lint.Evidence{URL: u}},
		{"past the end", prose, ps, len(prose.Text()) + 1, lint.Evidence{URL: u}},
		{"no text", page(""), 0, 0, lint.Evidence{URL: u}},
		{"only a title", PageSource(u, &extract.Page{URL: u, Title: "Levies", Readable: true}), 0, 6, lint.Evidence{URL: u, Text: "Levies", Link: u + "#:~:text=Levies"}},
	} {
		got := Evidence(c.src, c.start, c.end)
		if got == nil || *got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

// TestSpans checks Overlaps and Covers at the edges: ends are exclusive,
// and a span nested in a longer one still reaches as far as the longer.
func TestSpans(t *testing.T) {
	x := NewSpans([][2]int{{20, 30}, {0, 10}, {2, 4}})
	for _, c := range []struct {
		start, end        int
		overlaps, covered bool
	}{
		{0, 10, true, true},
		{4, 6, true, true},
		{9, 11, true, false},
		{10, 20, false, false},
		{10, 21, true, false},
		{25, 30, true, true},
		{30, 31, false, false},
	} {
		if got := x.Overlaps(c.start, c.end); got != c.overlaps {
			t.Errorf("Overlaps(%d, %d) = %v", c.start, c.end, got)
		}
		if got := x.Covers(c.start, c.end); got != c.covered {
			t.Errorf("Covers(%d, %d) = %v", c.start, c.end, got)
		}
	}
	if NewSpans(nil).Overlaps(0, 1) || NewSpans(nil).Covers(0, 0) {
		t.Error("no spans overlap or cover nothing")
	}
}
