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
	for _, d := range diags {
		best := -1
		if d.Rule != lint.TooManyFindings {
			for i := range f.Claims[:n] {
				c := &f.Claims[i]
				if c.Start <= d.Start && d.End <= c.End &&
					(best < 0 || c.End-c.Start < f.Claims[best].End-f.Claims[best].Start) {
					best = i
				}
			}
		}
		if best < 0 && d.Rule == vagueSourceRule {
			best = slices.IndexFunc(f.Claims[:n], func(c Claim) bool {
				return c.Kind == Figure && c.Status == VagueSource && c.SentenceStart <= d.Start && d.End <= c.SentenceEnd
			})
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
