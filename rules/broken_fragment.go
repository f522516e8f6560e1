package rules

import (
	"fmt"
	"strings"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
)

// BrokenFragment reports links whose #fragment names no anchor on the
// page: for web pages, no element with that id or name; for the document
// itself and for relative links to Markdown files, no heading with that
// GitHub slug (and no HTML id or name). Fragments within the repository
// are checked without the network.
var BrokenFragment = &lint.Rule{
	ID:       "broken-fragment",
	Summary:  summary("broken-fragment"),
	Doc:      doc("broken-fragment"),
	Severity: lint.Warning,
	Network:  true,
	Requires: []lint.Requirement{linksAnalysis},
	Run: func(p *lint.Pass) {
		facts := factsOf(p)
		var own map[string]bool // the document's anchors, when needed
		for _, l := range links(p) {
			switch l.kind {
			case fragmentLink:
				if own == nil {
					own = documentAnchors(p.Doc)
				}
				if !hasFragment(own, l.fragment) {
					reportFragment(p, l, fmt.Sprintf("no heading or anchor %q in this document", "#"+l.fragment), closestAnchor(own, l.fragment))
				}
			case localLink:
				if l.fragment == "" || facts.files.missing(p, l.file) {
					continue // a missing file is dead-link's
				}
				if anchors := facts.files.anchors(p, l.file); anchors != nil && !hasFragment(anchors, l.fragment) {
					reportFragment(p, l, fmt.Sprintf("no heading or anchor %q in %s", "#"+l.fragment, l.file), closestAnchor(anchors, l.fragment))
				}
			case webLink:
				r, ok := facts.result(l)
				if !ok || (r.Verdict != linkcheck.OK && r.Verdict != linkcheck.Redirected) {
					continue
				}
				if _, fragment, _ := strings.Cut(l.target, "#"); fragment != "" {
					if found, known := r.HasAnchor(fragment); known && !found {
						reportFragment(p, l, fmt.Sprintf("the page has no element with id or name %q", fragment), "")
					}
				}
			}
		}
	},
}

// reportFragment reports a missing anchor, suggesting the closest one
// there is when it is known.
func reportFragment(p *lint.Pass, l link, msg, closest string) {
	suggestion := "link to an anchor that exists (a heading's anchor is its text in lowercase, punctuation removed, spaces as hyphens), or drop the fragment"
	if closest != "" {
		suggestion = fmt.Sprintf("did you mean #%s? Link to an anchor that exists, or drop the fragment", closest)
	}
	p.Report(lint.Diagnostic{Start: l.start, End: l.end, Message: msg, Suggestion: suggestion})
}
