package check

import (
	"github.com/citelint/citelint/report"
	"github.com/citelint/citelint/rules"
)

// RuleDocURL is where the documentation of rule id is published: the help
// link of SARIF output and of an editor's diagnostics.
func RuleDocURL(id string) string {
	return report.InformationURI + "/blob/main/" + rules.DocPath(id)
}
