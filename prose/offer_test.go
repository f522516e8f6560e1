package prose

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestAboutWordsReadsTheGivenWords checks that AboutWords reads the words
// it is given as the sentence's own (the attributions are those About
// finds), that it reads them rather than tokenizing the sentence again (no
// words, no attribution), and that the paragraph keeps no reference to
// them once it returns.
func TestAboutWordsReadsTheGivenWords(t *testing.T) {
	text := "Officials said 40 people came. Experts say the count is low."
	sents := SplitSentences(text)
	want := Analyze(text, sents, FindQuotes(text), false)
	p := Analyze(text, sents, FindQuotes(text), false)
	s := sents[0]
	toks := Tokenize(nil, text, s.Start, s.End)
	if got, w := fmt.Sprint(p.AboutWords(0, toks)), fmt.Sprint(want.About(0)); got != w || len(want.About(0)) == 0 {
		t.Errorf("AboutWords(0) = %s, want %s (not empty)", got, w)
	}
	clear(toks) // the caller reuses its buffer: nothing may change
	if got, w := fmt.Sprint(p.Attributions()), fmt.Sprint(want.Attributions()); got != w {
		t.Errorf("after the words were reused: %s, want %s", got, w)
	}

	none := Analyze(text, sents, FindQuotes(text), false)
	if got := none.AboutWords(0, nil); len(got) != 0 {
		t.Errorf("AboutWords(0, no words) = %v, want none: the given words are read", got)
	}
	if got, w := fmt.Sprint(none.About(1)), fmt.Sprint(want.About(1)); got != w {
		t.Errorf("About(1) after an offer for 0 = %s, want %s", got, w)
	}
}

// TestParagraphLinear checks that asking about every sentence of a long
// paragraph with no name in it (so that each cue looks back through every
// sentence before it for one) stays linear in the paragraph's length: no
// sentence's words are kept, and each is read at most twice.
func TestParagraphLinear(t *testing.T) {
	if raceEnabled {
		t.Skip("timing under the race detector grows with memory touched, not with the work")
	}
	const unit = "the officials said that the count was low and the staff reported more. Officials said, and aides said, it was so. "
	elapsed := func(n int) time.Duration {
		text := strings.Repeat(unit, n)
		sents := SplitSentences(text)
		best := time.Duration(1 << 62)
		for range 3 {
			p := Analyze(text, sents, nil, false)
			start := time.Now()
			for i := range sents {
				p.About(i)
			}
			p.Names()
			best = min(best, time.Since(start))
		}
		return best
	}
	// 20 times the sentences: linear work takes about 20 times as long,
	// quadratic 400 times. The bound leaves room for a loaded machine and
	// the race detector, which slow the larger run more (its memory).
	if ts, tl := elapsed(250), elapsed(5000); tl > 100*ts+10*time.Millisecond {
		t.Errorf("%v for 20x the sentences, %v for 1x: not linear", tl, ts)
	}
}

// TestSentenceOfBodyCuesLinear checks that one sentence of many cues after
// a public body's role ("State officials found Democrats favored the plan,
// 72 percent to 8 percent and State officials found …") is read in time
// linear in its length: whether the sentence refers to a body with "the"
// (bodyInSentence) is worked out once for it, not once per cue. Each cue
// is an attribution to its officials.
func TestSentenceOfBodyCuesLinear(t *testing.T) {
	if raceEnabled {
		t.Skip("timing under the race detector grows with memory touched, not with the work")
	}
	const unit = "State officials found Democrats favored the plan, 72 percent to 8 percent and "
	elapsed := func(n int) time.Duration {
		text := strings.Repeat(unit, n) + "end."
		sents := SplitSentences(text)
		best := time.Duration(1 << 62)
		for range 3 {
			p := Analyze(text, sents, nil, false)
			start := time.Now()
			as := p.Attributions()
			best = min(best, time.Since(start))
			if len(as) != n {
				t.Fatalf("%d attributions for %d cues, want %d", len(as), n, n)
			}
			if a := as[1]; text[a.Source.Start:a.Source.End] != "State officials" || a.Source.Start != len(unit) {
				t.Fatalf("second source %q at %d, want %q at %d", text[a.Source.Start:a.Source.End], a.Source.Start, "State officials", len(unit))
			}
		}
		return best
	}
	if ts, tl := elapsed(250), elapsed(5000); tl > 100*ts+10*time.Millisecond {
		t.Errorf("%v for 20x the cues, %v for 1x: not linear", tl, ts)
	}
}
