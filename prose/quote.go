package prose

import (
	"unicode"
	"unicode/utf8"
)

// Quote is a quotation in a block's prose text: the words between a pair of
// double quotes (“…” or "…") or single curly quotes (‘…’).
type Quote struct {
	// Start and End span the quotation in Block.Text, marks included. An
	// unclosed quotation runs to the end of the block.
	Start, End int
	// Closed is false when the block ends before the closing mark: the
	// quotation may go on in the next paragraph.
	Closed bool
	// Single marks ‘…’ quotations.
	Single bool
	// Depth is 0 for an outermost quotation, 1 for one inside it, and so on.
	Depth int
}

// Inner returns the span of the quoted words, without the marks.
func (q Quote) Inner(text string) (int, int) {
	_, open := utf8.DecodeRuneInString(text[q.Start:])
	end := q.End
	if q.Closed {
		_, close := utf8.DecodeLastRuneInString(text[:q.End])
		end -= close
	}
	return q.Start + open, max(q.Start+open, end)
}

// maxQuoteDepth bounds nesting so that hostile input stays linear.
const maxQuoteDepth = 8

// FindQuotes pairs the quotation marks of a paragraph's text. Straight double
// quotes open after a space or an opening mark and close before one;
// a straight quote after a digit is an inch mark unless it closes an open
// quotation. Curly apostrophes (don’t, ’80s, students’) are not quotes.
func FindQuotes(text string) []Quote {
	var out []Quote
	var stack []openMark
	push := func(at int, single bool) {
		if len(stack) >= maxQuoteDepth {
			return
		}
		out = append(out, Quote{Start: at, Single: single, Depth: len(stack)})
		stack = append(stack, openMark{single, len(out) - 1})
	}
	// closeTo closes the innermost open quote of the kind, dropping any
	// unclosed quotes of the other kind opened after it.
	closeTo := func(single bool, end int) bool {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].single == single {
				q := &out[stack[i].index]
				q.End, q.Closed = end, true
				for _, o := range stack[i+1:] {
					// An unclosed inner mark was an apostrophe after all.
					out[o.index].Depth = -1
				}
				stack = stack[:i]
				return true
			}
		}
		return false
	}
	var la closerLookahead
	marks := newByteFinder(text, [3]byte{'"', 0xE2}, 2)
	for i := 0; i < len(text); {
		// Every quotation mark is '"' or starts with 0xE2 (U+2018–U+201D):
		// jump to the next such byte.
		if i = marks.next(i); i < 0 {
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '“':
			push(i, false)
		case '”':
			closeTo(false, i+size)
		case '‘':
			if opensQuote(text, i) {
				push(i, true)
			}
		case '’':
			if closesQuote(text, i, size) && hasOpen(stack, true) && !la.laterCloser(text, i, size) {
				closeTo(true, i+size)
			}
		case '"':
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			after, _ := utf8.DecodeRuneInString(text[i+size:])
			openDouble := hasOpen(stack, false)
			switch {
			case openDouble && (i == 0 || !unicode.IsSpace(before) || i+size == len(text) || unicode.IsSpace(after) || unicode.IsPunct(after)):
				closeTo(false, i+size)
			case unicode.IsDigit(before):
				// An inch mark: 21" or 5'11".
			case i+size < len(text) && !unicode.IsSpace(after):
				push(i, false)
			}
		}
		i += size
	}
	kept := out[:0]
	for _, q := range out {
		if q.Depth < 0 {
			continue
		}
		if !q.Closed {
			if q.Single {
				continue // a lone ‘ is more likely a typo than a quotation
			}
			q.End = len(text)
		}
		kept = append(kept, q)
	}
	return kept
}

// openMark is a quotation mark waiting for its closing mark.
type openMark struct {
	single bool
	index  int // of its Quote in FindQuotes' output
}

func hasOpen(stack []openMark, single bool) bool {
	for _, o := range stack {
		if o.single == single {
			return true
		}
	}
	return false
}

// opensQuote reports whether ‘ at i opens a quotation: it follows a space,
// an opening mark or the start, and precedes a letter, digit or mark.
func opensQuote(text string, i int) bool {
	if i > 0 {
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(before) && !isOpener(before) {
			return false
		}
	}
	after, _ := utf8.DecodeRuneInString(text[i+len("‘"):])
	return after != utf8.RuneError && !unicode.IsSpace(after)
}

// closesQuote reports whether ’ at i can close a quotation: it is not
// between two letters (don’t) and does not start a word (’80s).
func closesQuote(text string, i, size int) bool {
	if i == 0 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	if unicode.IsSpace(before) || isOpener(before) {
		return false
	}
	if i+size < len(text) {
		after, _ := utf8.DecodeRuneInString(text[i+size:])
		if unicode.IsLetter(after) || unicode.IsDigit(after) {
			return false
		}
	}
	return true
}

func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '“', '‘', '"', '—', '–', '-', '/':
		return true
	}
	return false
}

// closerLookahead tells an apostrophe after a plural (students’ union)
// from a closing mark. A ’ between a letter and a space may be either; it
// is an apostrophe when a sure closing mark (a ’ after punctuation, or
// before punctuation or the end) follows in the same sentence before any
// opening ‘. The cached look-ahead positions only move forward, so the
// scan stays linear.
type closerLookahead struct {
	next   int  // offset of the next sure closing ’ or opening ‘, or len(text)
	closer bool // whether next is a closing mark
	end    int  // offset of the next sentence end, or len(text)
	valid  bool
}

// laterCloser reports whether the ’ at i should be taken for an
// apostrophe because a sure closing mark follows in the same sentence.
func (la *closerLookahead) laterCloser(text string, i, size int) bool {
	from := i + size
	if from >= len(text) {
		return false
	}
	after, _ := utf8.DecodeRuneInString(text[from:])
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	if !unicode.IsSpace(after) || !unicode.IsLetter(before) {
		return false // a sure closing mark itself
	}
	if !la.valid || la.next < from {
		la.next, la.closer = nextSingleMark(text, from)
	}
	if !la.valid || la.end < from {
		la.end = nextSentenceEnd(text, from)
	}
	la.valid = true
	return la.closer && la.next < la.end
}

// nextSingleMark returns the offset of the first sure closing ’ or
// opening ‘ at or after i, and whether it is a closing mark; or len(text).
// A sure closing ’ follows punctuation (closed.’) or precedes punctuation
// or the end of the text (closed’,).
func nextSingleMark(text string, i int) (int, bool) {
	for i < len(text) {
		if text[i] != 0xE2 {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '‘':
			if opensQuote(text, i) {
				return i, false
			}
		case '’':
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			if i+size == len(text) {
				return i, true
			}
			after, _ := utf8.DecodeRuneInString(text[i+size:])
			if !unicode.IsSpace(before) && (unicode.IsPunct(before) || unicode.IsPunct(after) && after != '’' && after != '-') {
				return i, true
			}
		}
		i += size
	}
	return len(text), false
}

// nextSentenceEnd returns the offset of the first ".", "!" or "?" at or
// after i that a space follows, or len(text).
func nextSentenceEnd(text string, i int) int {
	for ; i+1 < len(text); i++ {
		if c := text[i]; (c == '.' || c == '!' || c == '?') && (text[i+1] == ' ' || text[i+1] == '\t' || text[i+1] == '\n') {
			return i
		}
	}
	return len(text)
}
