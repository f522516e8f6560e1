package verify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/prose"
)

const (
	// SentenceWindow is how far, in bytes, Sentence looks on either side
	// of a span for the ends of its sentences, so that a page without
	// sentence ends (a table, a list of links) costs no more than that.
	SentenceWindow = 2000
	// FragmentMaxWords is the longest span, in words, that TextFragment
	// spells out whole; a longer one is linked by its first and last
	// FragmentEdgeWords words (textStart,textEnd).
	FragmentMaxWords = 10
	// FragmentEdgeWords is how many words start and end a long span's link.
	FragmentEdgeWords = 4
)

// Sentence returns the sentences of source that hold the span [start,
// end): the matching or nearest sentence to show as evidence. Sentences
// are found by prose.SplitSentences within the span's paragraph (blank
// lines end paragraphs), at most SentenceWindow bytes on either side.
// Offsets are clamped to the source and moved to rune boundaries.
func Sentence(source string, start, end int) (s, e int) {
	start, end = runeSpan(source, start, end)
	lo := max(0, start-SentenceWindow)
	if k := strings.LastIndex(source[lo:start], "\n\n"); k >= 0 {
		lo += k + 2
	} else if lo > 0 {
		lo = afterSpace(source, lo, start) // not in the middle of a word
	}
	hi := min(len(source), end+SentenceWindow)
	if k := strings.Index(source[end:hi], "\n\n"); k >= 0 {
		hi = end + k
	} else if hi < len(source) {
		hi = beforeSpace(source, end, hi)
	}
	s, e = start, end
	found := false
	for _, sn := range prose.SplitSentences(source[lo:hi]) {
		a, b := lo+sn.Start, lo+sn.End
		if a < end && b > start || start == end && a <= start && start <= b {
			if !found {
				s, e, found = a, b, true
			}
			s, e = min(s, a), max(e, b)
		}
	}
	return s, e
}

// runeSpan clamps [start, end) to s and widens it to rune boundaries.
func runeSpan(s string, start, end int) (int, int) {
	start = min(max(start, 0), len(s))
	end = min(max(end, start), len(s))
	for start > 0 && start < len(s) && !utf8.RuneStart(s[start]) {
		start--
	}
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end++
	}
	return start, end
}

// afterSpace returns the offset after the first space in s[i:limit], or
// limit.
func afterSpace(s string, i, limit int) int {
	if k := strings.IndexAny(s[i:limit], " \t\n"); k >= 0 {
		return i + k + 1
	}
	return limit
}

// beforeSpace returns the offset of the last space in s[from:i], or from.
func beforeSpace(s string, from, i int) int {
	if k := strings.LastIndexAny(s[from:i], " \t\n"); k >= 0 {
		return from + k
	}
	return from
}

// TextFragment returns a link to the span [start, end) of source on the
// page at pageURL, with a text directive (#:~:text=…, WICG Text Fragments)
// that browsers scroll to and highlight. A span of up to FragmentMaxWords
// words is spelt out; a longer one is given by its first and last
// FragmentEdgeWords words. pageURL's own fragment is dropped. The text is
// the source's own (the page's characters, not normalised ones), with
// white space collapsed and invisible characters such as soft hyphens
// dropped, as a browser renders it; a browser goes to the first place on
// the page where the words appear. Without words in the span, the page's
// address alone is returned.
func TextFragment(pageURL, source string, start, end int) string {
	base, _, _ := strings.Cut(pageURL, "#")
	start, end = runeSpan(source, start, end)
	words := strings.FieldsFunc(strings.Map(visible, source[start:end]), unicode.IsSpace)
	if len(words) == 0 {
		return base
	}
	var d string
	if len(words) <= FragmentMaxWords {
		d = fragmentText(words)
	} else {
		d = fragmentText(words[:FragmentEdgeWords]) + "," + fragmentText(words[len(words)-FragmentEdgeWords:])
	}
	return base + "#:~:text=" + d
}

// visible drops characters a browser does not show.
func visible(r rune) rune {
	if unicode.Is(unicode.Cf, r) {
		return -1
	}
	return r
}

// fragmentText percent-encodes words for a text directive: everything but
// ASCII letters, digits, ".", "_" and "~" is encoded, which covers the
// "-", "," and "&" that have a meaning there.
func fragmentText(words []string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteString("%20")
		}
		for j := 0; j < len(w); j++ {
			c := w[j]
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '~' {
				b.WriteByte(c)
				continue
			}
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
