package lsp

import (
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// Position encodings (LSP 3.17 PositionEncodingKind).
const (
	utf8Encoding  = "utf-8"
	utf16Encoding = "utf-16"
)

// text is a document's source with its line index. Lines break at '\n'
// only, as citelint's positions do: a CRLF's '\r' is part of the line end.
type text struct {
	src   []byte
	lines *lint.LineIndex // only its line starts and ends, which are safe to share
}

func newText(src []byte) *text {
	return &text{src: src, lines: lint.NewLineIndex(src)}
}

// lineStart is the offset where line begins.
func (t *text) lineStart(line int) int { return t.lines.LineStart(line) }

// lineEnd is the offset of the end of line, before its "\n" or "\r\n".
func (t *text) lineEnd(line int) int { return t.lines.LineEnd(line) }

// position converts a byte offset into a position in enc.
func (t *text) position(off int, enc string) Position {
	off = max(0, min(off, len(t.src)))
	line := t.lines.LineOf(off)
	return Position{Line: line, Character: units(t.src[t.lineStart(line):off], enc)}
}

// offset converts a position in enc into a byte offset. As the protocol
// says, a line past the end means the end of the text and a character
// past the line's end means the line's end; a position inside a UTF-16
// surrogate pair falls back to the character's start.
func (t *text) offset(p Position, enc string) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= t.lines.Lines() {
		return len(t.src) // past the last line, or on the empty one after a final "\n"
	}
	i, end := t.lineStart(p.Line), t.lineEnd(p.Line)
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
