// Package redirectedlink holds the redirected-link rule: its documentation
// is doc.md beside it (citelint explain redirected-link), its fixtures are
// in testdata/.
package redirectedlink

import (
	_ "embed"
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

// Rule (redirected-link) reports links that a permanent redirect (301, 308)
// sends elsewhere, and offers the new address as a fix. Temporary redirects
// (302, 303, 307) are fine.
var Rule = &lint.Rule{
	ID:       "redirected-link",
	Summary:  ruledoc.Summary(doc),
	DocFunc:  ruledoc.Lazy(doc),
	Severity: lint.Info,
	Network:  true,
	Requires: []lint.Requirement{linkrule.LinksAnalysis},
	Run: func(p *lint.Pass) {
		for l, r := range linkrule.Results(p) {
			if r.MovedTo == "" {
				continue
			}
			switch r.Verdict {
			case linkcheck.Redirected, linkcheck.Paywalled, linkcheck.OK:
			default:
				continue // a chain ending in a dead page is dead-link's
			}
			moved := r.MovedTo
			if _, fragment, ok := strings.Cut(l.Target, "#"); ok {
				moved += "#" + fragment
			}
			d := lint.Diagnostic{
				Start:      l.Start,
				End:        l.End,
				Message:    "permanently redirected to " + moved,
				Suggestion: "link to " + moved,
			}
			if linkrule.FitsDestination(moved) {
				d.Fix = []lint.Edit{{Start: l.Start, End: l.End, New: moved}}
			}
			p.Report(d)
		}
	},
}
