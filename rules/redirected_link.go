package rules

import (
	"strings"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
)

// RedirectedLink reports links that a permanent redirect (301, 308) sends
// elsewhere, and offers the new address as a fix. Temporary redirects
// (302, 303, 307) are fine.
var RedirectedLink = &lint.Rule{
	ID:       "redirected-link",
	Summary:  summary("redirected-link"),
	Doc:      doc("redirected-link"),
	Severity: lint.Info,
	Network:  true,
	Requires: []lint.Requirement{linksAnalysis},
	Run: func(p *lint.Pass) {
		facts := factsOf(p)
		for _, l := range links(p) {
			r, ok := facts.result(l)
			if !ok || r.MovedTo == "" {
				continue
			}
			switch r.Verdict {
			case linkcheck.Redirected, linkcheck.Paywalled, linkcheck.OK:
			default:
				continue // a chain ending in a dead page is dead-link's
			}
			moved := r.MovedTo
			if _, fragment, ok := strings.Cut(l.target, "#"); ok {
				moved += "#" + fragment
			}
			d := lint.Diagnostic{
				Start:      l.start,
				End:        l.end,
				Message:    "permanently redirected to " + moved,
				Suggestion: "link to " + moved,
			}
			if fitsDestination(moved) {
				d.Fix = []lint.Edit{{Start: l.start, End: l.end, New: moved}}
			}
			p.Report(d)
		}
	},
}

// fitsDestination reports whether u can replace a link destination as is:
// white space, angle brackets, parentheses and backslashes would need
// Markdown escaping that depends on how the destination was written.
func fitsDestination(u string) bool {
	return !strings.ContainsAny(u, " \t\n<>()\\")
}
