package lint

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"sort"
	"unicode/utf8"
)

// bom is the UTF-8 byte order mark. It counts in byte offsets but is no column.
var bom = []byte{0xEF, 0xBB, 0xBF}

// ErrBinary is returned for input that is not text.
var ErrBinary = errors.New("binary file (holds a NUL byte); citelint checks UTF-8 text")

// InvalidUTF8Error reports where a file stops being valid UTF-8.
type InvalidUTF8Error struct {
	Offset int
	Pos    Position
}

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("invalid UTF-8 at line %d, column %d (byte %d); save the file as UTF-8", e.Pos.Line, e.Pos.Column, e.Offset)
}

// CheckText reports whether src is UTF-8 text citelint can read.
func CheckText(src []byte) error {
	if bytes.IndexByte(src, 0) >= 0 {
		return ErrBinary
	}
	if utf8.Valid(src) {
		return nil
	}
	off := 0
	for off < len(src) {
		r, size := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		off += size
	}
	return &InvalidUTF8Error{Offset: off, Pos: NewLineIndex(src).Position(off)}
}

// Position is a 1-based line and column. Columns count Unicode code points
// from the start of the line; a leading byte order mark is no column.
type Position struct {
	Line   int
	Column int
}

// LineIndex converts byte offsets into lines and columns. Lines break at
// '\n' only: a CRLF's '\r' belongs to the line end and a lone '\r' is an
// ordinary character. It is not safe for concurrent use: it builds its
// column table on first use.
type LineIndex struct {
	src    []byte
	starts []int // byte offset of the start of each line
	// runes[i] counts the code points in src[:i*checkpoint], so that columns
	// on a very long line cost O(checkpoint), not O(line). Built on first use.
	runes []int
}

// checkpoint is the spacing, in bytes, of the rune counts kept for long lines.
const checkpoint = 1024

// NewLineIndex builds the index of src in one pass.
func NewLineIndex(src []byte) *LineIndex {
	starts := make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return &LineIndex{src: src, starts: starts}
}

// Lines returns the number of lines; a final '\n' does not open a new line
// unless text follows it.
func (x *LineIndex) Lines() int {
	n := len(x.starts)
	if n > 1 && x.starts[n-1] == len(x.src) {
		n--
	}
	return n
}

// LineOf returns the 0-based line holding offset.
func (x *LineIndex) LineOf(offset int) int {
	return sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > offset }) - 1
}

// LineStart returns the byte offset where the 0-based line begins.
func (x *LineIndex) LineStart(line int) int { return x.starts[line] }

// LineEnd returns the byte offset of the end of the 0-based line, excluding
// its "\n" or "\r\n".
func (x *LineIndex) LineEnd(line int) int {
	end := len(x.src)
	if line+1 < len(x.starts) {
		end = x.starts[line+1] - 1
		if end > x.starts[line] && x.src[end-1] == '\r' {
			end--
		}
	}
	return end
}

// Position returns the line and column of offset, which is clamped to the
// file. An offset at a line end is the column after the last character.
func (x *LineIndex) Position(offset int) Position {
	offset = max(0, min(offset, len(x.src)))
	line := x.LineOf(offset)
	start := x.starts[line]
	if line == 0 && bytes.HasPrefix(x.src, bom) {
		start = min(len(bom), offset)
	}
	if offset-start <= longLine {
		return Position{Line: line + 1, Column: 1 + countLeadBytes(x.src[start:offset])}
	}
	return Position{Line: line + 1, Column: 1 + x.runesBefore(offset) - x.runesBefore(start)}
}

// longLine is the distance from the line start beyond which columns come
// from the checkpoint table rather than a direct count.
const longLine = 4 * checkpoint

// ByteColumn returns the 1-based column of offset counted in bytes from
// the start of its line; a leading byte order mark is no column.
func (x *LineIndex) ByteColumn(offset int) int {
	offset = max(0, min(offset, len(x.src)))
	start := x.starts[x.LineOf(offset)]
	if start == 0 && bytes.HasPrefix(x.src, bom) {
		start = min(len(bom), offset)
	}
	return offset - start + 1
}

// runesBefore counts the code points that start in src[:offset]. Counting
// lead bytes rather than decoding makes any offset a valid place to split.
func (x *LineIndex) runesBefore(offset int) int {
	if x.runes == nil {
		x.runes = make([]int, len(x.src)/checkpoint+1)
		n := 0
		for i := range len(x.src) / checkpoint {
			n += countLeadBytes(x.src[i*checkpoint : (i+1)*checkpoint])
			x.runes[i+1] = n
		}
	}
	base := offset / checkpoint * checkpoint
	return x.runes[offset/checkpoint] + countLeadBytes(x.src[base:offset])
}

func countLeadBytes(b []byte) int {
	// Eight bytes at a time: a continuation byte has its top bit set and
	// the next one clear, and shifting left by one brings each byte's
	// second bit under its top bit.
	const highs = 0x8080808080808080
	n := 0
	for len(b) >= 8 {
		x := binary.LittleEndian.Uint64(b)
		n += 8 - bits.OnesCount64(x&^(x<<1)&highs)
		b = b[8:]
	}
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}
