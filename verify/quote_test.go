package verify

import (
	"reflect"
	"strings"
	"testing"
)

const speech = "The minister spoke on Tuesday. “We will not accept a deal that leaves our fishermen worse off,” she told reporters in Brussels. " +
	"She added that talks would resume next week, and that the government\u00a0remained “hopeful but realistic” about the outcome. " +
	"Critics said the plan was ﬂawed from the start — and far too late."

func TestMatchQuote(t *testing.T) {
	for _, tc := range []struct {
		name, quote string
		verdict     Verdict
		span        string // the source passage reported
		sim         float64
		diffs       []Diff
	}{
		{name: "exact", quote: "We will not accept a deal that leaves our fishermen worse off",
			verdict: Verbatim, span: "We will not accept a deal that leaves our fishermen worse off", sim: 1},
		{name: "edge punctuation", quote: "we will not accept a deal that leaves our fishermen worse off.",
			verdict: Verbatim, span: "We will not accept a deal that leaves our fishermen worse off", sim: 1},
		{name: "straight quotes and dash", quote: `remained "hopeful but realistic" about the outcome`,
			verdict: Verbatim, span: "remained “hopeful but realistic” about the outcome", sim: 1},
		{name: "ligature and em dash in source", quote: "the plan was flawed from the start - and far too late",
			verdict: Verbatim, span: "the plan was ﬂawed from the start — and far too late", sim: 1},
		{name: "case only", quote: "WE WILL NOT ACCEPT A DEAL",
			verdict: Verbatim, span: "We will not accept a deal", sim: 1},
		{name: "ellipsis", quote: "We will not accept a deal … worse off",
			verdict: Verbatim, span: "We will not accept a deal that leaves our fishermen worse off", sim: 1},
		{name: "spaced ellipsis across sentences", quote: "our fishermen worse off . . . talks would resume next week",
			verdict: Verbatim, span: "our fishermen worse off,” she told reporters in Brussels. She added that talks would resume next week", sim: 1},
		{name: "pieces out of order", quote: "talks would resume next week ... we will not accept a deal",
			verdict: Absent, span: "We will not accept a deal", sim: 1},
		{name: "bracket insertion", quote: "[The minister] told reporters in Brussels",
			verdict: Verbatim, span: "told reporters in Brussels", sim: 1},
		{name: "bracket inside", quote: "talks would resume [after the summit] and that the government remained hopeful",
			verdict: Verbatim, span: "talks would resume next week, and that the government\u00a0remained “hopeful", sim: 1},
		{name: "bracketed letter", quote: "[c]ritics said the plan was flawed",
			verdict: Verbatim, span: "Critics said the plan was ﬂawed", sim: 1},
		{name: "bracketed inflection", quote: "[c]ritic[s] sa[id] the plan [was] flaw[ed] from the start",
			verdict: Verbatim, span: "Critics said the plan was ﬂawed from the start", sim: 1},
		{name: "one word altered", quote: "We will not accept a deal that leaves our farmers worse off",
			verdict: Near, span: "We will not accept a deal that leaves our fishermen worse off", sim: 22.0 / 24,
			diffs: []Diff{{Quote: "farmers", Source: "fishermen"}}},
		{name: "word dropped", quote: "We will not accept a deal that leaves fishermen worse off",
			verdict: Near, span: "We will not accept a deal that leaves our fishermen worse off", sim: 22.0 / 23,
			diffs: []Diff{{Quote: "", Source: "our"}}},
		{name: "two words for one", quote: "She added that talks would resume next week, and that the government will not remain hopeful but realistic about the outcome",
			verdict: Near, span: "She added that talks would resume next week, and that the government\u00a0remained “hopeful but realistic” about the outcome", sim: 36.0 / 40,
			diffs: []Diff{{Quote: "will not remain", Source: "remained"}}},
		{name: "absent", quote: "We have always welcomed a fair compromise with our partners",
			verdict: Absent},
		{name: "short quote altered is absent", quote: "hopeful and realistic",
			verdict: Absent},
		{name: "part of a word is not a word", quote: "ministe",
			verdict: Absent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := MatchQuote(tc.quote, speech)
			if m.Verdict != tc.verdict {
				t.Fatalf("verdict %v, want %v (%+v)", m.Verdict, tc.verdict, m)
			}
			span := ""
			if m.Start >= 0 {
				span = speech[m.Start:m.End]
			}
			if tc.verdict != Absent || tc.span != "" {
				if span != tc.span {
					t.Errorf("span %q, want %q", span, tc.span)
				}
				if diff := m.Similarity - tc.sim; diff > 1e-9 || diff < -1e-9 {
					t.Errorf("similarity %v, want %v", m.Similarity, tc.sim)
				}
			}
			if tc.verdict != Absent && !reflect.DeepEqual(m.Diffs, tc.diffs) {
				t.Errorf("diffs %q, want %q", m.Diffs, tc.diffs)
			}
		})
	}
}

