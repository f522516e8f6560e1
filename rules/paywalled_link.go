package rules

import (
	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
)

// PaywalledLink reports links to pages behind a paywall or a login. Strong
// evidence about the page (HTTP 402 or 401, schema.org isAccessibleForFree
// false, a locked or metered content tier, a platform's paywall markup) is
// reported at the rule's severity; weak evidence about the site (a paywall
// vendor's script, the paywalled-domains list) at info.
var PaywalledLink = &lint.Rule{
	ID:       "paywalled-link",
	Summary:  summary("paywalled-link"),
	Doc:      doc("paywalled-link"),
	Severity: lint.Warning,
	Network:  true,
	Requires: []lint.Requirement{linksAnalysis},
	Run: func(p *lint.Pass) {
		facts := factsOf(p)
		for _, l := range links(p) {
			r, ok := facts.result(l)
			if !ok || r.Verdict != linkcheck.Paywalled {
				continue
			}
			d := lint.Diagnostic{
				Start:      l.start,
				End:        l.end,
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
