package eval

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPolnearRefusesTest(t *testing.T) {
	root := t.TempDir()
	// Even when a test split is present, nothing reads it.
	for _, d := range []string{"data/test/text", "data/test/attributions"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, rel := range []string{"data/test", "data/test/text/a.txt", "data/dev/../test/text/a.txt", "./data/test/attributions/"} {
		if _, err := polnearPath(root, rel); !errors.Is(err, errHeldOut) {
			t.Errorf("polnearPath(%q) = %v, want the held-out error", rel, err)
		}
	}
	if _, err := polnearPath(root, "data/metadata.tsv"); err == nil || !strings.Contains(err.Error(), "outside data/train and data/dev") {
		t.Errorf("polnearPath(data/metadata.tsv) = %v", err)
	}
	if _, err := PolnearDocs(root, "test"); !errors.Is(err, errHeldOut) {
		t.Errorf("PolnearDocs(test) = %v", err)
	}
	if _, err := ReadPolnearDoc(root, "data/test/text/a.txt"); !errors.Is(err, errHeldOut) {
		t.Errorf("ReadPolnearDoc(test) = %v", err)
	}
	if _, err := LabelSets("polnear", "test"); !errors.Is(err, errHeldOut) {
		t.Errorf("LabelSets(polnear, test) = %v", err)
	}
	if _, err := Run(nil, "polnear:test", nil); !errors.Is(err, errHeldOut) {
		t.Errorf("Run(polnear:test) = %v", err)
	}
	if got := errHeldOut.Error(); got != "PolNeAR's data/test is held out for independent evaluation: the harness never opens, lists or scores it; use train or dev" {
		t.Errorf("message = %q", got)
	}
}

func TestNormaliseText(t *testing.T) {
	raw := []byte("''Go on,'' she said.\nNext ''one''.\n\nLast")
	text, m := normaliseText(raw)
	want := "“Go on,” she said.\n\nNext “one”.\n\nLast"
	if string(text) != want {
		t.Fatalf("text = %q, want %q", text, want)
	}
	if len(m) != len(raw)+1 || m[0] != 0 || m[len(raw)] != len(text) {
		t.Fatalf("map ends %d %d", m[0], m[len(raw)])
	}
	// "she" starts at raw 11 and at text 13 (“ and ” are 3 bytes each).
	if m[11] != 13 || string(text[m[11]:m[14]]) != "she" {
		t.Errorf("she maps to %d-%d", m[11], m[14])
	}
	// "Last" after the blank line kept as it was.
	at := strings.Index(string(raw), "Last")
	if string(text[m[at]:]) != "Last" {
		t.Errorf("Last maps to %q", text[m[at]:])
	}
}

func TestParseAnnCodePoints(t *testing.T) {
	// Offsets count code points: é and “ are 2 and 3 bytes.
	raw := []byte("José said “we won.” Then\n\nhe left")
	text, m := normaliseText(raw)
	ann := "T1\tSource 0 4\tJosé\nT2\tCue 5 9\tsaid\nT3\tContent 11 13;14 18\twe won.\n" +
		"T4\tAttribution 5 9\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
		"T5\tCue 26 28\the\nE2\tDiscard:T5\n#1\tAnnotatorNotes T1\tnote\n"
	as, err := parseAnn([]byte(ann), raw, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 {
		t.Fatalf("got %d attributions, want 1 (a Discard event is not one)", len(as))
	}
	a := as[0]
	if got := string(text[a.Source[0].Start:a.Source[0].End]); got != "José" {
		t.Errorf("source = %q", got)
	}
	if got := string(text[a.Cue[0].Start:a.Cue[0].End]); got != "said" || a.CueText != "said" {
		t.Errorf("cue = %q (%q)", got, a.CueText)
	}
	if len(a.Content) != 2 || string(text[a.Content[0].Start:a.Content[1].End]) != "we won." {
		t.Errorf("content = %+v", a.Content)
	}
	if _, err := parseAnn([]byte("T1\tCue 5 99\tsaid\n"), raw, m); err == nil || !strings.Contains(err.Error(), "outside the text") {
		t.Errorf("span past the end: %v", err)
	}
}

func TestFindQuotes(t *testing.T) {
	text := []byte(`He said "this is four words," then “two words” and "open to the end`)
	qs := FindQuotes(text, Span{0, len(text)})
	var got []string
	for _, q := range qs {
		got = append(got, string(text[q.Inner.Start:q.Inner.End])+"|"+strings.Repeat("w", q.Words)+"|"+map[bool]string{true: "closed", false: "open"}[q.Closed])
	}
	want := []string{"this is four words|wwww|closed", "two words|ww|closed", "open to the end|wwww|open"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("quotes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParagraphs(t *testing.T) {
	text := []byte("One.\n\nTwo a.\nTwo b.\n\n\n  \nThree\n")
	var got []string
	for _, p := range Paragraphs(text) {
		got = append(got, string(text[p.Start:p.End]))
	}
	if strings.Join(got, "|") != "One.|Two a.\nTwo b.|Three" {
		t.Errorf("paragraphs = %q", got)
	}
}

func TestCovered(t *testing.T) {
	text := []byte("ab. cd ef")
	if !covered(text, Span{0, 9}, []Span{{0, 2}, {4, 9}}) {
		t.Error("a gap of punctuation and space should not matter")
	}
	if covered(text, Span{0, 9}, []Span{{0, 2}, {5, 9}}) {
		t.Error("a word outside the spans should")
	}
}

func TestSpeechCue(t *testing.T) {
	for cue, want := range map[string]bool{
		"said": true, "said:": true, "according to": true, "told": true, "has argued": true,
		"tweeted": true, ":": true, "―": true, "admitted": true, "quipped": true, "referred to": true,
		"in a statement": true, "think": false, "wants": false, "believe": false, "seemed": false,
		"called for": true, "hopes": false,
	} {
		if got := SpeechCue(cue); got != want {
			t.Errorf("SpeechCue(%q) = %v, want %v", cue, got, want)
		}
	}
}
