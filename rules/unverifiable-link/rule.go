// Package unverifiablelink holds the unverifiable-link rule: its
// documentation is doc.md beside it (citelint explain unverifiable-link),
// its fixtures are in testdata/.
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

// Rule (unverifiable-link) reports links the checker could not judge:
// servers that refuse automated clients (403 with bot-protection signs,
// LinkedIn's 999), rate limits or server errors that outlasted the retries,
// timeouts, TLS errors, and addresses the address guard would not connect
// to. Its default severity is info so that it never fails a CI run by
// default.
var Rule = &lint.Rule{
	ID:       "unverifiable-link",
	Summary:  ruledoc.Summary(doc),
	DocFunc:  ruledoc.Lazy(doc),
	Severity: lint.Info,
	Network:  true,
	Requires: []lint.Requirement{linkrule.LinksAnalysis},
	Run: func(p *lint.Pass) {
		for l, r := range linkrule.Results(p) {
			switch {
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
