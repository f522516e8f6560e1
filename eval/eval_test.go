package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFile writes a fixture file, creating its folder.
func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// miniPolnear writes a two-article PolNeAR dev split of our own words.
// Offsets in the .ann files count code points.
func miniPolnear(t *testing.T) string {
	root := t.TempDir()
	text := "\"Nobody expected the turnout to be this high.\"\n" + // no attribution
		"\"We will win the state by a mile,\" Ruiz said.\n" + // attributed; flagged once cut
		"Lopez thinks \"the whole thing is a big show.\"\n" + // a belief: not scored
		"It was \"a sham.\"\n" // under four words
	writeFile(t, filepath.Join(root, "data/dev/text/one.txt"), text)
	writeFile(t, filepath.Join(root, "data/dev/attributions/one_ab12.ann"),
		"T1\tContent 48 79\tWe will win the state by a mile\n"+
			"T2\tSource 82 86\tRuiz\nT3\tCue 87 91\tsaid\nT4\tAttribution 87 91\tsaid\n"+
			"E1\tAttribution:T4 Source:T2 Cue:T3 Content:T1\n"+
			"T5\tSource 93 98\tLopez\nT6\tCue 99 105\tthinks\n"+
			"T7\tContent 107 136\tthe whole thing is a big show\nT8\tAttribution 99 105\tthinks\n"+
			"E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n")
	// A quotation whose speaker's cue is only in the paragraph before.
	two := "Ruiz said the plan was dead.\n\n“Everything about this plan is wrong.”\n"
	writeFile(t, filepath.Join(root, "data/dev/text/two.txt"), two)
	writeFile(t, filepath.Join(root, "data/dev/attributions/two_ab12.ann"),
		"T1\tSource 0 4\tRuiz\nT2\tCue 5 9\tsaid\nT3\tContent 31 66\tEverything about this plan is wrong\n"+
			"T4\tAttribution 5 9\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n")
	// A test split that must never be read.
	writeFile(t, filepath.Join(root, "data/test/text/secret.txt"), "\"Never read this quotation at all.\"\n")
	return root
}

func TestRunPolnearQuotesEndToEnd(t *testing.T) {
	root := miniPolnear(t)
	t.Setenv("CITELINT_POLNEAR", root)
	c, err := NewChecker()
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(c, "polnear:dev", []string{UnattributedQuote})
	if err != nil {
		t.Fatal(err)
	}
	if res.Figures != nil || res.QuoteDocs != 2 {
		t.Fatalf("figures %v, documents %d", res.Figures, res.QuoteDocs)
	}
	q := res.Quotes
	if q.Count != [numClasses]int{1, 1, 1, 1, 1} || q.Flagged[Attributed] != 0 || q.Flagged[Unattributed] != 1 ||
		q.Flagged[OtherParagraph] != 1 || q.Stray != 0 {
		t.Errorf("natural: count %v flagged %v stray %d", q.Count, q.Flagged, q.Stray)
	}
	r := res.QuotesRemoved
	if r.Count[Unattributed] != 1 || r.Flagged[Unattributed] != 1 {
		t.Errorf("removed: count %v flagged %v", r.Count, r.Flagged)
	}
	if r := res.QuotesRemovedAll; r.Count[Unattributed] != 1 || r.Flagged[Unattributed] != 1 {
		t.Errorf("every attribution removed: count %v flagged %v", r.Count, r.Flagged)
	}
	var out bytes.Buffer
	Print(&out, res, false)
	for _, line := range []string{
		"== polnear:dev ==",
		"unattributed-quote on PolNeAR gold attributions (2 documents)",
		"unattributed-quote 4+ words, speech/report cue 1 0 0.000 false-flag rate",
		"unattributed-quote 4+ words, no attribution 1 1 1.000 recall",
		"unattributed-quote 4+ words, speaker only in another paragraph 1 1 1.000 (not scored; CLAIMS: flag)",
		"unattributed-quote attribution removed 1 1 1.000 recall",
		"unattributed-quote every attribution of the paragraph removed 1 1 1.000 recall",
	} {
		// Columns are aligned with spaces: compare words.
		if !strings.Contains(strings.Join(strings.Fields(out.String()), " "), line) {
			t.Errorf("output lacks %q:\n%s", line, out.String())
		}
	}
}

