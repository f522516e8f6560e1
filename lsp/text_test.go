package lsp

import "testing"

func TestTextOffsets(t *testing.T) {
	tx := newText([]byte("a😀b\r\n北\n"))
	for _, tc := range []struct {
		p      Position
		enc    string
		offset int
	}{
		{Position{0, 1}, utf16Encoding, 1},
		{Position{0, 2}, utf16Encoding, 1}, // inside the surrogate pair: the emoji's start
		{Position{0, 3}, utf16Encoding, 5},
		{Position{0, 4}, utf16Encoding, 6},
		{Position{0, 9}, utf16Encoding, 6}, // past the line's end: before its CRLF
		{Position{0, 5}, utf8Encoding, 5},
		{Position{0, 3}, utf8Encoding, 1}, // inside the emoji's bytes
		{Position{1, 1}, utf16Encoding, 11},
		{Position{1, 1}, utf8Encoding, 8},
		{Position{1, 3}, utf8Encoding, 11},
		{Position{2, 0}, utf16Encoding, 12},
		{Position{7, 0}, utf16Encoding, 12}, // past the last line: the end
	} {
		if got := tx.offset(tc.p, tc.enc); got != tc.offset {
			t.Errorf("offset(%v, %s) = %d, want %d", tc.p, tc.enc, got, tc.offset)
		}
	}
	for _, tc := range []struct {
		offset int
		enc    string
		p      Position
	}{
		{5, utf16Encoding, Position{0, 3}},
		{5, utf8Encoding, Position{0, 5}},
		{6, utf16Encoding, Position{0, 4}}, // the CR belongs to the line end
		{7, utf16Encoding, Position{0, 5}},
		{8, utf16Encoding, Position{1, 0}},
		{11, utf16Encoding, Position{1, 1}},
		{12, utf16Encoding, Position{2, 0}},
		{99, utf16Encoding, Position{2, 0}},
	} {
		if got := tx.position(tc.offset, tc.enc); got != tc.p {
			t.Errorf("position(%d, %s) = %v, want %v", tc.offset, tc.enc, got, tc.p)
		}
	}
}
