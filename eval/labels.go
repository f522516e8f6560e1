package eval

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

//go:embed labels/digitalgov/*.json labels/polnear/*.json labels/18f/*.json
var labelFS embed.FS

// LabelFile is one labelled document, as written by a labeller following
// labels/GUIDE.md. Offsets are bytes into the document exactly as read.
type LabelFile struct {
	Corpus     string      `json:"corpus"`
	Doc        string      `json:"doc"`
	Split      string      `json:"split"`
	SHA256     string      `json:"sha256"`
	Labeller   string      `json:"labeller"`
	Figures    []Figure    `json:"figures"`
	Quotations []Quotation `json:"quotations"`
	// file is the label file's name, for messages.
	file string
}

// Figure is one labelled numeric expression.
type Figure struct {
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text"`
	Claim   bool    `json:"claim"`
	Level   *string `json:"level"`
	Sourced *bool   `json:"sourced"`
	Why     string  `json:"why"`
}

// Positive reports whether uncited-number should report the figure: a
// claim with no citation in reach. A claim a labeller marked sourced only
// by a pronoun or description pointing back to another paragraph (`why`
// says "cross-paragraph": "the poll found", with the poll named in the
// paragraph before) has none: the definition resolves them within the
// paragraph only (see CrossParagraph).
func (f Figure) Positive() bool {
	return f.Claim && f.Sourced != nil && (!*f.Sourced || f.CrossParagraph())
}

// CrossParagraph reports whether the label says its figure's source is
// named only in another paragraph. Two early news labellers marked such
// figures sourced, with "cross-paragraph" in `why`; the later ones, told to
// follow the definition literally, mark them unsourced with the same note.
// The scorer settles the difference by the definition rather than by
// editing the labels.
func (f Figure) CrossParagraph() bool { return strings.Contains(f.Why, "cross-paragraph") }

// Warning reports whether the label asks for a warning rather than info.
func (f Figure) Warning() bool { return f.Level == nil || *f.Level != "info" }

// Quotation is one labelled span between quotation marks.
type Quotation struct {
	Start        int    `json:"start"`
	End          int    `json:"end"`
	Text         string `json:"text"`
	NeedsSpeaker bool   `json:"needs_speaker"`
	Attributed   *bool  `json:"attributed"`
	Why          string `json:"why"`
}

// LabelSets loads the committed label files of a corpus and split
// ("digitalgov" tune or heldout, "polnear" train or dev), sorted by
// document.
func LabelSets(corpus, split string) ([]*LabelFile, error) {
	if corpus == "polnear" && split == "test" {
		return nil, errHeldOut
	}
	dir := path.Join("labels", corpus)
	entries, err := fs.ReadDir(labelFS, dir)
	if err != nil {
		return nil, fmt.Errorf("no labels for corpus %q: %w", corpus, err)
	}
	var out []*LabelFile
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		b, err := labelFS.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		lf, err := ParseLabelFile(e.Name(), b)
		if err != nil {
			return nil, err
		}
		if lf.Split == split {
			out = append(out, lf)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no label files for %s:%s", corpus, split)
	}
	slices.SortFunc(out, func(a, b *LabelFile) int { return strings.Compare(a.Doc, b.Doc) })
	return out, nil
}

// ParseLabelFile decodes one label file and checks that its spans are
// well formed.
func ParseLabelFile(name string, b []byte) (*LabelFile, error) {
	var lf LabelFile
	if err := json.Unmarshal(b, &lf); err != nil {
		return nil, fmt.Errorf("label file %s: %w", name, err)
	}
	lf.file = name
	if len(lf.SHA256) != 64 {
		return nil, fmt.Errorf("label file %s: sha256 %q is not a hex digest", name, lf.SHA256)
	}
	for _, f := range lf.Figures {
		if f.Start < 0 || f.End < f.Start {
			return nil, fmt.Errorf("label file %s: figure %q has span %d-%d", name, f.Text, f.Start, f.End)
		}
	}
	for _, q := range lf.Quotations {
		if q.Start < 0 || q.End < q.Start {
			return nil, fmt.Errorf("label file %s: quotation %q has span %d-%d", name, q.Text, q.Start, q.End)
		}
	}
	return &lf, nil
}

// Verify checks that src is the text the labels were made for, by its
// sha256 and by each figure's own bytes, so that a label set is never
// scored against a changed text.
func (lf *LabelFile) Verify(src []byte) error {
	sum := sha256.Sum256(src)
	if got := hex.EncodeToString(sum[:]); got != lf.SHA256 {
		return fmt.Errorf("label file %s was made for another text of %s (sha256 %s, the file read has %s): refusing to score it; restore the labelled version of the document", lf.file, lf.Doc, lf.SHA256, got)
	}
	for _, f := range lf.Figures {
		if f.End > len(src) || string(src[f.Start:f.End]) != f.Text {
			return fmt.Errorf("label file %s: figure %q at %d-%d does not match %s", lf.file, f.Text, f.Start, f.End, lf.Doc)
		}
	}
	for _, q := range lf.Quotations {
		if q.End > len(src) || !strings.HasPrefix(string(src[q.Start:q.End]), q.Text) {
			return fmt.Errorf("label file %s: quotation %q at %d-%d does not match %s", lf.file, q.Text, q.Start, q.End, lf.Doc)
		}
	}
	return nil
}
