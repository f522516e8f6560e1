package lint

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// windowByDecoding is window as the decoders alone read it: the
// definition its ASCII shortcut must keep.
func windowByDecoding(src []byte, ls, le, start, end int) (int, int) {
	from := start
	for n := 0; from > ls && n < maxExcerpt; n++ {
		_, size := utf8.DecodeLastRune(src[ls:from])
		from -= size
	}
	to := min(max(end, start), le)
	for n := 0; to < le && n < maxExcerpt; n++ {
		_, size := utf8.DecodeRune(src[to:le])
		to += size
	}
	return from, to
}

// TestWindowMatchesDecoding checks window against windowByDecoding on
// lines of ASCII, multi-byte runes and invalid bytes, short and longer
// than maxExcerpt code points either side, at every kind of offset.
func TestWindowMatchesDecoding(t *testing.T) {
	pieces := []string{"a", "word ", "é", "—", "“", "😀", "\xff", "\xe2\x80", " ", "1,000"}
	rng := rand.New(rand.NewPCG(3, 5))
	for range 3000 {
		var src []byte
		for k := rng.IntN(300); k >= 0; k-- {
			src = append(src, pieces[rng.IntN(len(pieces))]...)
		}
		ls := rng.IntN(len(src) + 1)
		le := ls + rng.IntN(len(src)-ls+1)
		start := ls + rng.IntN(le-ls+1)
		end := start + rng.IntN(le-start+1)
		gf, gt := window(src, ls, le, start, end)
		wf, wt := windowByDecoding(src, ls, le, start, end)
		if gf != wf || gt != wt {
			t.Fatalf("window(%q, %d, %d, %d, %d) = %d, %d; want %d, %d", src, ls, le, start, end, gf, gt, wf, wt)
		}
	}
}

// TestCountLeadBytes checks the eight-bytes-at-a-time count of code point
// starts against a byte-by-byte count, on every byte value at every
// position of a word and on random mixes of runes and invalid bytes.
func TestCountLeadBytes(t *testing.T) {
	byByte := func(b []byte) int {
		n := 0
		for _, c := range b {
			if c&0xC0 != 0x80 {
				n++
			}
		}
		return n
	}
	for c := range 256 {
		for pos := range 17 {
			b := []byte("abcdefghijklmnopq")
			b[pos] = byte(c)
			if got, want := countLeadBytes(b), byByte(b); got != want {
				t.Fatalf("byte %#x at %d: %d, want %d", c, pos, got, want)
			}
		}
	}
	pieces := []string{"a", "é", "—", "😀", "\xff", "\x80", "\xc0", " "}
	rng := rand.New(rand.NewPCG(9, 1))
	for range 2000 {
		var b []byte
		for k := rng.IntN(60); k > 0; k-- {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		if got, want := countLeadBytes(b), byByte(b); got != want {
			t.Fatalf("%q: %d, want %d", b, got, want)
		}
	}
}
