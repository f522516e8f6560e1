package unattributedquote

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/ruletest"
)

// TestUnattributedQuoteSentenceOfQuotesLinear checks that a sentence of
// nothing but quotations, each ending in a full stop and the next opening
// in lowercase ("“the last bus leaves after my shift ends.” “the last bus
// …"), is checked in time linear in its length: whether a sentence holds
// only quotations (namedAfter) is worked out once per sentence, not once
// per quotation in it. Each quotation is reported, at its own marks.
func TestUnattributedQuoteSentenceOfQuotesLinear(t *testing.T) {
	checkLinear(t, nil, "“the last bus leaves after my shift ends.” ", 0)
}

// TestUnattributedQuoteGapLinear checks that a paragraph of nothing but
// quotations after a long run of blank lines is checked in time linear in
// its length: the space between it and the block before (blockBefore) is
// read once, not once per quotation.
func TestUnattributedQuoteGapLinear(t *testing.T) {
	checkLinear(t, func(n int) string { return "Intro text here.\n" + strings.Repeat("\n", 10*n) },
		"“the last bus leaves after my shift ends.” ", 0)
}

// TestUnattributedQuoteLinksLinear checks that a paragraph of many
// quotations and many links ("He will go “back to the yard …” and a post,
// [the note](…), came next.") is checked in time linear in its length:
// whether a link holds a quotation, or a template link's text follows it,
// is a search among the block's links, not a walk over all of them per
// quotation. Each quotation is reported, at its own marks.
func TestUnattributedQuoteLinksLinear(t *testing.T) {
	checkLinear(t, func(int) string { return "Then it came. " }, "He will go “back to the yard where the old boats are kept” and a post, [the note](https://example.com/x), came next. ", len("He will go "))
}

// checkLinear checks that the rule's time over lead(n) (if any) and n
// times unit grows linearly with n, and that it reports each unit's
// quotation, at offset at in the unit to the closing mark.
func checkLinear(t *testing.T, lead func(n int) string, unit string, at int) {
	t.Helper()
	ruletest.SkipUnderRace(t)
	closeAt := strings.Index(unit, "”") + len("”")
	elapsed := func(n int) time.Duration {
		head := ""
		if lead != nil {
			head = lead(n)
		}
		src := []byte(head + strings.Repeat(unit, n) + "\n")
		return ruletest.Best(t, Rule, lint.Warning, src, func(diags []lint.Diagnostic) error {
			if len(diags) != n {
				return fmt.Errorf("%d diagnostics for %d quotations, want %d", len(diags), n, n)
			}
			if d, start := diags[1], len(head)+len(unit)+at; d.Start != start || d.End != len(head)+len(unit)+closeAt {
				return fmt.Errorf("second finding at %d-%d, want %d-%d", d.Start, d.End, start, len(head)+len(unit)+closeAt)
			}
			return nil
		})
	}
	// Linear work grows 20 times, quadratic 400 times; the bound leaves
	// room for a loaded machine.
	if ts, tl := elapsed(1_000), elapsed(20_000); tl > 100*ts+10*time.Millisecond {
		t.Errorf("%v for 20x the quotations, %v for 1x: not linear", tl, ts)
	}
}
