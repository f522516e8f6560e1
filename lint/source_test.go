package lint

import (
	"errors"
	"strings"
	"testing"
)

func TestLineIndexPosition(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		offset int
		want   Position
	}{
		{"start", "abc\ndef", 0, Position{1, 1}},
		{"second line", "abc\ndef", 5, Position{2, 2}},
		{"at line end", "abc\ndef", 3, Position{1, 4}},
		{"crlf: the CR belongs to the line end", "ab\r\ncd", 2, Position{1, 3}},
		{"crlf: next line", "ab\r\ncd", 4, Position{2, 1}},
		{"lone CR is no break", "ab\rcd", 4, Position{1, 5}},
		{"BOM is no column", "\ufeffabc", 3, Position{1, 1}},
		{"BOM then text", "\ufeffabc", 5, Position{1, 3}},
		{"BOM only on line 1", "\ufeffa\nb", 5, Position{2, 1}},
		{"code points not bytes", "café x", 6, Position{1, 6}},
		{"wide characters count once", "日本語 x", 10, Position{1, 5}},
		{"tab is one column", "\tx", 1, Position{1, 2}},
		{"end of file", "ab\n", 3, Position{2, 1}},
		{"clamped past the end", "ab", 10, Position{1, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewLineIndex([]byte(tt.src)).Position(tt.offset); got != tt.want {
				t.Errorf("Position(%d) in %q = %+v, want %+v", tt.offset, tt.src, got, tt.want)
			}
		})
	}
}

func TestLineIndexLongLineUsesCheckpoints(t *testing.T) {
	// Multibyte text across many checkpoints: columns must match a plain count.
	line := strings.Repeat("aé日", 2000)
	x := NewLineIndex([]byte("x\n" + line))
	for _, off := range []int{2, 3, 1000, 1025, 2048, 5003, len(line) + 2} {
		want := 1 + len([]rune(line[:off-2]))
		if got := x.Position(off); got.Line != 2 || got.Column != want {
			t.Errorf("Position(%d) = %+v, want line 2 column %d", off, got, want)
		}
	}
}

func TestLineIndexLinesAndEnds(t *testing.T) {
	x := NewLineIndex([]byte("ab\r\ncd\n\nef"))
	if got := x.Lines(); got != 4 {
		t.Errorf("Lines() = %d, want 4", got)
	}
	for line, want := range []int{2, 6, 7, 10} {
		if got := x.LineEnd(line); got != want {
			t.Errorf("LineEnd(%d) = %d, want %d", line, got, want)
		}
	}
	if got := x.ByteColumn(9); got != 2 {
		t.Errorf("ByteColumn(9) = %d, want 2", got)
	}
}

func TestCheckText(t *testing.T) {
	if err := CheckText([]byte("fine ✓\n")); err != nil {
		t.Errorf("valid UTF-8: %v", err)
	}
	if err := CheckText([]byte("a\x00b")); !errors.Is(err, ErrBinary) {
		t.Errorf("NUL byte: got %v, want ErrBinary", err)
	}
	err := CheckText([]byte("ok\nbad \xff here"))
	var u *InvalidUTF8Error
	if !errors.As(err, &u) {
		t.Fatalf("invalid UTF-8: got %v", err)
	}
	if u.Offset != 7 || u.Pos != (Position{2, 5}) {
		t.Errorf("invalid UTF-8 at offset %d %+v, want 7 {2 5}", u.Offset, u.Pos)
	}
	if want := "invalid UTF-8 at line 2, column 5 (byte 7); save the file as UTF-8"; err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
}
