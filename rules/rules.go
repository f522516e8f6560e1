// Package rules holds citelint's rules, one per file, each documented in
// docs/<id>.md. All lists them.
package rules

import (
	"embed"
	"strings"

	"github.com/citelint/citelint/lint"
)

//go:embed docs/*.md
var docs embed.FS

// doc returns the embedded documentation of a rule.
func doc(id string) string {
	b, err := docs.ReadFile("docs/" + id + ".md")
	if err != nil {
		panic("rules: no documentation for " + id) // caught by TestEveryRuleIsDocumented
	}
	return string(b)
}

// summary returns the first line of a rule's documentation without its
// heading mark: the one-line description.
func summary(id string) string {
	first, _, _ := strings.Cut(doc(id), "\n")
	return strings.TrimSpace(strings.TrimLeft(first, "#"))
}

// All returns every rule, in the order "citelint rules" lists them.
func All() []*lint.Rule {
	return []*lint.Rule{
		CitationNeededMarker,
		InvalidSuppression,
		UncitedNumber,
		VagueSource,
		UnattributedQuote,
		DeadLink,
		PaywalledLink,
		RedirectedLink,
		UnverifiableLink,
		BrokenFragment,
	}
}

// Known reports whether id names a rule.
func Known(id string) bool {
	for _, r := range All() {
		if r.ID == id {
			return true
		}
	}
	return false
}
