package prose

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// tokenizeReference is Tokenize written plainly, byte by byte and with
// both trims always called: the fast paths of Tokenize (its byte table
// and the trims it skips) must not change a token.
func tokenizeReference(buf []Token, text string, from, to int) []Token {
	pendingBreak := true
	i := from
	for i < to {
		for i < to {
			c := text[i]
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				i++
				continue
			}
			if c < utf8.RuneSelf {
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:to])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			if isWordBreakRune(r) {
				pendingBreak = true
				if n := len(buf); n > 0 {
					buf[n-1].BreakAfter = true
				}
				i += size
				continue
			}
			break
		}
		if i >= to {
			break
		}
		j := i
		joiner := false
		for j < to {
			c := text[j]
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '[' && j > i {
				break
			}
			if c < utf8.RuneSelf {
				joiner = joiner || c == '-' || c == '$'
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[j:to])
			if unicode.IsSpace(r) || isWordBreakRune(r) || r == '“' && j > i {
				break
			}
			j += size
			if r == '”' && j < to && unicode.IsLetter(rune(text[j])) && text[j] < utf8.RuneSelf {
				break
			}
		}
		start := trimLeading(text, i, j)
		end := TrimTrailing(text, start, j)
		if start == end {
			pendingBreak = true
			if n := len(buf); n > 0 {
				buf[n-1].BreakAfter = true
			}
		} else {
			var e Entry
			if c := text[start] | 0x20; c >= 'a' && c <= 'z' {
				e = Lookup(text[start:end])
			}
			brk := end < j && (text[end:j] != "." || !dottedAbbreviation(text[start:end]))
			buf = append(buf, Token{Start: start, End: end, BreakBefore: pendingBreak || start > i,
				BreakAfter: brk, Joiner: joiner, Entry: e})
			pendingBreak = brk
			if n := len(buf); n > 1 && buf[n-1].BreakBefore {
				buf[n-2].BreakAfter = true
			}
		}
		i = j
	}
	return buf
}

// TestTokenizeMatchesReference compares Tokenize with the plain version on
// random text made of words short and long, every mark either trim reads,
// joiners, brackets, curly quotes, dashes, objects, Unicode spaces and
// broken UTF-8, at random offsets.
func TestTokenizeMatchesReference(t *testing.T) {
	pieces := []string{"said", "Experts", "40,000", "U.S.", "CDC's", "two-thirds", "$4.2", "US$20", "according",
		" ", "  ", "\t", "\n", "\r", "\v", "\u00a0", "\u2003", "(", ")", "[", "]", "{", "}", "\"", "'", "*", "_", "~",
		"<", ">", ",", ".", ";", ":", "!", "?", "-", "$", "“", "”", "‘", "’", "«", "»", "¿", "¡", "…", "—",
		string(ObjectRune), "\xe2\x80", "\xff", "é", "naïve", "[^1]", "deaths.[12]",
		// Runs of eight letters and more, which Tokenize skips eight at a time.
		"Administration", "governmentwide", "abcdefgh", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
	rng := rand.New(rand.NewPCG(11, 7))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		from := rng.IntN(len(text) + 1)
		to := from + rng.IntN(len(text)-from+1)
		got := Tokenize(nil, text, from, to)
		want := tokenizeReference(nil, text, from, to)
		if !slices.Equal(got, want) {
			t.Fatalf("Tokenize(%q, %d, %d):\n got %+v\nwant %+v", text, from, to, got, want)
		}
	}
}

// TestTokenizeLinear checks that tokenizing stays linear in the text's
// length whatever the text: marks only, one endless word, brackets.
func TestTokenizeLinear(t *testing.T) {
	for _, unit := range []string{"((", "a", "[", "-$", "“”", "word. ", "\u00a0"} {
		small := strings.Repeat(unit, 20000)
		large := strings.Repeat(unit, 200000)
		elapsed := func(s string) time.Duration {
			best := time.Duration(1 << 62)
			for range 3 {
				start := time.Now()
				Tokenize(nil, s, 0, len(s))
				best = min(best, time.Since(start))
			}
			return best
		}
		if ts, tl := elapsed(small), elapsed(large); tl > 40*ts+5*time.Millisecond {
			t.Errorf("%q: %v for 10x the text, %v for 1x: not linear", unit, tl, ts)
		}
	}
}

// TestDottedAbbreviationBreaksNoPhrase: the stop after "U.S." or "F.B.I."
// breaks no phrase, so "U.S. intelligence officials" is one source; a
// word's own stop ("Inc.", "B.", "officials.") still breaks.
func TestDottedAbbreviationBreaksNoPhrase(t *testing.T) {
	text := "U.S. intelligence officials, the F.B.I. director, Inc. staff, James B. Comey and D.C. officials."
	var got []string
	for _, tok := range Tokenize(nil, text, 0, len(text)) {
		if tok.BreakAfter {
			got = append(got, text[tok.Start:tok.End])
		}
	}
	want := []string{"officials", "director", "Inc", "staff", "B", "officials"}
	if !slices.Equal(got, want) {
		t.Errorf("words with a break after them: %q, want %q", got, want)
	}
}

// TestCurlyQuoteWithoutSpace checks that a curly quotation mark typed
// without its space still ends the word before it or after it: "said,“Look"
// is "said" and "Look", and "late,”said" is "late" and "said".
func TestCurlyQuoteWithoutSpace(t *testing.T) {
	text := "Ruiz said,“Look at it.” “We are late,”said Ruiz. a“b"
	var got []string
	for _, tok := range Tokenize(nil, text, 0, len(text)) {
		w := text[tok.Start:tok.End]
		if tok.BreakAfter {
			w += "|"
		}
		got = append(got, w)
	}
	want := []string{"Ruiz", "said|", "Look", "at", "it|", "We", "are", "late|", "said", "Ruiz|", "a|", "b"}
	if !slices.Equal(got, want) {
		t.Errorf("words (| after a break): %q, want %q", got, want)
	}
}
