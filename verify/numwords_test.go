package verify

import (
	"strings"
	"testing"

	"github.com/citelint/citelint/prose"
)

func TestNumberWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"zero", `[0,4) "zero" 0 count step=1`},
		{"seven", `[0,5) "seven" 7 count step=1`},
		{"Nineteen", `[0,8) "Nineteen" 19 count step=1`},
		{"ninety-nine", `[0,11) "ninety-nine" 99 count step=1`},
		{"ninety nine", `[0,11) "ninety nine" 99 count step=1`},
		{"a hundred", `[0,9) "a hundred" 100 count step=1`},
		{"one hundred and one", `[0,19) "one hundred and one" 101 count step=1`},
		{"two hundred thirty-four", `[0,23) "two hundred thirty-four" 234 count step=1`},
		{"a thousand", `[0,10) "a thousand" 1000 count step=1000`},
		{"three million two hundred thousand", `[0,34) "three million two hundred thousand" 3200000 count step=1000`},
		{"one million and five", `[0,20) "one million and five" 1000005 count step=1`},
		{"nine hundred ninety-nine billion", `[0,32) "nine hundred ninety-nine billion" 999000000000 count step=1000000000`},
		{"two dozen", `[0,9) "two dozen" 24 count step=1`},
		{"an hour", ""},
		{"a dozen eggs", `[0,7) "a dozen" 12 count step=1`},
		{"two and a half years", `[0,20) "two and a half years" 2.5 duration step=0.5 measure=year`},
		{"one and a half million", `[0,22) "one and a half million" 1500000 count step=500000`},
		{"two and a half times", `[0,20) "two and a half times" 2.5 multiplier step=0.5`},
		{"three million and a half", "[0,13) \"three million\" 3000000 count step=1000000\n[18,24) \"a half\" 0.5 ratio step=0"},
		// Where the words stop making one number, a new one starts.
		{"one two", "[0,3) \"one\" 1 count step=1\n[4,7) \"two\" 2 count step=1"},
		{"five twenty", "[0,4) \"five\" 5 count step=1\n[5,11) \"twenty\" 20 count step=1"},
		{"one hundred two hundred", `[0,15) "one hundred two" 102 count step=1`}, // a bare "hundred" is no number
		{"zero one", "[0,4) \"zero\" 0 count step=1\n[5,8) \"one\" 1 count step=1"},
		{"a thousand million", `[0,10) "a thousand" 1000 count step=1000`},
		// A trailing "and" is not read.
		{"a hundred and", `[0,9) "a hundred" 100 count step=1`},
		{"five and six", "[0,4) \"five\" 5 count step=1\n[9,12) \"six\" 6 count step=1"},
		// Ordinals are not quantities; fractions need a numerator or "a".
		{"the fifth time, the third quarter", ""},
		{"one fifth", `[0,9) "one fifth" 0.2 ratio step=0`},
		{"a quarter", `[0,9) "a quarter" 0.25 ratio step=0`},
		{"a quarters", ""},
		{"forty-one-hundredths", `[0,9) "forty-one" 41 count step=1`},
	}
	for _, tt := range tests {
		if got := showAll(Quantities(tt.in)); got != tt.want {
			t.Errorf("Quantities(%q):\n%s\nwant:\n%s", tt.in, got, tt.want)
		}
	}
}

// TestNumberWordsAgreeWithLexicon keeps the two word lists from drifting:
// every number, hundred, scale and fraction word of the prose lexicon has
// the same value here.
func TestNumberWordsAgreeWithLexicon(t *testing.T) {
	words := prose.WordsOf(prose.NumberWord | prose.HundredWord | prose.ScaleWord | prose.FractionWord)
	if len(words) < 40 {
		t.Fatalf("the lexicon has only %d number words: %v", len(words), words)
	}
	for _, w := range words {
		info, ok := vocabulary().words[w]
		if !ok {
			t.Errorf("%q is a number word of the lexicon but not of verify", w)
			continue
		}
		want := prose.Lookup(w).Value
		var got float64
		switch info.kind {
		case wCardinal, wHundred, wScale:
			got = float64(info.n)
		case wFraction:
			got = 1 / float64(info.n)
		default:
			t.Errorf("%q: kind %d", w, info.kind)
		}
		if got != want {
			t.Errorf("%q = %v here, %v in the lexicon", w, got, want)
		}
	}
}

// TestFallingWordsAreChangeVerbs: the falling words give a sign to the
// lexicon's change verbs, so each must be one.
func TestFallingWordsAreChangeVerbs(t *testing.T) {
	for w := range fallingWords {
		if !prose.Lookup(w).Is(prose.ChangeVerb) {
			t.Errorf("%q is not a change verb of the prose lexicon", w)
		}
	}
	for _, w := range []string{"rose", "increase", "up"} {
		if fallingWords[w] || !prose.Lookup(w).Is(prose.ChangeVerb) {
			t.Errorf("%q should be a rising change verb", w)
		}
	}
}

func TestVocabularyIndex(t *testing.T) {
	for w, info := range vocabulary().words {
		if v := vocabulary(); v.table[v.index[w]] != info {
			t.Errorf("%q indexes to %+v, want %+v", w, v.table[v.index[w]], info)
		}
		if len(w) > maxVocabWord || strings.ToLower(w) != w {
			t.Errorf("%q is longer than %d bytes or not lowercase", w, maxVocabWord)
		}
	}
}
