package sourcing

import (
	"fmt"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
)

func TestInitialsOf(t *testing.T) {
	for _, tc := range []struct {
		src, initials string
		want          bool
	}{
		{"We spoke with Mollie Bates last week.", "MB", true},
		{"Mollie Bates", "MB", true},
		{"We spoke with Mollie bates.", "MB", false},
		{"We spoke with MB about it.", "MB", false},   // the initials alone name no one
		{"We spoke with Mollie  Bates.", "MB", false}, // two spaces: not one name
		{"Ana Maria Ruiz", "AMR", true},
		{"Ana Maria", "AMR", false},
		{"XMollie Bates", "MB", false},
	} {
		if got := initialsOf([]byte(tc.src), tc.initials); got != tc.want {
			t.Errorf("initialsOf(%q, %q) = %v, want %v", tc.src, tc.initials, got, tc.want)
		}
	}
}

// TestSpeakerNamesBounded checks that a document's SpeakerNames answers
// each distinct label from the text, and past MaxSpeakerNames distinct
// labels names no one, so a post of countless labels costs a bounded
// number of searches of its text.
func TestSpeakerNamesBounded(t *testing.T) {
	var src strings.Builder
	var blocks []*lint.Block
	for i := range MaxSpeakerNames + 2 {
		name := fmt.Sprintf("Ana Ruiz%c%c", 'a'+i/26, 'a'+i%26)
		start := src.Len()
		fmt.Fprintf(&src, "**%s:** We served 40 households.", name)
		blocks = append(blocks, &lint.Block{Kind: lint.Paragraph, Start: start, End: src.Len()})
		fmt.Fprintf(&src, "\n\nWe met %s there.\n\n", name)
	}
	s := NewSpeakerNames([]byte(src.String()))
	for i, b := range blocks {
		want := i < MaxSpeakerNames
		if got := s.SpeakerNamed(b); got != want {
			t.Errorf("label %d: SpeakerNamed = %v, want %v", i, got, want)
		}
		if got := s.SpeakerNamed(b); got != want { // asked again: the kept answer
			t.Errorf("label %d asked again: SpeakerNamed = %v, want %v", i, got, want)
		}
	}
	if other := NewSpeakerNames([]byte("**Ana Ruiz:** We served 40 households.\n")); other.SpeakerNamed(&lint.Block{Kind: lint.Paragraph, Start: 0, End: 38}) {
		t.Error("a name written only in its label names no one the post writes of")
	}
}

// TestLabelEnd checks where a bold label closes, and that a run of more
// words than a speaker's name and its colon is no label, however far its
// closing mark.
func TestLabelEnd(t *testing.T) {
	for _, tc := range []struct {
		rest string
		want int
	}{
		{"Ana Ruiz:** We served", 9},
		{"U.S. CBP team :** x", 15},
		{"Ana Ruiz", -1},
		{"one two three four five six** x", -1},
		{"one two three four five** x", 23},
		{"", -1},
	} {
		if got := labelEnd([]byte(tc.rest), []byte("**")); got != tc.want {
			t.Errorf("labelEnd(%q) = %d, want %d", tc.rest, got, tc.want)
		}
	}
}
