package lint

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestNextByteAgreesWithIndexByte asks nextByte about segments in source
// order, as the walk does, and out of it, as footnote definitions are
// walked last: it answers as a search of the segment alone would.
func TestNextByteAgreesWithIndexByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		src := make([]byte, 1+rng.IntN(300))
		for i := range src {
			src[i] = "ab &\\"[rng.IntN(5)]
		}
		var a byteAhead
		c := "&\\"[round%2]
		pos := 0
		for range 100 {
			start := pos
			if rng.IntN(4) == 0 {
				start = rng.IntN(len(src)) // back, or a jump ahead
			}
			stop := min(len(src), start+rng.IntN(20))
			if got, want := nextByte(&a, src, c, start, stop), bytes.IndexByte(src[start:stop], c) >= 0; got != want {
				t.Fatalf("round %d: nextByte(%q in %q[%d:%d]) = %v, want %v", round, c, src, start, stop, got, want)
			}
			pos = stop
			if pos == len(src) {
				pos = 0
			}
		}
	}
}

// TestTextEntitiesAcrossFootnotes: a draft whose footnote definitions
// (walked after the text that follows them) hold escapes and entities,
// and whose main text holds them between long plain stretches, reads
// both as before: every entity decoded, every escape dropped. 5,000 of
// each are read in linear time.
func TestTextEntitiesAcrossFootnotes(t *testing.T) {
	var b strings.Builder
	const n = 5000
	for i := range n {
		fmt.Fprintf(&b, "Plain words then R&amp;D \\*%d[^n%d].\n\n[^n%d]: A note &lt; \\_%d.\n\n", i, i, i, i)
	}
	start := time.Now()
	doc, err := Parse("d.md", []byte(b.String()), Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Fatalf("parsing took %v", d)
	}
	var plain, notes int
	for _, bl := range doc.Blocks {
		switch {
		case strings.HasPrefix(bl.Text, "Plain words then R&D *"):
			plain++
		case strings.HasPrefix(bl.Text, "A note < _"):
			notes++
		default:
			t.Fatalf("block text %q", bl.Text)
		}
	}
	if plain != n || notes != n {
		t.Fatalf("got %d paragraphs and %d notes read, want %d each", plain, notes, n)
	}
}