func TestVerifyRefusesChangedText(t *testing.T) {
	src := []byte("We counted 2,400 volunteers.\n")
	lf, err := ParseLabelFile("x.json", []byte(`{"corpus":"digitalgov","doc":"x.md","split":"tune",
		"sha256":"0000000000000000000000000000000000000000000000000000000000000000",
		"figures":[{"start":11,"end":27,"text":"2,400 volunteers","claim":true,"level":"warning","sourced":false,"why":"count"}],
		"quotations":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	err = lf.Verify(src)
	want := "label file x.json was made for another text of x.md (sha256 0000000000000000000000000000000000000000000000000000000000000000, the file read has 175fd6c29d5805970d27fded8d340e4d9a1e2eef3af12818dd9e12fb318db158): refusing to score it; restore the labelled version of the document"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	lf.SHA256 = "175fd6c29d5805970d27fded8d340e4d9a1e2eef3af12818dd9e12fb318db158"
	if err := lf.Verify(src); err != nil {
		t.Errorf("matching text refused: %v", err)
	}
	lf.Figures[0].End = 20
	if err := lf.Verify(src); err == nil || !strings.Contains(err.Error(), `figure "2,400 volunteers" at 11-20 does not match x.md`) {
		t.Errorf("shifted figure: %v", err)
	}
	if _, err := ParseLabelFile("y.json", []byte(`{"sha256":"ab"}`)); err == nil || err.Error() != `label file y.json: sha256 "ab" is not a hex digest` {
		t.Errorf("short digest: %v", err)
	}
}

func TestCommittedLabelsLoad(t *testing.T) {
	// Counts from labels/README.md: documents and quotations per split.
	for _, c := range []struct {
		corpus, split   string
		docs, quotes    int
		figures, claims int
	}{
		{"digitalgov", "tune", 24, 39, 231, 62},
		{"digitalgov", "heldout", 24, 35, 215, 53},
		{"polnear", "train", 10, 0, 172, 60},
		{"polnear", "dev", 10, 0, 100, 25},
		{"digitalgov", "heldout2", 20, 61, 198, 45},
		{"polnear", "dev2", 10, 0, 120, 59},
		{"digitalgov", "heldout3", 20, 46, 146, 34},
		{"polnear", "dev3", 10, 0, 187, 68},
		{"18f", "heldout", 20, 123, 330, 47},
		{"digitalgov", "heldout4", 20, 44, 97, 17},
		{"polnear", "dev4", 10, 0, 117, 35},
		{"18f", "heldout2", 20, 52, 191, 9},
		{"digitalgov", "heldout5", 20, 66, 204, 48},
		{"polnear", "dev5", 10, 0, 120, 28},
		{"18f", "heldout3", 20, 56, 243, 22},
		{"digitalgov", "heldout6", 30, 52, 269, 62},
		{"digitalgov", "heldout7", 30, 74, 388, 57},
		{"polnear", "dev6", 14, 0, 260, 70},
		{"polnear", "dev7", 20, 0, 318, 96},
		{"18f", "heldout4", 30, 86, 322, 45},
		{"18f", "heldout5", 30, 162, 486, 45},
		{"digitalgov", "heldout8", 30, 68, 287, 60},
		{"18f", "heldout6", 30, 195, 480, 58},
		{"polnear", "train2", 24, 0, 289, 86},
		{"polnear", "train3", 24, 0, 311, 99},
		{"digitalgov", "tune2", 24, 64, 178, 43},
		{"polnear", "train4", 12, 0, 175, 50},
		{"digitalgov", "heldout9", 12, 29, 112, 24},
		{"digitalgov", "tune3", 12, 47, 134, 24},
		{"18f", "tune", 12, 61, 264, 19},
		{"digitalgov", "heldout10", 12, 22, 86, 13},
		{"18f", "heldout7", 12, 37, 192, 33},
		{"polnear", "train5", 12, 0, 136, 65},
		{"digitalgov", "heldout11", 12, 27, 91, 21},
		{"18f", "heldout8", 12, 35, 165, 24},
		{"polnear", "train6", 12, 0, 194, 86},
	} {
		lfs, err := LabelSets(c.corpus, c.split)
		if err != nil {
			t.Fatal(err)
		}
		quotes, figures, claims := 0, 0, 0
		for _, lf := range lfs {
			quotes += len(lf.Quotations)
			figures += len(lf.Figures)
			for _, f := range lf.Figures {
				if f.Claim {
					claims++
				}
			}
		}
		if len(lfs) != c.docs || quotes != c.quotes || figures != c.figures || claims != c.claims {
			t.Errorf("%s:%s: %d documents, %d quotations, %d figures, %d claims; want %d, %d, %d, %d",
				c.corpus, c.split, len(lfs), quotes, figures, claims, c.docs, c.quotes, c.figures, c.claims)
		}
	}
}

// TestRealSetsEndToEnd runs the harness on every set when the corpora are
// present (CI has neither): the counts checked come from the labels and
// the gold annotations, not from the rules, so rule changes do not break it.
func TestRealSetsEndToEnd(t *testing.T) {
	c, err := NewChecker()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		set                   string
		positives, warnings   int
		attributed, unattrib  int
		figureDocs, quoteDocs int
		needsCorpus           func() (string, error)
	}{
		{"digitalgov:tune", 34, 23, 10, 3, 24, 24, DigitalgovDir},
		{"digitalgov:heldout", 48, 25, 6, 1, 24, 24, DigitalgovDir},
		{"polnear:dev", 18, 12, 666, 28, 10, 84, PolnearDir}, // 16 and 10 as labelled, plus two figures sourced only across paragraphs (Figure.CrossParagraph)
	} {
		dir, err := want.needsCorpus()
		if err == nil {
			_, err = os.Stat(dir)
		}
		if err != nil {
			t.Logf("%s skipped: corpus absent (%v); see eval/README.md", want.set, err)
			continue
		}
		res, err := Run(c, want.set, nil)
		if err != nil {
			t.Fatalf("%s: %v", want.set, err)
		}
		got := [...]int{res.Figures.Positives, res.FiguresWarning.Positives, res.Quotes.Count[Attributed], res.Quotes.Count[Unattributed], res.FigureDocs, res.QuoteDocs}
		exp := [...]int{want.positives, want.warnings, want.attributed, want.unattrib, want.figureDocs, want.quoteDocs}
		if got != exp {
			t.Errorf("%s: positives, warning positives, attributed, unattributed, figure documents, quote documents = %v, want %v", want.set, got, exp)
		}
		s := res.Figures
		if s.TP+s.FN < s.Positives-s.FN || s.TP < 0 || s.FP < s.Unlabelled {
			t.Errorf("%s: inconsistent figure score %+v", want.set, s)
		}
	}
}
