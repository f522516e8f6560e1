package prose

import (
	"fmt"
	"testing"
)

// TestOfferKeepsTheWords checks that a paragraph offered a sentence's
// words, as Tokenize gives them, reads them as its own, and that an offer
// for a sentence already read changes nothing.
func TestOfferKeepsTheWords(t *testing.T) {
	text := "Officials said 40 people came. Experts say the count is low."
	sents := SplitSentences(text)
	want := Analyze(text, sents, FindQuotes(text), false)
	p := Analyze(text, sents, FindQuotes(text), false)
	s := sents[0]
	p.Offer(0, Tokenize(nil, text, s.Start, s.End))
	if got, w := fmt.Sprint(p.Words(0), p.About(0)), fmt.Sprint(want.Words(0), want.About(0)); got != w {
		t.Errorf("offered: %s, want %s", got, w)
	}
	if len(p.About(0)) == 0 {
		t.Error("no attribution in the offered sentence")
	}
	p.Offer(0, nil) // read already: ignored
	if got, w := fmt.Sprint(p.Words(0)), fmt.Sprint(want.Words(0)); got != w {
		t.Errorf("after a second offer: %s, want %s", got, w)
	}
}
