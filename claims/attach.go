package claims

import (
	"cmp"
	"slices"
	"strings"

	"github.com/citelint/citelint/lint"
)

// MaxText bounds Claim.Text, in characters (code points): a quotation can
// be a whole blockquote, and the worksheet wants a cell, not a page.
const MaxText = 300

// Cut returns text cut to MaxText characters, with "…" when cut, and with
// line breaks turned into spaces so that a row stays one line.
func Cut(text string) string {
	n := 0
	for i := range text {
		if n == MaxText {
			text = text[:i] + "…"
			break
		}
		n++
	}
	return strings.Join(strings.Fields(text), " ")
}

// Attach attaches each finding of the file to exactly one row: the
// narrowest figure, quotation or link whose span holds the finding's
// span; else, for a vague-source finding, the first figure reported
// unsourced for that vague source in the same sentence; else a new row of
// Kind Other and Status Finding. src is the file as read, for the Other
// rows' Text. Rows end sorted by start, end and kind.
func (f *File) Attach(diags []lint.Diagnostic, src []byte) {
	n := len(f.Claims)
	holder := holders(f.Claims[:n], diags)
	vague := vagueSentences(f.Claims[:n])
	for k, d := range diags {
		best := holder[k]
		if best < 0 && d.Rule == vagueSourceRule {
			best = vague.at(f.Claims, d)
		}
		if best >= 0 {
			c := &f.Claims[best]
			c.Findings = append(c.Findings, d)
			if sourceCheckRules[d.Rule] && d.Severity >= lint.Warning && (c.Kind == Figure || c.Kind == Quotation) {
				c.Status = NotInSource
			}
			continue
		}
		var text string
		if d.Start <= d.End && d.End <= len(src) {
			text = Cut(string(src[d.Start:d.End]))
		}
		f.Claims = append(f.Claims, Claim{
			Path: d.Path, Kind: Other, Start: d.Start, End: d.End, Pos: d.Pos, EndPos: d.EndPos,
			Text: text, Sentence: d.Excerpt, SentenceStart: d.Start, SentenceEnd: d.End,
			Source: Source{Kind: SourceNone}, Status: Finding, Findings: []lint.Diagnostic{d},
		})
	}
	Sort(f.Claims)
}

// holders returns, for each finding, the index of the narrowest row of cs
// whose span holds the finding's span (the first such row of cs when two
// are as narrow), or -1; a too-many-findings finding has none. Rows and
// findings are swept together by start, keeping only the rows still open
// at the finding's start, so a file's time grows with its rows and
// findings times how deeply rows nest, not with their product (10,000
// findings over a line of 400,000 figures took most of a minute).
func holders(cs []Claim, diags []lint.Diagnostic) []int {
	best := make([]int, len(diags))
	order := make([]int, len(diags))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(diags[a].Start, diags[b].Start) })
	rows := make([]int, len(cs))
	for i := range rows {
		rows[i] = i
	}
	slices.SortStableFunc(rows, func(a, b int) int { return cmp.Compare(cs[a].Start, cs[b].Start) })
	var open []int // rows starting at or before the finding, not ended before it
	next := 0
	for _, k := range order {
		d := diags[k]
		best[k] = -1
		if d.Rule == lint.TooManyFindings {
			continue
		}
		for next < len(rows) && cs[rows[next]].Start <= d.Start {
			open = append(open, rows[next])
			next++
		}
		// A row that ends before this finding starts holds no finding
		// from here on.
		kept := open[:0]
		for _, i := range open {
			if cs[i].End >= d.Start {
				kept = append(kept, i)
			}
		}
		open = kept
		for _, i := range open {
			c := &cs[i]
			if d.End > c.End {
				continue
			}
			if b := best[k]; b < 0 || c.End-c.Start < cs[b].End-cs[b].Start || c.End-c.Start == cs[b].End-cs[b].Start && i < b {
				best[k] = i
			}
		}
	}
	return best
}

// sentenceRows finds, for a vague-source finding, the first figure
// reported unsourced for a vague source in the finding's sentence.
type sentenceRows []int

// vagueSentences returns the first figure row of cs with status
// VagueSource in each sentence, ordered by the sentence's start.
func vagueSentences(cs []Claim) sentenceRows {
	var rows sentenceRows
	for i, c := range cs {
		if c.Kind == Figure && c.Status == VagueSource {
			rows = append(rows, i)
		}
	}
	span := func(i int) [2]int { return [2]int{cs[i].SentenceStart, cs[i].SentenceEnd} }
	// Stable: of one sentence's rows, the first in cs is kept.
	slices.SortStableFunc(rows, func(a, b int) int {
		return cmp.Or(cmp.Compare(span(a)[0], span(b)[0]), cmp.Compare(span(a)[1], span(b)[1]))
	})
	return slices.CompactFunc(rows, func(a, b int) bool { return span(a) == span(b) })
}

// at returns the row for finding d, or -1: the first row, in the order
// of cs, whose sentence holds d's span. Sentences do not overlap, so the
// candidates are the rows whose sentence starts last at or before d.
func (rows sentenceRows) at(cs []Claim, d lint.Diagnostic) int {
	n, _ := slices.BinarySearchFunc(rows, d.Start, func(i, start int) int {
		if cs[i].SentenceStart <= start {
			return -1
		}
		return 1
	})
	best := -1
	for j := n - 1; j >= 0; j-- {
		c := &cs[rows[j]]
		if j < n-1 && c.SentenceStart != cs[rows[n-1]].SentenceStart {
			break
		}
		if d.End <= c.SentenceEnd && (best < 0 || rows[j] < best) {
			best = rows[j]
		}
	}
	return best
}

// sourceCheckRules are the rules whose warning on a figure or quotation
// says its cited source does not contain it (their info findings say the
// source could not be read, which changes no status).
var sourceCheckRules = map[string]bool{"unsupported-figure": true, "misquoted": true}

// vagueSourceRule is the ID of the rule whose findings may belong to a
// figure's row rather than their own.
const vagueSourceRule = "vague-source"

// Keep removes the findings that keep rejects (a baseline or a
// --changed-since filter left them out of the run), and the Other rows
// left with none: the worksheet shows what the run reports, no more.
func (f *File) Keep(keep func(lint.Diagnostic) bool) {
	out := f.Claims[:0]
	for _, c := range f.Claims {
		c.Findings = slices.DeleteFunc(c.Findings, func(d lint.Diagnostic) bool { return !keep(d) })
		if len(c.Findings) == 0 {
			c.Findings = nil
			if c.Kind == Other {
				continue
			}
		}
		out = append(out, c)
	}
	clear(f.Claims[len(out):])
	f.Claims = out
}

// Sort sorts rows by start, end (the wider first, as it holds the
// narrower), kind and text.
func Sort(cs []Claim) {
	slices.SortStableFunc(cs, func(a, b Claim) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Text, b.Text))
	})
}
