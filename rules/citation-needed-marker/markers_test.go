package citationneededmarker

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// Placeholders are found where they stand, in order, with Ts, brackets and
// braces that start none around and between them.
func TestFindMarkers(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []span
	}{
		{"Nothing to see here.", nil},
		{"The Treasury said so. [citation needed]", []span{{22, 39}}},
		{"TK: the Total figure, TTK and [cite] then {{cn}} and {x}.", []span{{0, 2}, {30, 36}, {42, 48}}},
		{"A [link] to {{Citation needed|date=May}} and [Ref] TK", []span{{12, 40}, {45, 50}, {51, 53}}},
		{"TKO, aTK and [[ref]] ", []span{{14, 19}}},
	} {
		if got := findMarkers(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("findMarkers(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// A text full of bytes a placeholder may start with, and of near misses,
// is read in linear time: 64 times the text takes about 64 times as long,
// not 4,096 times.
func TestFindMarkersLinear(t *testing.T) {
	unit := strings.Repeat("T[{ TT [cit {{c Tk ", 50)
	timeOf := func(text string) time.Duration {
		start := time.Now()
		if got := findMarkers(text); got != nil {
			t.Fatalf("found %v in a text of near misses", got)
		}
		return time.Since(start)
	}
	small := timeOf(unit)
	large := timeOf(strings.Repeat(unit, 64))
	if large > 640*small+5*time.Millisecond {
		t.Errorf("64 times the text took %v against %v: not linear", large, small)
	}
}
