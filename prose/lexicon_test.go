package prose

import (
	"slices"
	"strings"
	"testing"
)

// TestLexiconWordsStartWithALetter guards Tokenize, which looks up only
// words that start with an ASCII letter.
func TestLexiconWordsStartWithALetter(t *testing.T) {
	for _, c := range Classes() {
		for _, w := range c.Members {
			if b := w[0] | 0x20; b < 'a' || b > 'z' {
				t.Errorf("[%s] %q does not start with a letter", c.Name, w)
			}
		}
	}
}

// phrasesOf finds, for every first word of a phrase as a draft may write
// it (capitalised, in capitals, with a curly apostrophe), the phrases
// that the word lowercased, "’" read as "'", keys in the phrases map: the
// lookup phraseAt made before it read the table instead.
func TestPhrasesOfMatchesMap(t *testing.T) {
	checked, lower := 0, 0
	for first := range lexicon.phrases {
		if first == strings.ToLower(first) {
			lower++
		}
		for _, w := range []string{first, strings.ToUpper(first[:1]) + first[1:], strings.ToUpper(first), strings.ReplaceAll(first, "'", "’")} {
			if !Lookup(w).Is(phraseStart) {
				continue // never asked: phraseAt stops at the token's class
			}
			key := strings.ReplaceAll(strings.ToLower(w), "’", "'")
			if got, want := phraseWords(lexicon.phrasesOf(w)), phraseWords(lexicon.phrases[key]); !slices.Equal(got, want) {
				t.Fatalf("phrasesOf(%q) = %q, the map holds %q", w, got, want)
			}
			checked++
		}
	}
	// Every lowercase first word is marked, in each of its three ASCII
	// spellings at least.
	if checked < 3*lower {
		t.Fatalf("checked %d spellings of %d lowercase first words", checked, lower)
	}
}

// phraseWords lists phrases as their words joined, for comparing.
func phraseWords(ps []Phrase) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = strings.Join(p.Words, " ")
	}
	return out
}

// Exact's filter turns away only words that are no exact member: for
// every member and a few spellings near it, Exact agrees with the map.
func TestExactFilter(t *testing.T) {
	checked := 0
	for w := range lexicon.exact {
		for _, v := range []string{w, strings.ToLower(w), strings.ToUpper(w), w + "s", w[1:], w[:len(w)-1], w + ".", strings.Repeat(w, 30)} {
			if got, want := Exact(v), lexicon.exact[v]; got != want {
				t.Fatalf("Exact(%q) = %#x, the map holds %#x", v, uint64(got), uint64(want))
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no exact members")
	}
}
