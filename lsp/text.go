package lsp

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Position encodings (LSP 3.17 PositionEncodingKind).
const (
	utf8Encoding  = "utf-8"
	utf16Encoding = "utf-16"
)

// text is a document's source with its line starts. Lines break at '\n'
// only, as citelint's positions do: a CRLF's '\r' is part of the line end.
type text struct {
	src    []byte
	starts []int
}

func newText(src []byte) *text {
	starts := make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &text{src: src, starts: starts}
}

// lineEnd is the offset of the end of line, before its "\n" or "\r\n".
func (t *text) lineEnd(line int) int {
	if line+1 >= len(t.starts) {
		return len(t.src)
	}
	end := t.starts[line+1] - 1
	if end > t.starts[line] && t.src[end-1] == '\r' {
		end--
	}
	return end
}

// position converts a byte offset into a position in enc.
func (t *text) position(off int, enc string) Position {
	off = max(0, min(off, len(t.src)))
	line := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
	return Position{Line: line, Character: units(t.src[t.starts[line]:off], enc)}
}

// offset converts a position in enc into a byte offset. As the protocol
// says, a line past the end means the end of the text and a character
// past the line's end means the line's end; a position inside a UTF-16
// surrogate pair falls back to the character's start.
func (t *text) offset(p Position, enc string) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(t.starts) {
		return len(t.src)
	}
	i, end := t.starts[p.Line], t.lineEnd(p.Line)
	for n := 0; i < end; {
		r, size := utf8.DecodeRune(t.src[i:end])
		w := size
		if enc == utf16Encoding {
			w = utf16Len(r)
		}
		if n+w > p.Character {
			break
		}
		n += w
		i += size
	}
	return i
}

// units counts b's code units in enc.
func units(b []byte, enc string) int {
	if enc == utf8Encoding {
		return len(b)
	}
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		n += utf16Len(r)
		b = b[size:]
	}
	return n
}

func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}
