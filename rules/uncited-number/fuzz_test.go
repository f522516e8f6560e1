package uncitednumber

import (
	"testing"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// FuzzUncitedNumber checks that the rule never panics (the runner would
// turn a panic into an internal error and drop the document's findings)
// and that every finding lies inside the document.
func FuzzUncitedNumber(f *testing.F) {
	for _, s := range []string{
		"Within four hours, the team had a prototype that could search 100s of pages.",
		"It can take up to 14 months, and rules can sometimes receive thousands of comments.",
		"Load time went from 30 seconds to under 2 seconds, down from six weeks.",
		"17 other sites, 12 other managers, 11 departments, and 5 other business lines",
		"82 hackathons\n\n10 events in Knight Foundation focus communities\n",
		"Did you know that the term was searched 51 times? This is the third of a series.",
		"Let's say a park has a bug.\nEvery day, it over-counts by 12 visitors per day.",
		"Fee: $25 for members. The threshold is still 100,000 signatures, and",
		"and 5",
		"5 and",
		"within 3",
		"Within 3,",
	} {
		f.Add(s)
	}
	runner := &lint.Runner{Rules: []lint.ActiveRule{{Rule: Rule, Severity: Rule.Severity, Options: Rule.DefaultOptions()}}}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		doc, err := lint.Parse("fuzz.md", []byte(text), lint.Markdown)
		if err != nil {
			return
		}
		diags, err := runner.Check(doc)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		for _, d := range diags {
			if d.Start < 0 || d.End > len(text) || d.Start > d.End {
				t.Fatalf("%q: finding at %d-%d outside the text", text, d.Start, d.End)
			}
		}
	})
}
