// Package prose models the language of a paragraph once, for every rule
// that judges it: words (Tokenize), sentences (SplitSentences), quotations
// (FindQuotes), the lexicon of word classes kept as data (lexicon.txt), and
// who said what (Attributions).
//
// It knows nothing of Markdown: it reads the plain text of one paragraph,
// in which ObjectRune stands for a thing that is not prose (a code span, an
// image, a footnote reference). Offsets are bytes of that text.
package prose

// ObjectRune stands in the prose text for something that is not prose but
// takes a place in the sentence: a code span, an image, an autolink, a
// footnote reference. Rules see it as an opaque word.
const ObjectRune = '\uFFFC'

// Sentence is a span of a paragraph's text.
type Sentence struct {
	Start, End int // byte offsets, end exclusive
}
