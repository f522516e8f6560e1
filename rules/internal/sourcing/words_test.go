package sourcing

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/prose"
)

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

// TestTriggerFiltersPassEveryMember checks that the cheap tests in front
// of a trigger's lookup (the shape, then the second letter) let every
// member through, in any letter case: they may only rule words out.
func TestTriggerFiltersPassEveryMember(t *testing.T) {
	for name, tr := range map[string]*WordTrigger{"figure": figureWords, "vague": VagueWords, "cue": CueWords} {
		words := append(prose.WordsOf(tr.classes), tr.Words...)
		if len(words) < 10 {
			t.Fatalf("%s: only %d members", name, len(words))
		}
		for _, w := range words {
			if letterRunEnd(w, 0) != len(w) || len(w) >= 32 {
				continue // not a run of letters: never one word of the scan
			}
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
				k, _ := shapeIndex(v)
				if tr.shapes[k]&(1<<len(v)) == 0 || !tr.secondMatches(v, 0, len(v)) {
					t.Errorf("%s: %q is ruled out", name, v)
				}
			}
		}
	}
	// And the second letter does rule words out, tested with the first
	// and the last: "make" and "made" have the shape of "mile" and the
	// second letter of "majority", but no figure word that starts "ma"
	// ends in "e".
	if figureWords.secondMatches("tqx", 0, 3) {
		t.Error(`figure: "tq…" passes the second-letter test`)
	}
	for _, w := range []string{"make", "Made"} {
		k, _ := shapeIndex(w)
		if figureWords.shapes[k]&(1<<len(w)) == 0 {
			t.Errorf("figure: %q does not have a member's shape", w)
		}
		if figureWords.secondMatches(w, 0, len(w)) {
			t.Errorf("figure: %q passes the second-letter test", w)
		}
	}
}

// TestCollectProper checks which capitalised words count as names at a
// sentence's start: those written capitalised inside a sentence, standing
// alone, and not those that only open a sentence or sit in a longer name.
func TestCollectProper(t *testing.T) {
	set := map[string]bool{}
	collectProper("The Fed raised rates, said Clinton. Health officials agree. The Congressional Budget Office spoke, Ruiz added. I said so.", set)
	for w, want := range map[string]bool{"Fed": true, "Clinton": true, "Ruiz": true, "Health": false, "Budget": false, "Office": true, "The": false, "I": false} {
		if set[w] != want {
			t.Errorf("%s: %t, want %t", w, set[w], want)
		}
	}
}

// TestLowerIsOneOf checks lowerIsOneOf against strings.ToLower, including
// runes that lower to ASCII letters (the Kelvin sign, a dotted capital I).
func TestLowerIsOneOf(t *testing.T) {
	words := []string{"this", "that", "the", "he", "she"}
	for _, w := range []string{"this", "This", "THIS", "tHiS", "thi", "thiss", "The", "T", "", "He", "SHE", "she's",
		"\u212Ahe", "th\u0130s", "thıs", "Thé", "the\u00a0", "t-he", "[he"} {
		want := false
		for _, x := range words {
			want = want || strings.ToLower(w) == x
		}
		if got := lowerIsOneOf(w, words...); got != want {
			t.Errorf("lowerIsOneOf(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestMentionsAgreesWithTriggers checks that the one-pass scan of
// Mentions sets each flag exactly when the trigger's own scan finds a
// word: figures (with digits), vague words, and, with a vague word, cues,
// on every member word alone and among others, in any letter case, and
// on the rules' fixtures.
func TestMentionsAgreesWithTriggers(t *testing.T) {
	var texts []string
	var members []string
	for _, tr := range []*WordTrigger{figureWords, VagueWords, CueWords} {
		members = append(members, prose.WordsOf(tr.classes)...)
		members = append(members, tr.Words...)
	}
	for i, w := range members {
		other := members[(i*7+3)%len(members)]
		texts = append(texts, w, strings.ToUpper(w), "Some "+w+" in it, "+other+".", w+" 3 out of "+other,
			"“"+w+"” — "+other+"’s", w+"x", "x"+w, "It was "+w+" that "+other+" of 12 €5",
			// Runs of eight letters and more, and words ending within the
			// last eight bytes, which Mentions reads apart from the rest.
			"abcdefgh "+w+" abcdefghijklmnopq", "Abcdefghi,"+w, w+" "+other, "ab "+w,
			// A word before a figure and another after it: after both, a
			// cue is still looked for, and before the first vague word
			// by the second scan.
			other+" and 40 "+w+" then", "40 "+w+", and "+other+" x")
	}
	files, err := filepath.Glob("../../*/testdata/*.md")
	if err != nil || len(files) < 10 {
		t.Fatalf("fixtures: %v (%d files)", err, len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	seen := uint8(0)
	for _, text := range texts {
		m := Mentions(text)
		seen |= m
		for _, tt := range []struct {
			flag uint8
			want bool
		}{
			{MentionsFigure, figureWords.MayMention(text, true)},
			{MentionsVague, VagueWords.MayMention(text, false)},
			{MentionsCue, CueWords.MayMention(text, false)},
		} {
			if tt.flag == MentionsCue && m&MentionsVague == 0 {
				continue // asked only of sentences with a vague word
			}
			if got := m&tt.flag != 0; got != tt.want {
				t.Errorf("Mentions(%q) flag %d = %t, want %t", text, tt.flag, got, tt.want)
			}
		}
	}
	if seen != MentionsFigure|MentionsVague|MentionsCue {
		t.Errorf("flags seen %b: some flag is never set", seen)
	}
}

// TestSentenceMentionsCited: a sentence with a citation of its own (a
// link, a footnote) is flagged MentionsCited alone, unread; the others
// carry what Mentions finds in them.
func TestSentenceMentionsCited(t *testing.T) {
	src := "A [survey](https://example.com/s) found 40 percent. Experts say 12 more. " +
		"Many believe it.[^1] Others did 30.\n\n[^1]: A note.\n"
	doc, err := lint.Parse("post.md", []byte(src), lint.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	b := doc.Blocks[0]
	all := MentionsAnalysis.Run(doc)
	got := SentenceMentions(all, b)
	want := []uint8{MentionsCited, MentionsFigure | MentionsVague | MentionsCue, MentionsCited, MentionsFigure}
	if len(got) != len(want) {
		t.Fatalf("%d sentences, want %d: %v", len(got), len(want), got)
	}
	for si, w := range want {
		if got[si] != w {
			t.Errorf("sentence %d %q: flags %b, want %b", si, b.Text[b.Sentences[si].Start:b.Sentences[si].End], got[si], w)
		}
		if s := b.Sentences[si]; w != MentionsCited && Mentions(b.Text[s.Start:s.End]) != w {
			t.Errorf("sentence %d: Mentions disagrees with SentenceMentions", si)
		}
	}
	if again := SentenceMentions(all, b); &again[0] != &got[0] {
		t.Error("a block's flags are worked out twice")
	}
}
