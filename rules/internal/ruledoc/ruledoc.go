// Package ruledoc reads what the rules need from their documentation: each
// rule embeds its doc.md, whose first line is the one-line summary.
package ruledoc

import "strings"

// Summary returns the first line of a rule's documentation without its
// heading mark: the one-line description "citelint rules" lists.
func Summary(doc string) string {
	first, _, _ := strings.Cut(doc, "\n")
	return strings.TrimSpace(strings.TrimLeft(first, "#"))
}
