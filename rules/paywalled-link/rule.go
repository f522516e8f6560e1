// Package paywalledlink holds the paywalled-link rule: its documentation is
// doc.md beside it (citelint explain paywalled-link), its fixtures are in
// testdata/.
package paywalledlink

import (
	_ "embed"

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

// Rule (paywalled-link) reports links to pages behind a paywall or a login.
// Strong evidence about the page (HTTP 402 or 401, schema.org
// isAccessibleForFree false, a locked or metered content tier, a platform's
// paywall markup) is reported at the rule's severity; weak evidence about
// the site (a paywall vendor's script, the paywalled-domains list) at info.
var Rule = &lint.Rule{
	ID:       "paywalled-link",
	Summary:  ruledoc.Summary(doc),
	DocFunc:  ruledoc.Lazy(doc),
	Severity: lint.Warning,
	Network:  true,
	Requires: []lint.Requirement{linkrule.LinksAnalysis},
	Run: func(p *lint.Pass) {
		for l, r := range linkrule.Results(p) {
			if r.Verdict != linkcheck.Paywalled {
				continue
			}
			d := lint.Diagnostic{
				Start:      l.Start,
				End:        l.End,
				Message:    "behind a paywall: " + r.Reason,
				Suggestion: "cite a source readers can open if there is one, or tell readers the source is paywalled",
			}
			if !r.Strong {
				d.Severity = lint.Info
				d.Message = "may be behind a paywall: " + r.Reason
			}
			p.Report(d)
		}
	},
}
