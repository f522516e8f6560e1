package unattributedquote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
)

func TestUnattributedQuoteOptionsValidate(t *testing.T) {
	for _, o := range []Options{
		{MinWords: 0},
		{MinWords: 4, SpeechVerbs: []string{"grumbled loudly"}},
		{MinWords: 4, SpeechVerbs: []string{""}},
		{MinWords: 4, TitleCues: []string{" "}},
	} {
		if err := o.Validate(); err == nil {
			t.Errorf("Validate(%+v) = nil, want an error", o)
		}
	}
}

// TestUnattributedQuoteEvaluation measures the rule on news-style drafts
// in testdata/eval. After each paragraph (or
// blockquote) with quotes, a comment gives the truth of each outermost
// quote in order:
//
//	<!-- quotes: A U N C -->
//
// A is an attributed quotation, U an unattributed one, N quoted words that
// are not a quotation (a title, a term, a scare quote), C the continuation
// of a quotation from the paragraph before; B after a blockquote with no
// quote marks marks an unattributed block quotation, and b an attributed one.
func TestUnattributedQuoteEvaluation(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "eval", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no evaluation drafts: %v", err)
	}
	var attributed, attributedFlagged, unattributed, unattributedFlagged, other, otherFlagged int
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := lint.Parse(file, src, lint.Markdown)
		if err != nil {
			t.Fatal(err)
		}
		runner := &lint.Runner{Rules: []lint.ActiveRule{{Rule: Rule, Severity: lint.Warning, Options: Rule.DefaultOptions()}}}
		diags, err := runner.Check(doc)
		if err != nil {
			t.Fatal(err)
		}
		flagged := map[int]bool{}
		for _, d := range diags {
			flagged[d.Start] = true
		}
		used := 0
		for _, c := range doc.Comments {
			labels, ok := strings.CutPrefix(strings.TrimSpace(c.Text), "quotes:")
			if !ok {
				continue
			}
			starts, blockStart := truthTargets(doc, c.Start)
			ls := strings.Fields(labels)
			line := doc.Lines.LineOf(c.Start) + 1
			if len(ls) == 1 && (ls[0] == "B" || ls[0] == "b") {
				if blockStart < 0 {
					t.Errorf("%s:%d: B label but no blockquote before it", file, line)
					continue
				}
				starts = []int{blockStart}
			} else if len(ls) != len(starts) {
				t.Errorf("%s:%d: %d labels for %d quotes", file, line, len(ls), len(starts))
				continue
			}
			for i, l := range ls {
				hit := flagged[starts[i]]
				if hit {
					used++
				}
				switch l {
				case "A", "b":
					attributed++
					if hit {
						attributedFlagged++
						t.Logf("%s:%d: attributed quotation flagged", file, doc.Lines.LineOf(starts[i])+1)
					}
				case "U", "B":
					unattributed++
					if hit {
						unattributedFlagged++
					} else {
						t.Logf("%s:%d: unattributed quotation missed", file, doc.Lines.LineOf(starts[i])+1)
					}
				case "N":
					other++
					if hit {
						otherFlagged++
						t.Logf("%s:%d: non-quotation flagged", file, doc.Lines.LineOf(starts[i])+1)
					}
				case "C":
					if hit {
						t.Errorf("%s:%d: continuation reported on its own", file, line)
					}
				default:
					t.Errorf("%s:%d: unknown label %q", file, line, l)
				}
			}
		}
		if used != len(diags) {
			t.Errorf("%s: %d diagnostics, %d of them on labelled quotes", file, len(diags), used)
		}
	}
	total := attributed + unattributed
	if total < 150 || unattributed*4 < total || unattributed*5 > total*2 {
		t.Errorf("evaluation has %d quotations, %d unattributed: want at least 150, about a third unattributed", total, unattributed)
	}
	falseRate := float64(attributedFlagged) / float64(attributed)
	recall := float64(unattributedFlagged) / float64(unattributed)
	t.Logf("attributed quotations flagged: %d of %d (%.1f%%)", attributedFlagged, attributed, 100*falseRate)
	t.Logf("unattributed quotations flagged: %d of %d (%.1f%%)", unattributedFlagged, unattributed, 100*recall)
	t.Logf("non-quotations (titles, terms) flagged: %d of %d", otherFlagged, other)
	if falseRate >= 0.03 {
		t.Errorf("%.1f%% of attributed quotations flagged, want under 3%%", 100*falseRate)
	}
	if recall < 0.90 {
		t.Errorf("%.1f%% of unattributed quotations flagged, want at least 90%%", 100*recall)
	}
}

// truthTargets returns the source offsets of the outermost quotes in the
// prose block that ends right before a truth comment at offset at, and the
// start of the blockquote ending there (or -1).
func truthTargets(doc *lint.Document, at int) ([]int, int) {
	var b *lint.Block
	for _, blk := range doc.Blocks {
		if blk.End <= at {
			b = blk
		}
	}
	blockStart := -1
	for _, c := range doc.Containers {
		if c.Kind == lint.Blockquote && c.End <= at && (b == nil || c.End >= b.End) {
			blockStart = c.Start
		}
	}
	var starts []int
	if b != nil {
		for _, q := range b.Quotes {
			if q.Depth == 0 {
				s, _ := b.SourceSpan(q.Start, q.End)
				starts = append(starts, s)
			}
		}
	}
	return starts, blockStart
}

// TestSpelledAcronym checks when quoted words are a term spelled out
// before its acronym: their initials are its letters in order, small
// words skipped only where the acronym leaves them out.
func TestSpelledAcronym(t *testing.T) {
	for text, want := range map[string]bool{
		`a "what you see is what you get" (WYSIWYG) editor`:      true,
		`the "statement of work for the harbour" (SOWH) first`:   true,
		`the "statement of work for the harbour" (SOWFTH) first`: true, // small words spelled too
		`the "Department of Harbour Safety" (DHS) wrote`:         true,
		`"we will not accept these terms at all" (NATO) said`:    false,
		`"what you see is what you get" (WYSIWY) editor`:         false, // a word left over
		`"what you see is what you get" (wysiwyg) editor`:        false, // not an acronym
		`"what you see is what you get" WYSIWYG editor`:          false, // no brackets
		`"what you see" (WYS`:                                    false, // never closed
	} {
		b := &lint.Block{Text: text}
		start := strings.IndexByte(text, '"')
		end := strings.IndexByte(text[start+1:], '"') + start + 2
		q := lint.Quote{Start: start, End: end}
		s, e := q.Inner(text)
		if got := spelledAcronym(b.Text, q, s, e); got != want {
			t.Errorf("spelledAcronym(%q) = %v, want %v", text, got, want)
		}
	}
}
