// Package ruletest holds what the rules' tests share: timing a rule over
// a hostile input, to show that its work grows linearly with the input.
package ruletest

import (
	"testing"
	"time"

	"github.com/citelint/citelint/lint"
)

// Best returns the best of three times rule, with its default options at
// severity sev, takes to check src (parsed outside the timing), and fails
// t unless check accepts the diagnostics of every run.
func Best(t testing.TB, rule *lint.Rule, sev lint.Severity, src []byte, check func([]lint.Diagnostic) error) time.Duration {
	t.Helper()
	runner := &lint.Runner{Rules: []lint.ActiveRule{{Rule: rule, Severity: sev, Options: rule.DefaultOptions()}}}
	best := time.Duration(1 << 62)
	for range 3 {
		doc, err := lint.Parse("hostile.md", src, lint.Markdown)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		diags, err := runner.Check(doc)
		if err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
		if err := check(diags); err != nil {
			t.Fatal(err)
		}
	}
	return best
}

// SkipUnderRace skips a timing test under the race detector, which slows
// code by how much memory it touches, not by the work done.
func SkipUnderRace(t testing.TB) {
	t.Helper()
	if RaceEnabled {
		t.Skip("timing under the race detector grows with memory touched, not with the work")
	}
}
