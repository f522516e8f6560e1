package sourcing

import "testing"

func TestLetterRunEnd(t *testing.T) {
	for _, tt := range []struct {
		text      string
		from, end int
	}{
		{"hello world", 0, 5},
		{"abcdefghijklmnop qr", 0, 16},
		{"ABCdefGHIjklMNO!", 0, 15},
		{"a", 0, 1},
		{"az@[`{AZ", 0, 2},
		{"xx@[`{AZ", 6, 8},
		{"café au lait", 0, 3},
		{"word's", 0, 4},
		{"12abc", 2, 5},
		{"abcdefgh", 0, 8},
		{"abcdefgh1", 0, 8},
		{"Zz\x80zzzzzz", 0, 2},
	} {
		if got := letterRunEnd(tt.text, tt.from); got != tt.end {
			t.Errorf("letterRunEnd(%q, %d) = %d, want %d", tt.text, tt.from, got, tt.end)
		}
	}
	// Against the byte-by-byte definition, on every byte value.
	for c := range 256 {
		text := "abcdefg" + string([]byte{byte(c)}) + "xyz"
		want := 7
		if ByteKinds[c] == LetterByte {
			want = 11
		}
		if got := letterRunEnd(text, 0); got != want {
			t.Errorf("byte %#x: got %d, want %d", c, got, want)
		}
	}
}
