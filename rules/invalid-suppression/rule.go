// Package invalidsuppression holds the invalid-suppression rule: its
// documentation is doc.md beside it (citelint explain invalid-suppression),
// its fixtures are in testdata/.
package invalidsuppression

import (
	_ "embed"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/ruledoc"
)

// doc is the rule's documentation, doc.md beside this file; its first
// line is the summary.
//
//go:embed doc.md
var doc string

// Rule (invalid-suppression) reports suppression comments that name unknown
// rules or directives.
var Rule = &lint.Rule{
	ID:       "invalid-suppression",
	Summary:  ruledoc.Summary(doc),
	DocFunc:  ruledoc.Lazy(doc),
	Severity: lint.Warning,
	Run: func(p *lint.Pass) {
		for _, prob := range p.Suppressions.Problems {
			p.Report(lint.Diagnostic{Start: prob.Start, End: prob.End, Message: prob.Message})
		}
	},
}
