package verify

import (
	"testing"
	"unicode/utf8"
)

// FuzzMatchQuote checks that matching never panics and that what it
// reports lies in the source, on rune boundaries, with a similarity
// between 0 and 1; and that Sentence and TextFragment accept its spans.
func FuzzMatchQuote(f *testing.F) {
	for _, seed := range [][2]string{
		{"We will not accept a deal", "“We will not accept a deal,” she said."},
		{"will not … deal [sic]", "We will not accept a deal."},
		{"[t]he ﬁrst ½", "The first 1/2 of the ﬁrst ½."},
		{"a b c d e f", "a b x d e f a b c"},
		{"[", "]"},
		{"...", ". . ."},
		{"é\u0301\u00ad", "e\u0301\u0301 É"},
		{"\xff\xfe words", "words \xff"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, quote, source string) {
		m := MatchQuote(quote, source)
		switch m.Verdict {
		case Verbatim, Near, Absent, Unchecked:
		default:
			t.Fatalf("verdict %d", m.Verdict)
		}
		if m.Start == -1 || m.End == -1 {
			if m.Start != m.End || m.Verdict == Verbatim || m.Verdict == Near {
				t.Fatalf("span %d, %d with verdict %v", m.Start, m.End, m.Verdict)
			}
		} else {
			if m.Start < 0 || m.End < m.Start || m.End > len(source) {
				t.Fatalf("span %d, %d out of 0, %d", m.Start, m.End, len(source))
			}
			if !boundary(source, m.Start) || !boundary(source, m.End) {
				t.Fatalf("span %d, %d not on rune boundaries of %q", m.Start, m.End, source)
			}
		}
		if m.Similarity < 0 || m.Similarity > 1 || m.Verdict == Verbatim && m.Similarity != 1 {
			t.Fatalf("similarity %v with verdict %v", m.Similarity, m.Verdict)
		}
		if m.Verdict == Unchecked && m.Reason == "" || m.Verdict != Unchecked && m.Reason != "" {
			t.Fatalf("verdict %v with reason %q", m.Verdict, m.Reason)
		}
		if m.Start >= 0 {
			s, e := Sentence(source, m.Start, m.End)
			if s < 0 || e > len(source) || s > m.Start || e < m.End || !boundary(source, s) || !boundary(source, e) {
				t.Fatalf("Sentence(%d, %d) = %d, %d", m.Start, m.End, s, e)
			}
			TextFragment("https://example.org/#x", source, m.Start, m.End)
		}
		n := Normalize(source)
		for i := 0; i <= len(n.String()); i++ {
			if !boundary(n.String(), i) {
				continue
			}
			if s, _ := n.Source(i, i); !boundary(source, s) {
				t.Fatalf("Normalize: offset %d maps to %d, inside a rune", i, s)
			}
		}
	})
}

// boundary reports whether i starts a rune of s as ranging over s reads
// it (an invalid byte is a rune of its own), or is its end.
func boundary(s string, i int) bool {
	if i < 0 || i > len(s) {
		return false
	}
	if i == len(s) || utf8.RuneStart(s[i]) {
		return true
	}
	// A continuation byte that no lead byte before it claims.
	j := max(0, i-utf8.UTFMax+1)
	for j < i {
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
	}
	return j == i
}
