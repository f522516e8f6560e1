package lint

import (
	"sort"

	"github.com/citelint/citelint/prose"
)

// ObjectRune stands in the prose text for something that is not prose but
// takes a place in the sentence: a code span, an image, an autolink, a
// footnote reference. Rules see it as an opaque word.
const ObjectRune = prose.ObjectRune

// segment maps a run of prose text back to the source. A linear segment
// maps byte for byte; an atomic one (an entity, an escape, a placeholder)
// maps any offset inside it to the whole source run.
type segment struct {
	text      int // start in the prose text
	textEnd   int
	src       int // start in the source
	srcEnd    int
	atomicRun bool
}

// textBuilder accumulates prose text and its map back to the source.
type textBuilder struct {
	buf  []byte
	segs []segment
	// base is added to offsets given to addSource: the parser saw the file
	// from base on.
	base int
}

// addSource appends src[start:end] verbatim; src is what the parser saw.
func (t *textBuilder) addSource(src []byte, start, end int) {
	if start >= end {
		return
	}
	n := len(t.buf)
	t.buf = append(t.buf, src[start:end]...)
	start, end = start+t.base, end+t.base
	if k := len(t.segs) - 1; k >= 0 && !t.segs[k].atomicRun && t.segs[k].textEnd == n && t.segs[k].srcEnd == start {
		t.segs[k].textEnd += end - start
		t.segs[k].srcEnd = end
		return
	}
	t.segs = append(t.segs, segment{text: n, textEnd: n + end - start, src: start, srcEnd: end})
}

// addAtomic appends s standing for the source run [start, end).
func (t *textBuilder) addAtomic(s string, start, end int) {
	if s == "" {
		return
	}
	n := len(t.buf)
	t.buf = append(t.buf, s...)
	t.segs = append(t.segs, segment{text: n, textEnd: len(t.buf), src: start, srcEnd: end, atomicRun: true})
}

// lastByte returns the last byte of the text so far, or 0.
func (t *textBuilder) lastByte() byte {
	if len(t.buf) == 0 {
		return 0
	}
	return t.buf[len(t.buf)-1]
}

// textMap maps prose text offsets to source offsets.
type textMap []segment

// start maps a text offset that begins a span.
func (m textMap) start(off int) int {
	if len(m) == 0 {
		return 0
	}
	i := sort.Search(len(m), func(i int) bool { return m[i].textEnd > off })
	if i == len(m) {
		return m[len(m)-1].srcEnd
	}
	s := m[i]
	if off <= s.text || s.atomicRun {
		return s.src
	}
	return s.src + off - s.text
}

// end maps a text offset that ends a span (exclusive).
func (m textMap) end(off int) int {
	if len(m) == 0 {
		return 0
	}
	i := sort.Search(len(m), func(i int) bool { return m[i].textEnd >= off })
	if i == len(m) {
		return m[len(m)-1].srcEnd
	}
	s := m[i]
	if off <= s.text {
		// off lies in a gap before s: end at the previous segment.
		if i > 0 {
			return m[i-1].srcEnd
		}
		return s.src
	}
	if s.atomicRun {
		return s.srcEnd
	}
	return s.src + off - s.text
}

// textOffset maps a source offset to the prose text: to the text byte made
// from it, or else to the first text byte made from a later source byte.
func (m textMap) textOffset(src int) int {
	i := sort.Search(len(m), func(i int) bool { return m[i].srcEnd > src })
	if i == len(m) {
		if len(m) == 0 {
			return 0
		}
		return m[len(m)-1].textEnd
	}
	if src < m[i].src || m[i].atomicRun {
		return m[i].text
	}
	return m[i].text + src - m[i].src
}
