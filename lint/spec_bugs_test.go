package lint

import (
	"fmt"
	"testing"
)

// The cases below were found by running every CommonMark and GFM example
// (rules.TestSpecExamples) and by fuzzing (rules.FuzzCheck). Each pins the
// exact spans the document model gives.

// spanText returns src[start:end], or a note when the span cannot be one.
func spanText(src string, start, end int) string {
	if start < 0 || end < start || end > len(src) {
		return fmt.Sprintf("<bad span [%d,%d) of %d bytes>", start, end, len(src))
	}
	return src[start:end]
}

func TestBlockWithoutProse(t *testing.T) {
	// A paragraph that is only an HTML tag (valid CommonMark when an
	// attribute spans two lines) has no prose and no sentence; its empty
	// text maps to the block's start, not to the start of the file.
	for _, src := range []string{"<a href=\"foo  \nbar\">\n", "<a href=\"foo\\\nbar\">\n", "\n\n#\n"} {
		d := mustParse(t, src)
		if len(d.Blocks) != 1 {
			t.Fatalf("%q: %d blocks, want 1", src, len(d.Blocks))
		}
		b := d.Blocks[0]
		if b.Text != "" || len(b.Sentences) != 0 {
			t.Errorf("%q: text %q, sentences %v; want none", src, b.Text, b.Sentences)
		}
		if s, e := b.SourceSpan(0, 0); s != b.Start || e != b.Start {
			t.Errorf("%q: empty text maps to [%d,%d), want the block's start %d", src, s, e, b.Start)
		}
	}
}

func TestCitationSpans(t *testing.T) {
	tests := []struct {
		src          string
		whole, agent string // the citation's source text and its target's
	}{
		// An image with no alt text ends at its ")", not at the end of the file.
		{"![](/url) and [a](b).\n", "[a](b)", "b"},
		// A quote is an ordinary character of a bare destination.
		{"[](\") next\n", "[](\")", "\""},
		{"[a](\"b\") c\n", "[a](\"b\")", "\"b\""},
		{"[a](<b c> 'd') e\n", "[a](<b c> 'd')", "b c"},
		{"[a](b (c)) d\n", "[a](b (c))", "b"},
		{"[a](b(c)d) e\n", "[a](b(c)d)", "b(c)d"},
		{"[a](b (c d)) e\n", "[a](b (c d))", "b"},
		{"[a](<b<c>) e\n", "[a](<b<c>)", "b<c"},
		// goldmark takes a control character as a destination.
		{"[](\x0f) e\n", "[](\x0f)", "\x0f"},
		// A shortcut reference followed by text in parentheses.
		{"[a] (not a link)\n\n[a]: /u\n", "[a]", "/u"},
		// An HTML link's target as written: across a CRLF, or holding an entity.
		{"<a href=\"foo\r\nbar\">x</a>\r\n", "<a href=\"foo\r\nbar\">x</a>", "foo\r\nbar"},
		{"<a href='a&amp;b' title=\"t\">x</a>\n", "<a href='a&amp;b' title=\"t\">x</a>", "a&amp;b"},
		{"<a title=\"href=no\" HREF=yes>x</a>\n", "<a title=\"href=no\" HREF=yes>x</a>", "yes"},
		// A backslash before a line end escapes nothing: the destination
		// is the backslash, and a CRLF is not split.
		{"[](\\\r\n)\r\n", "[](\\\r\n)", "\\"},
		{"[](\\\n)\n", "[](\\\n)", "\\"},
	}
	for _, tt := range tests {
		d := mustParse(t, tt.src)
		if len(d.Citations) == 0 {
			t.Errorf("%q: no citation", tt.src)
			continue
		}
		c := d.Citations[len(d.Citations)-1]
		if got := spanText(tt.src, c.Start, c.End); got != tt.whole {
			t.Errorf("%q: citation %q, want %q", tt.src, got, tt.whole)
		}
		if got := spanText(tt.src, c.TargetStart, c.TargetEnd); got != tt.agent {
			t.Errorf("%q: target %q, want %q", tt.src, got, tt.agent)
		}
	}
	// The image itself spans "![](/url)".
	d := mustParse(t, "![](/url)\n")
	if s, e := d.Blocks[0].SourceSpan(0, len(d.Blocks[0].Text)); spanText("![](/url)\n", s, e) != "![](/url)" {
		t.Errorf("image spans %q, want ![](/url)", spanText("![](/url)\n", s, e))
	}
}

