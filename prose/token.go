package prose

import (
	"encoding/binary"
	"math/bits"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Token is one word of prose: letters, digits and the marks inside them
// ("40,000", "U.S.", "CDC's", "two-thirds", "$4.2"), with the quotes,
// brackets and punctuation around it trimmed off.
type Token struct {
	Start, End int // the word in the paragraph's text
	// BreakBefore and BreakAfter mark punctuation, a dash or a non-prose
	// object between the word and its neighbour: phrases never run across.
	BreakBefore, BreakAfter bool
	// Joiner marks a word with a hyphen or dollar sign inside ("two-thirds",
	// "US$20"), which may make it a number.
	Joiner bool
	// Entry is the lexicon's entry of the word.
	Entry
}

// tokenBuffers recycles token slices between documents: a rule tokenizes
// sentence after sentence into one buffer, and without the pool every
// document would grow a new one from nothing.
var tokenBuffers = sync.Pool{New: func() any { return new([]Token) }}

// GetTokens returns an empty token buffer; PutTokens gives it back.
func GetTokens() *[]Token { return tokenBuffers.Get().(*[]Token) }

// PutTokens returns a buffer from GetTokens to the pool.
func PutTokens(b *[]Token) {
	*b = (*b)[:0]
	tokenBuffers.Put(b)
}

// Tokenize appends the words of text[from:to] to buf and returns it. It
// allocates only when buf must grow, so callers reuse one buffer.
func Tokenize(buf []Token, text string, from, to int) []Token {
	pendingBreak := true // nothing joins the first word to what came before
	i := from
	for i < to {
		// Skip white space; a dash or an object between words breaks phrases.
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
		// A run of non-space characters, up to a breaking rune. Most
		// bytes are plain ASCII (wordPlain), read in a tight loop, and
		// most of those letters, read eight at a time first.
		j := i
		joiner := false
	word:
		for j < to {
			if j+8 <= to {
				nonLetters := NonLetters8(text[j : j+8])
				if nonLetters == 0 {
					j += 8
					continue
				}
				j += bits.TrailingZeros64(nonLetters) / 8 // the first byte that is no letter
			}
			switch wordBytes[text[j]] {
			case wordPlain:
				j++
			case wordSpace:
				break word
			case wordBracket:
				if j > i {
					break word // "deaths.[^1]": a bracket starts a new word
				}
				j++
			case wordJoiner:
				joiner = true
				j++
			default: // the first byte of a multi-byte rune
				r, size := utf8.DecodeRuneInString(text[j:to])
				if unicode.IsSpace(r) || isWordBreakRune(r) || r == '“' && j > i {
					break word // (a curly quotation mark typed without its space: "said,“Look")
				}
				j += size
				if r == '”' && j < to && text[j]|0x20 >= 'a' && text[j]|0x20 <= 'z' {
					break word // "finish,”said Ruiz"
				}
			}
		}
		// Trim only when the word may start or end with a mark: a letter
		// or digit at both ends, the common case, needs neither call.
		start, end := i, j
		if trimBytes[text[i]]&leadMark != 0 {
			start = trimLeading(text, i, j)
		}
		if start < end && trimBytes[text[end-1]]&trailMark != 0 {
			end = TrimTrailing(text, start, end)
		}
		if start == end {
			// Punctuation standing alone: "-", "&", "…".
			pendingBreak = true
			if n := len(buf); n > 0 {
				buf[n-1].BreakAfter = true
			}
		} else {
			var e Entry
			if c := text[start] | 0x20; c >= 'a' && c <= 'z' { // every lexicon word starts with a letter
				e = Lookup(text[start:end])
			}
			brk := end < j && !(j-end == 1 && text[end] == '.' && dottedAbbreviation(text[start:end]))
			buf = append(buf, Token{
				Start:       start,
				End:         end,
				BreakBefore: pendingBreak || start > i,
				BreakAfter:  brk,
				Joiner:      joiner,
				Entry:       e,
			})
			pendingBreak = brk
			if n := len(buf); n > 1 && buf[n-1].BreakBefore {
				buf[n-2].BreakAfter = true
			}
		}
		i = j
	}
	return buf
}

// dottedAbbreviation reports whether w, its last stop trimmed, is an
// abbreviation of single capitals with stops between them ("U.S",
// "F.B.I", "D.C"): its stop breaks no phrase ("U.S. intelligence
// officials", "the F.B.I. director"). Where it ends a sentence, the
// sentence splitter says so.
func dottedAbbreviation(w string) bool {
	if len(w) < 3 || len(w)%2 == 0 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if c := w[k]; k%2 == 0 && (c < 'A' || c > 'Z') || k%2 == 1 && c != '.' {
			return false
		}
	}
	return true
}

