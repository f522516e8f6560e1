package unattributedquote

import (
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/lint"
)

// TestUnattributedQuoteSentenceOfQuotesLinear checks that a sentence of
// nothing but quotations, each ending in a full stop and the next opening
// in lowercase ("“the last bus leaves after my shift ends.” “the last bus
// …"), is checked in time linear in its length: whether a sentence holds
// only quotations (namedAfter) is worked out once per sentence, not once
// per quotation in it. Each quotation is reported, at its own marks.
func TestUnattributedQuoteSentenceOfQuotesLinear(t *testing.T) {
	if raceEnabled {
		t.Skip("timing under the race detector grows with memory touched, not with the work")
	}
	const unit = "“the last bus leaves after my shift ends.” "
	runner := &lint.Runner{Rules: []lint.ActiveRule{{Rule: Rule, Severity: lint.Warning, Options: Rule.DefaultOptions()}}}
	elapsed := func(n int) time.Duration {
		src := []byte(strings.Repeat(unit, n) + "\n")
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
			if len(diags) != n {
				t.Fatalf("%d diagnostics for %d quotations, want %d", len(diags), n, n)
			}
			if d := diags[1]; d.Start != len(unit) || d.End != 2*len(unit)-1 {
				t.Fatalf("second finding at %d-%d, want %d-%d", d.Start, d.End, len(unit), 2*len(unit)-1)
			}
		}
		return best
	}
	// Linear work grows 20 times, quadratic 400 times; the bound leaves
	// room for a loaded machine.
	if ts, tl := elapsed(1_000), elapsed(20_000); tl > 100*ts+10*time.Millisecond {
		t.Errorf("%v for 20x the quotations, %v for 1x: not linear", tl, ts)
	}
}