func TestBlockSpansStayInTheFile(t *testing.T) {
	tests := []struct {
		src   string
		spans []string // each block's source text
	}{
		// goldmark counts the tab's expansion into the heading's position,
		// which lies past the end of the input.
		{"*\n\t #", []string{""}},
		// A header row with fewer cells than the delimiter row: goldmark
		// pads it with a cell that has no position, which goes where the
		// cell before it ends, not at the start of the file.
		{"a\n-|-\n", []string{"a", ""}},
		// The same in a list item: the padding cell starts in the item.
		{"0) |\n  |-\n00000000", []string{"", "00000000"}},
		// goldmark ends the heading's line after the \r of a CRLF.
		{"0\r\n0\r\n    -\r\n0\r\n-", []string{"0", "0", "0"}},
		// goldmark puts the inner quote after its text.
		{">\t>0", []string{"0"}},
		// An empty heading after a tab, at the end of the file: its list
		// item still holds it.
		{"*\n\t#\n", []string{""}},
		// goldmark puts an empty list item before its quote.
		{">\t>*\n", nil},
		// goldmark places a cell of an indented row as if the row's
		// indentation were not there: before the cell, inside the one
		// before it. A cell spans its text.
		{"0\n -|-\n  0|0", []string{"0", "", "0", "0"}},
		{"| a | b |\n|--|--|\n|  c | d  |\n", []string{"a", "b", "c", "d"}},
	}
	for _, tt := range tests {
		d := mustParse(t, tt.src)
		var got []string
		prevEnd := 0
		for _, b := range d.Blocks {
			got = append(got, spanText(tt.src, b.Start, b.End))
			if b.Start < 0 || b.End > len(tt.src) {
				t.Errorf("%q: block at [%d,%d) outside the file", tt.src, b.Start, b.End)
			}
			for c := b.Parent; c != nil; c = c.Parent {
				if b.Start < c.Start || b.End > c.End {
					t.Errorf("%q: block at [%d,%d) outside its container at [%d,%d)", tt.src, b.Start, b.End, c.Start, c.End)
				}
			}
			if b.Start < prevEnd {
				t.Errorf("%q: block at [%d,%d) overlaps the one before", tt.src, b.Start, b.End)
			}
			prevEnd = b.End
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.spans) {
			t.Errorf("%q: blocks %q, want %q", tt.src, got, tt.spans)
		}
		for _, c := range d.Containers {
			if p := c.Parent; p != nil && (c.Start < p.Start || c.End > p.End) {
				t.Errorf("%q: container at [%d,%d) outside its parent at [%d,%d)", tt.src, c.Start, c.End, p.Start, p.End)
			}
		}
	}
}

func TestContainerSpans(t *testing.T) {
	tests := []struct {
		src        string
		containers []string // each container's source text, in source order
	}{
		// goldmark counts the tab's expansion into the code block's
		// position, which lies past the end of the input.
		{"*\t  0", []string{"*\t  0"}},
		// goldmark keeps the line that closes an HTML block apart from
		// its lines: the quote still holds it.
		{"> <!--\n> x -->\n", []string{"> <!--\n> x -->\n"}},
	}
	for _, tt := range tests {
		d := mustParse(t, tt.src)
		var got []string
		for _, c := range d.Containers {
			got = append(got, spanText(tt.src, c.Start, c.End))
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.containers) {
			t.Errorf("%q: containers %q, want %q", tt.src, got, tt.containers)
		}
	}
}
