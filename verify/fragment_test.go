package verify

import (
	"reflect"
	"strings"
	"testing"
)

func TestSentence(t *testing.T) {
	src := "Budget report\n\nThe council met on Dec. 4 in the town hall. “We will not accept a deal,” the mayor said. Talks resume in May.\n\nNext item"
	for _, tc := range []struct {
		name, span, want string
	}{
		{"inside a sentence", "will not accept", "“We will not accept a deal,” the mayor said."},
		{"across two sentences", "the mayor said. Talks", "“We will not accept a deal,” the mayor said. Talks resume in May."},
		{"abbreviation does not end it", "4 in the town", "The council met on Dec. 4 in the town hall."},
		{"heading is its own paragraph", "report", "Budget report"},
		{"last paragraph", "item", "Next item"},
	} {
		i := strings.Index(src, tc.span)
		s, e := Sentence(src, i, i+len(tc.span))
		if got := src[s:e]; got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	if s, e := Sentence(src, -10, 1<<20); s != 0 || e != len(src) {
		t.Errorf("clamped span: %d, %d, want 0, %d", s, e, len(src))
	}
	// An empty span gives the sentence it sits in.
	i := strings.Index(src, "resume")
	if s, e := Sentence(src, i, i); src[s:e] != "Talks resume in May." {
		t.Errorf("empty span: %q", src[s:e])
	}
}

// A page with no sentence ends is read no further than SentenceWindow.
func TestSentenceWindow(t *testing.T) {
	src := strings.Repeat("cell ", 3000) + "needle " + strings.Repeat("cell ", 3000)
	i := strings.Index(src, "needle")
	s, e := Sentence(src, i, i+6)
	if i-s > SentenceWindow || e-i-6 > SentenceWindow || s >= i || e <= i+6 {
		t.Errorf("Sentence = %d, %d around %d", s, e, i)
	}
	if src[s-1] != ' ' || src[e] != ' ' {
		t.Errorf("Sentence cut a word: %q … %q", src[s:s+10], src[e-10:e])
	}
}

func TestTextFragment(t *testing.T) {
	src := "Intro. “We will not accept a deal – at any price,” she said, adding: co\u00adoperation & trust\u00a0matter, year-on-year. End."
	for _, tc := range []struct {
		name, page, span, want string
	}{
		{"short span, special characters", "https://example.org/news/talks#comments", "co\u00adoperation & trust\u00a0matter, year-on-year",
			"https://example.org/news/talks#:~:text=cooperation%20%26%20trust%20matter%2C%20year%2Don%2Dyear"},
		{"non-ASCII", "https://example.org/a", "deal – at",
			"https://example.org/a#:~:text=deal%20%E2%80%93%20at"},
		{"long span", "https://example.org/a?x=1", "We will not accept a deal – at any price,” she said, adding",
			"https://example.org/a?x=1#:~:text=We%20will%20not%20accept,price%2C%E2%80%9D%20she%20said%2C%20adding"},
		{"no words", "https://example.org/a#x", " ",
			"https://example.org/a"},
	} {
		i := strings.Index(src, tc.span)
		if got := TextFragment(tc.page, src, i, i+len(tc.span)); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
	// Offsets inside a rune widen to it; out of range, they are clamped.
	i := strings.Index(src, "–")
	if got, want := TextFragment("https://example.org/", src, i+1, i+2), "https://example.org/#:~:text=%E2%80%93"; got != want {
		t.Errorf("inside a rune: %s, want %s", got, want)
	}
	if got := TextFragment("https://example.org/", src, 500, 900); got != "https://example.org/" {
		t.Errorf("out of range: %s", got)
	}
}

// The evidence for a match: its sentence and a link to it.
func TestMatchEvidence(t *testing.T) {
	m := QuoteOptions{MinSimilarity: 0.85}.Match("we would not accept a deal at any price", "Intro. “We will not accept a deal – at any price,” she said. End.")
	if want := []Diff{{Quote: "would", Source: "will"}}; m.Verdict != Near || !reflect.DeepEqual(m.Diffs, want) {
		t.Fatalf("%v %q, want near %q", m.Verdict, m.Diffs, want)
	}
	src := "Intro. “We will not accept a deal – at any price,” she said. End."
	s, e := Sentence(src, m.Start, m.End)
	if got, want := src[s:e], "“We will not accept a deal – at any price,” she said."; got != want {
		t.Errorf("sentence %q, want %q", got, want)
	}
	if got, want := TextFragment("https://example.org/p", src, m.Start, m.End), "https://example.org/p#:~:text=We%20will%20not%20accept%20a%20deal%20%E2%80%93%20at%20any%20price"; got != want {
		t.Errorf("fragment %s, want %s", got, want)
	}
}
