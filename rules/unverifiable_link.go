package rules

import (
	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
)

// UnverifiableLink reports links the checker could not judge: servers that
// refuse automated clients (403 with bot-protection signs, LinkedIn's 999),
// rate limits or server errors that outlasted the retries, timeouts, TLS
// errors, and addresses the address guard would not connect to. Its
// default severity is info so that it never fails a CI run by default.
var UnverifiableLink = &lint.Rule{
	ID:       "unverifiable-link",
	Summary:  summary("unverifiable-link"),
	Doc:      doc("unverifiable-link"),
	Severity: lint.Info,
	Network:  true,
	Requires: []lint.Requirement{linksAnalysis},
	Run: func(p *lint.Pass) {
		facts := factsOf(p)
		for _, l := range links(p) {
			r, ok := facts.result(l)
			switch {
			case !ok:
			case r.Verdict == linkcheck.Unverifiable:
				p.Report(lint.Diagnostic{
					Start:      l.start,
					End:        l.end,
					Message:    "could not verify: " + r.Reason,
					Suggestion: "open the link in a browser; if it works, list its status under links.accept or its address under links.exclude",
				})
			case r.Verdict == linkcheck.Skipped && r.Refused:
				p.Report(lint.Diagnostic{
					Start:      l.start,
					End:        l.end,
					Message:    "not checked: " + r.Reason,
					Suggestion: "readers cannot reach a private address either; if the link is meant for a local network, pass --allow-private or set links.allow-private: true",
				})
			}
		}
	},
}
