// Package rules is citelint's rule set: each rule lives in its own folder
// rules/<id>/ (package <id> without hyphens) with its code in rule.go, its
// documentation in doc.md and its fixtures in testdata/. All registers
// them; adding a rule is one folder and one line there.
package rules

import (
	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	brokenfragment "github.com/citelint/citelint/rules/broken-fragment"
	citationneededmarker "github.com/citelint/citelint/rules/citation-needed-marker"
	deadlink "github.com/citelint/citelint/rules/dead-link"
	"github.com/citelint/citelint/rules/internal/linkrule"
	invalidsuppression "github.com/citelint/citelint/rules/invalid-suppression"
	"github.com/citelint/citelint/rules/misquoted"
	paywalledlink "github.com/citelint/citelint/rules/paywalled-link"
	redirectedlink "github.com/citelint/citelint/rules/redirected-link"
	unattributedquote "github.com/citelint/citelint/rules/unattributed-quote"
	uncitednumber "github.com/citelint/citelint/rules/uncited-number"
	unsupportedfigure "github.com/citelint/citelint/rules/unsupported-figure"
	unverifiablelink "github.com/citelint/citelint/rules/unverifiable-link"
	vaguesource "github.com/citelint/citelint/rules/vague-source"
)

// All returns every rule, in the order "citelint rules" lists them.
func All() []*lint.Rule {
	return []*lint.Rule{
		citationneededmarker.Rule,
		invalidsuppression.Rule,
		uncitednumber.Rule,
		vaguesource.Rule,
		unattributedquote.Rule,
		unsupportedfigure.Rule,
		misquoted.Rule,
		deadlink.Rule,
		paywalledlink.Rule,
		redirectedlink.Rule,
		unverifiablelink.Rule,
		brokenfragment.Rule,
	}
}

// DocPath is where the documentation of the rule id lives in the
// repository, for links to it: rules/<id>/doc.md.
func DocPath(id string) string { return "rules/" + id + "/doc.md" }

// Known reports whether id names a rule.
func Known(id string) bool {
	for _, r := range All() {
		if r.ID == id {
			return true
		}
	}
	return false
}

// The link rules' inputs, for a driver: the link rules share an internal
// package, and these name its entry points.

// LinkOptions are the link rules' settings for relative links.
type LinkOptions = linkrule.Options

// LinkValues returns the runner values (lint.Runner.Values) that hand the
// link checker's results to the link rules; see linkrule.Values.
func LinkValues(results map[string]linkcheck.Result, opts LinkOptions) map[any]any {
	return linkrule.Values(results, opts)
}

// CachedLinkValues returns the runner values that let the link rules judge
// web links from the link checker's cache alone; see linkrule.CachedValues.
func CachedLinkValues(cache *linkcheck.CachedLookup, opts LinkOptions) map[any]any {
	return linkrule.CachedValues(cache, opts)
}

// LinkTargets lists the distinct http and https URLs a document links to,
// in order of first appearance and fragments included, as the link rules
// look their results up: what a driver checks before the run.
func LinkTargets(doc *lint.Document) []string { return linkrule.Targets(doc) }
