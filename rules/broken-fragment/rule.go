// Package brokenfragment holds the broken-fragment rule: its documentation
// is doc.md beside it (citelint explain broken-fragment), its fixtures are
// in testdata/.
package brokenfragment

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/linkrule"
	"github.com/citelint/citelint/rules/internal/ruledoc"
)

// doc is the rule's documentation, doc.md beside this file; its first
// line is the summary.
//
//go:embed doc.md
var doc string

// Rule (broken-fragment) reports links whose #fragment names no anchor on
// the page: for web pages, no element with that id or name; for the document
// itself and for relative links to Markdown files, no heading with that
// GitHub slug (and no HTML id or name). Fragments within the repository are
// checked without the network.
var Rule = &lint.Rule{
	ID:       "broken-fragment",
	Summary:  ruledoc.Summary(doc),
	DocFunc:  ruledoc.Lazy(doc),
	Severity: lint.Warning,
	Network:  true,
	Requires: []lint.Requirement{linkrule.LinksAnalysis},
	Run: func(p *lint.Pass) {
		facts := linkrule.FactsOf(p)
		var own map[string]bool // the document's anchors, when needed
		for _, l := range linkrule.Links(p) {
			switch l.Kind {
			case linkrule.FragmentLink:
				if own == nil {
					own = linkrule.DocumentAnchors(p.Doc)
				}
				if !linkrule.HasFragment(own, l.Fragment) {
					reportFragment(p, l, fmt.Sprintf("no heading or anchor %q in this document", "#"+l.Fragment), own)
				}
			case linkrule.LocalLink:
				if l.Fragment == "" || facts.Files.Missing(p, l.File) {
					continue // a missing file is dead-link's
				}
				if anchors := facts.Files.Anchors(p, l.File); anchors != nil && !linkrule.HasFragment(anchors, l.Fragment) {
					reportFragment(p, l, fmt.Sprintf("no heading or anchor %q in %s", "#"+l.Fragment, l.File), anchors)
				}
			case linkrule.WebLink:
				r, ok := facts.Result(l)
				if !ok || (r.Verdict != linkcheck.OK && r.Verdict != linkcheck.Redirected) {
					continue
				}
				if _, fragment, _ := strings.Cut(l.Target, "#"); fragment != "" {
					if found, known := r.HasAnchor(fragment); known && !found {
						reportFragment(p, l, fmt.Sprintf("the page has no element with id or name %q", fragment), nil)
					}
				}
			}
		}
	},
}

// reportFragment reports a missing anchor, suggesting the closest one
// there is among anchors (nil when they are not known). When exactly one
// anchor is that close, replacing the fragment with it is the fix.
func reportFragment(p *lint.Pass, l linkrule.Link, msg string, anchors map[string]bool) {
	d := lint.Diagnostic{
		Start:      l.Start,
		End:        l.End,
		Message:    msg,
		Suggestion: "link to an anchor that exists (a heading's anchor is its text in lowercase, punctuation removed, spaces as hyphens), or drop the fragment",
	}
	if closest := linkrule.ClosestAnchor(anchors, l.Fragment); closest != "" {
		d.Suggestion = fmt.Sprintf("did you mean #%s? Link to an anchor that exists, or drop the fragment", closest)
	}
	if only := linkrule.OnlyCloseAnchor(anchors, l.Fragment); only != "" && linkrule.FitsDestination(only) {
		// The fragment is replaced as written, after the destination's one
		// '#'; with more than one, which starts the fragment is unclear.
		dest := p.Doc.Source[l.Start:l.End]
		if bytes.Count(dest, []byte("#")) == 1 {
			hash := l.Start + bytes.IndexByte(dest, '#')
			d.Fix = []lint.Edit{{Start: hash + 1, End: l.End, New: only}}
		}
	}
	p.Report(d)
}
