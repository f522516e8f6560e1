// Package unverifiablelink holds the unverifiable-link rule; doc.md beside it is its documentation
// (citelint explain unverifiable-link) and testdata/ its fixtures.
package unverifiablelink

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

// Rule (unverifiable-link) reports links the checker could not judge: servers that
// refuse automated clients (403 with bot-protection signs, LinkedIn's 999),
// rate limits or server errors that outlasted the retries, timeouts, TLS
// errors, and addresses the address guard would not connect to. Its
// default severity is info so that it never fails a CI run by default.
var Rule = &lint.Rule{
	ID:       "unverifiable-link",
	Summary:  ruledoc.Summary(doc),
	Doc:      doc,
	Severity: lint.Info,
	Network:  true,
	Requires: []lint.Requirement{linkrule.LinksAnalysis},
	Run: func(p *lint.Pass) {
		facts := linkrule.FactsOf(p)
		for _, l := range linkrule.Links(p) {
			r, ok := facts.Result(l)
			switch {
			case !ok:
			case r.Verdict == linkcheck.Unverifiable:
				p.Report(lint.Diagnostic{
					Start:      l.Start,
					End:        l.End,
					Message:    "could not verify: " + r.Reason,
					Suggestion: "open the link in a browser; if it works, list its status under links.accept or its address under links.exclude",
				})
			case r.Verdict == linkcheck.Skipped && r.Refused:
				p.Report(lint.Diagnostic{
					Start:      l.Start,
					End:        l.End,
					Message:    "not checked: " + r.Reason,
					Suggestion: "readers cannot reach a private address either; if the link is meant for a local network, pass --allow-private or set links.allow-private: true",
				})
			}
		}
	},
}
