package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitSentences splits prose into sentences. A sentence ends at ".", "!"
// or "?" (with any closing quotes or brackets) followed by white space and
// a capital letter, digit, currency sign or opening mark. Abbreviations ("Dec.", "Mr.",
// "No. 5"), words with inner periods ("U.S.", "e.g."), initials ("J. K."),
// decimals and ellipses do not end a sentence. Sentences exclude the white
// space between them.
func SplitSentences(text string) []Sentence { return AppendSentences(nil, text) }

// AppendSentences appends the sentences of text, as SplitSentences splits
// it, to dst and returns the extended slice: a caller splitting many
// texts keeps them all in one buffer.
func AppendSentences(dst []Sentence, text string) []Sentence {
	out := dst
	start := skipSpace(text, 0)
	ends := newByteFinder(text, [3]byte{'.', '!', '?'}, 3)
	for i := start; i < len(text); i++ {
		if i = ends.next(i); i < 0 {
			break
		}
		c := text[i]
		if c == '.' && (i+1 < len(text) && text[i+1] == '.' || i > 0 && text[i-1] == '.') {
			continue // an ellipsis
		}
		j := i + 1
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if isCloser(r) || r == ObjectRune { // "deaths.[^1] Next": the note ends the sentence
				j += size
			} else if n := numberedRef(text[j:]); n > 0 { // "deaths.[12] Next"
				j += n
			} else {
				break
			}
		}
		k := skipSpace(text, j)
		if n := numberedRef(text[k:]); n > 0 && k > j {
			// "2024. [1] Trust…": a note number set off after the full
			// stop still belongs to the sentence it closes.
			j = k + n
			k = skipSpace(text, j)
		}
		if k == j || k == len(text) {
			continue
		}
		if !startsSentence(text[k:]) || c == '.' && !endsWithPeriod(text[:i], text[k:]) {
			continue
		}
		out = append(out, Sentence{Start: start, End: j})
		start = k
		i = k - 1
	}
	if end := trimSpaceEnd(text, len(text)); end > start {
		out = append(out, Sentence{Start: start, End: end})
	}
	return out
}

// numberedRef returns the length of a bracketed reference number such as
// "[12]" or "[3, 4]" at the start of s, or 0.
func numberedRef(s string) int {
	if len(s) < 3 || s[0] != '[' || s[1] < '0' || s[1] > '9' {
		return 0
	}
	for i := 2; i < len(s) && i < 24; i++ {
		switch c := s[i]; {
		case c == ']':
			return i + 1
		case c >= '0' && c <= '9', c == ',', c == ' ', c == '-':
		default:
			return 0
		}
	}
	return 0
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '*', '_', '”', '’', '»':
		return true
	}
	return false
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

func trimSpaceEnd(s string, end int) int {
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}

// startsSentence reports whether s begins the way a sentence does.
func startsSentence(s string) bool {
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case unicode.IsUpper(r), unicode.IsDigit(r), r == ObjectRune, unicode.Is(unicode.Sc, r): // "$20,000,000 was awarded"
			return true
		case strings.ContainsRune("\"'“‘«([*_¿¡", r):
			s = s[size:]
		default:
			return false
		}
	}
	return false
}

// endsWithPeriod decides whether the period after before ends a sentence,
// given the text after it.
func endsWithPeriod(before, after string) bool {
	w := lastWord(before)
	if w == "" {
		return true
	}
	exact := Exact(w) // one lookup for both classes
	if exact&Abbreviation != 0 {
		return false
	}
	if strings.Contains(w, ".") {
		// "U.S." and "a.m." go on ("the U.S. Army"), unless a pronoun or
		// determiner that opens sentences follows: "…outside the U.S. We…".
		return opensWithSubject(after)
	}
	if exact&NumberAbbreviation != 0 && after != "" && after[0] >= '0' && after[0] <= '9' {
		return false
	}
	// An initial: a single capital letter ("J. K. Rowling").
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsUpper(r) {
		return false
	}
	return true
}

// opensWithSubject reports whether s starts with a sentence opener word.
func opensWithSubject(s string) bool {
	end := strings.IndexAny(s, " ,;:")
	if end < 0 {
		return false
	}
	return Exact(s[:end])&SentenceOpener != 0
}

// lastWord returns the letters and inner periods that end s.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		if c := s[i-1]; c < utf8.RuneSelf {
			if c != '.' && (c|0x20 < 'a' || c|0x20 > 'z') {
				break
			}
			i--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= size
	}
	return strings.TrimLeft(s[i:], ".")
}

// byteFinder finds the next of up to three bytes in a text with
// strings.IndexByte, which is vectorised, instead of a byte-by-byte loop.
// It remembers where each byte occurs next, so a scan that moves forward
// costs one search per occurrence.
type byteFinder struct {
	text  string
	n     int
	bytes [3]byte
	at    [3]int // next index of each byte at or after the last query; -1: none left, -2: not searched
}

// newByteFinder returns a finder of the first n of bytes in text.
func newByteFinder(text string, bytes [3]byte, n int) byteFinder {
	return byteFinder{text: text, n: n, bytes: bytes, at: [3]int{-2, -2, -2}}
}

// next returns the smallest index at or after i holding one of the bytes,
// or -1. Queries must not move backward.
func (f *byteFinder) next(i int) int {
	best := -1
	for k := range f.n {
		at := f.at[k]
		if at == -1 {
			continue
		}
		if at < i {
			at = -1
			if i < len(f.text) {
				if j := strings.IndexByte(f.text[i:], f.bytes[k]); j >= 0 {
					at = i + j
				}
			}
			f.at[k] = at
			if at < 0 {
				continue
			}
		}
		if best < 0 || at < best {
			best = at
		}
	}
	return best
}
