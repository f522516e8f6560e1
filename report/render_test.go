package report

import (
	"bytes"
	"errors"
	"testing"
)

// TestRenderedPieces checks that a rendered report holds exactly what was
// written, in writes that cross its pieces' ends, in pieces that start
// small and double up to maxChunk, and that WriteTo stops at the first
// error.
func TestRenderedPieces(t *testing.T) {
	var r Rendered
	var want bytes.Buffer
	for i := range 3000 {
		p := bytes.Repeat([]byte{byte('a' + i%26)}, 1+i%700) // from 1 to 700 bytes
		if n, err := r.Write(p); n != len(p) || err != nil {
			t.Fatalf("write %d: %d, %v", i, n, err)
		}
		want.Write(p)
	}
	var got bytes.Buffer
	if n, err := r.WriteTo(&got); n != int64(want.Len()) || err != nil || !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("WriteTo wrote %d bytes (%v), equal %v; want %d", n, err, bytes.Equal(got.Bytes(), want.Bytes()), want.Len())
	}
	if r.String() != want.String() {
		t.Error("String differs from what was written")
	}
	size := firstChunk
	for i, c := range r.chunks {
		if cap(c) != size || (i < len(r.chunks)-1 && len(c) != cap(c)) {
			t.Fatalf("piece %d: %d of %d bytes, want %d, full unless last", i, len(c), cap(c), size)
		}
		size = min(2*size, maxChunk)
	}
	if last := cap(r.chunks[len(r.chunks)-1]); last != maxChunk {
		t.Errorf("last piece %d bytes, want %d for a report of %d", last, maxChunk, want.Len())
	}

	var empty Rendered
	if n, err := empty.WriteTo(&got); n != 0 || err != nil || empty.String() != "" {
		t.Errorf("an empty report wrote %d bytes (%v)", n, err)
	}
	failing := errors.New("disk full")
	if n, err := r.WriteTo(failWriter{failing}); n != 0 || !errors.Is(err, failing) {
		t.Errorf("WriteTo to a failing writer: %d, %v; want 0 and its error", n, err)
	}
}

type failWriter struct{ err error }

func (f failWriter) Write([]byte) (int, error) { return 0, f.err }