func TestMatchQuoteNearest(t *testing.T) {
	m := MatchQuote("We would never accept any deal that leaves our fishermen worse off", speech)
	if m.Verdict != Absent {
		t.Fatalf("verdict %v, want absent", m.Verdict)
	}
	if got, want := speech[m.Start:m.End], "We will not accept a deal that leaves our fishermen worse off"; got != want {
		t.Errorf("nearest %q, want %q", got, want)
	}
	want := []Diff{{Quote: "would never", Source: "will not"}, {Quote: "any", Source: "a"}}
	if !reflect.DeepEqual(m.Diffs, want) {
		t.Errorf("diffs %q, want %q", m.Diffs, want)
	}
}

func TestMatchQuoteThreshold(t *testing.T) {
	q := "We will not accept a deal that leaves our farmers worse off" // 20/22 ≈ 0.909
	if m := (QuoteOptions{MinSimilarity: 0.95}).Match(q, speech); m.Verdict != Absent {
		t.Errorf("at 0.95: %v, want absent", m.Verdict)
	}
	if m := (QuoteOptions{MinSimilarity: 0.9}).Match(q, speech); m.Verdict != Near {
		t.Errorf("at 0.9: %v, want near", m.Verdict)
	}
}

func TestMatchQuoteLimits(t *testing.T) {
	for _, tc := range []struct {
		name, quote, source string
		o                   QuoteOptions
		verdict             Verdict
		reason              string
	}{
		{"long quote", strings.Repeat("word ", 20), speech, QuoteOptions{MaxQuoteBytes: 50}, Unchecked,
			"the quotation is longer than 50 bytes"},
		{"no words", "… — !", speech, QuoteOptions{}, Unchecked, "the quotation has no words"},
		{"source cut, found", "The minister spoke", speech, QuoteOptions{MaxSourceBytes: 40}, Verbatim, ""},
		{"source cut, not found", "Critics said the plan was flawed", speech, QuoteOptions{MaxSourceBytes: 40}, Unchecked,
			"the source is longer than 40 bytes; only its start was searched"},
		{"comparisons", "We will not accept a deal that leaves our farmers worse off", speech, QuoteOptions{MaxAlignCells: 10}, Unchecked,
			"the source repeats the quotation's words too often to search it within the limit"},
	} {
		m := tc.o.Match(tc.quote, tc.source)
		if m.Verdict != tc.verdict || m.Reason != tc.reason {
			t.Errorf("%s: %v %q, want %v %q", tc.name, m.Verdict, m.Reason, tc.verdict, tc.reason)
		}
	}
}

func TestMatchQuoteEllipsisGap(t *testing.T) {
	src := "alpha beta gamma " + strings.Repeat("filler ", 10) + "delta epsilon zeta"
	q := "alpha beta gamma ... delta epsilon zeta"
	if m := (QuoteOptions{MaxEllipsisGap: 10}).Match(q, src); m.Verdict != Verbatim {
		t.Errorf("gap 10 within 10: %v, want exact", m.Verdict)
	}
	if m := (QuoteOptions{MaxEllipsisGap: 9}).Match(q, src); m.Verdict != Absent {
		t.Errorf("gap 10 over 9: %v, want absent", m.Verdict)
	}
}