// What Tokenize's word loop makes of each byte.
const (
	wordPlain   = iota // ASCII that neither ends a word nor joins one
	wordSpace          // ' ', '\t', '\n', '\r': the word ends
	wordBracket        // '[': a new word starts, unless it is the first byte
	wordJoiner         // '-' or '$', which may make the word a number
	wordRune           // the first byte of a multi-byte rune, decoded
)

var wordBytes = func() (t [256]uint8) {
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = wordRune
	}
	t[' '], t['\t'], t['\n'], t['\r'] = wordSpace, wordSpace, wordSpace, wordSpace
	t['['] = wordBracket
	t['-'], t['$'] = wordJoiner, wordJoiner
	return t
}()

// trimBytes marks the bytes at which trimLeading (leadMark) and
// TrimTrailing (trailMark) may trim: their ASCII marks, and every byte of
// a multi-byte rune, which they decode.
const (
	leadMark = 1 << iota
	trailMark
)

var trimBytes = func() (t [256]uint8) {
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = leadMark | trailMark
	}
	for _, c := range []byte("([{\"'*_~<") {
		t[c] |= leadMark
	}
	for _, c := range []byte(")]}\"',.;:!?*_>") {
		t[c] |= trailMark
	}
	return t
}()

// isWordBreakRune reports whether r separates words even without spaces
// around it: an em dash, or the object standing for a code span, image or
// link without text.
func isWordBreakRune(r rune) bool {
	return r == '—' || r == ObjectRune
}

// trimLeading skips opening marks at the start of text[i:j].
func trimLeading(text string, i, j int) int {
	for i < j {
		c := text[i]
		if c < utf8.RuneSelf {
			switch c {
			case '(', '[', '{', '"', '\'', '*', '_', '~', '<':
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:j])
		switch r {
		case '“', '‘', '«', '¿', '¡':
			i += size
			continue
		}
		return i
	}
	return i
}

// TrimTrailing drops closing marks and punctuation at the end of text[i:j].
func TrimTrailing(text string, i, j int) int {
	for j > i {
		c := text[j-1]
		if c < utf8.RuneSelf {
			switch c {
			case ')', ']', '}', '"', '\'', ',', '.', ';', ':', '!', '?', '*', '_', '>':
				j--
				continue
			}
			return j
		}
		r, size := utf8.DecodeLastRuneInString(text[i:j])
		switch r {
		case '”', '’', '»', '…':
			j -= size
			continue
		}
		return j
	}
	return j
}

// NonLetters8 returns the high bit of each byte of b, whose first eight
// bytes it reads, that is not an ASCII letter: the scans over words test
// eight bytes at a time with it, and it inlines.
func NonLetters8(b string) uint64 {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	x := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(b[:8]), 8))
	y := x | 0x20*ones // fold upper case onto lower case
	// Bytes are letters when 'a' <= y <= 'z' and x is ASCII: with each
	// byte's high bit set, the subtractions cannot borrow across bytes.
	atLeastA := (y | highs) - 'a'*ones
	pastZ := (y | highs) - ('z'+1)*ones
	return ^(atLeastA &^ pastZ &^ x & highs) & highs
}
