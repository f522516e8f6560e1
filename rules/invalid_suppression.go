package rules

import "github.com/citelint/citelint/lint"

// InvalidSuppression reports suppression comments that name unknown rules
// or directives.
var InvalidSuppression = &lint.Rule{
	ID:       "invalid-suppression",
	Summary:  summary("invalid-suppression"),
	Doc:      doc("invalid-suppression"),
	Severity: lint.Warning,
	Run: func(p *lint.Pass) {
		for _, prob := range p.Suppressions.Problems {
			p.Report(lint.Diagnostic{Start: prob.Start, End: prob.End, Message: prob.Message})
		}
	},
}