// Letters bracketed at a word's end inflect the source's word, which
// may have none ("empower[s]" for "empower"); the punctuation between
// words does not count.
func TestMatchQuoteBracketedEnding(t *testing.T) {
	src := "This new College Scorecard can empower Americans to: rate colleges based on what matters most to them."
	for _, quote := range []string{"empower[s] Americans to rate colleges", "[E]mpower Americans to rate colleges"} {
		m := MatchQuote(quote, src)
		if got := src[max(m.Start, 0):max(m.End, 0)]; m.Verdict != Verbatim || got != "empower Americans to: rate colleges" {
			t.Errorf("%q: %v %q, want exact \"empower Americans to: rate colleges\"", quote, m.Verdict, got)
		}
	}
	// Without its brackets the changed ending is the writer's word, and
	// a bracket does not excuse a changed word beside it.
	for _, quote := range []string{"empowers Americans to rate colleges", "empower[ing] Americans to rank colleges"} {
		if m := MatchQuote(quote, src); m.Verdict == Verbatim {
			t.Errorf("%q: %v, want not exact", quote, m.Verdict)
		}
	}
}

func TestMatchQuoteBracketWords(t *testing.T) {
	src := "the zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen end of list"
	m := MatchQuote("the [numbers] end of list", src)
	if m.Verdict == Verbatim {
		t.Errorf("sixteen words in brackets: %v %d:%d, want not exact (a bracket stands for at most fifteen)", m.Verdict, m.Start, m.End)
	}
	if m := MatchQuote("zero [numbers] fifteen end", src); m.Verdict != Verbatim || src[m.Start:m.End] != "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen end" {
		t.Errorf("fifteen words in brackets: %v %d:%d, want exact", m.Verdict, m.Start, m.End)
	}
}

// The issue's example: "will not accept" where the source says "cannot
// accept", in a quotation long enough to be near.
func TestMatchQuoteWillNotCannot(t *testing.T) {
	src := "In a statement on Friday the union said: “Our members cannot accept a pay offer that falls behind prices for the third year running.”"
	q := "Our members will not accept a pay offer that falls behind prices for the third year running"
	m := MatchQuote(q, src)
	want := []Diff{{Quote: "will not", Source: "cannot"}}
	if m.Verdict != Near || !reflect.DeepEqual(m.Diffs, want) {
		t.Fatalf("%v %q, want near %q", m.Verdict, m.Diffs, want)
	}
	if got := src[m.Start:m.End]; got != "Our members cannot accept a pay offer that falls behind prices for the third year running" {
		t.Errorf("span %q", got)
	}
	if want := 2 * 15.0 / (17 + 16); m.Similarity != want {
		t.Errorf("similarity %v, want %v", m.Similarity, want)
	}
}

// Soft hyphens, no-break and thin spaces, and line breaks in the source do
// not stop an exact match, and the span covers them.
func TestMatchQuoteInvisibleDifferences(t *testing.T) {
	src := "He said the pro\u00adgramme had\u00a0cost\u2009£4.2bn\nso far."
	m := MatchQuote("the programme had cost £4.2bn so far", src)
	if m.Verdict != Verbatim || src[m.Start:m.End] != "the pro\u00adgramme had\u00a0cost\u2009£4.2bn\nso far" {
		t.Errorf("%v %q", m.Verdict, src[max(m.Start, 0):max(m.End, 0)])
	}
}

// Words are letters and digits with an inner apostrophe, and a point,
// comma or slash between digits; a hyphen separates words.
func TestMatchQuoteWords(t *testing.T) {
	src := "A well-known rule: don’t cut 3.5 or 1,000 or ½ of it."
	for _, tc := range []struct {
		quote   string
		verdict Verdict
	}{
		{"well known rule", Verbatim},
		{"don't cut 3.5 or 1,000", Verbatim},
		{"dont cut", Absent},
		{"cut 3 5 or", Absent},
		{"or 1/2 of it", Verbatim},
	} {
		if m := MatchQuote(tc.quote, src); m.Verdict != tc.verdict {
			t.Errorf("%q: %v, want %v", tc.quote, m.Verdict, tc.verdict)
		}
	}
}
