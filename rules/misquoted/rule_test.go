package misquoted

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/extract"
	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/linkrule"
	"github.com/citelint/citelint/rules/internal/sourcepage"
)

// runOn checks draft, whose links lead to https://example.gov/t, a page
// holding text, with the rule alone, and says how long the check took.
func runOn(t *testing.T, draft, text string) ([]lint.Diagnostic, time.Duration) {
	t.Helper()
	doc, err := lint.Parse("hostile.md", []byte(draft), lint.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	p := &extract.Page{URL: "https://example.gov/t", Full: text, Main: text, Readable: true}
	results := map[string]linkcheck.Result{"https://example.gov/t": linkcheck.Result{URL: "https://example.gov/t", Verdict: linkcheck.OK, Status: 200}.WithPage(p)}
	runner := &lint.Runner{
		Rules:  []lint.ActiveRule{{Rule: Rule, Severity: Rule.Severity}},
		Values: linkrule.Values(results, linkrule.Options{}),
	}
	start := time.Now()
	diags, err := runner.Check(doc)
	if err != nil {
		t.Fatal(err)
	}
	return diags, time.Since(start)
}

// TestMisquotedHostile checks the bound on a draft of thousands of
// quotations that all cite one long page: the first MaxChecks are looked
// for, the next gets one info finding saying the check stopped, and the
// rest cost nothing, so the time stays bounded.
func TestMisquotedHostile(t *testing.T) {
	const quotes = 1000
	page := strings.Repeat("The committee met on a Tuesday and talked about the harbour for a long while. ", 6_000)
	var draft strings.Builder
	for i := range quotes {
		fmt.Fprintf(&draft, "\"We will build a new harbour wall number %d this year,\" [the minister said](https://example.gov/t).\n\n", i)
	}
	diags, elapsed := runOn(t, draft.String(), page)
	warnings, stopped := 0, 0
	for _, d := range diags {
		switch {
		case d.Severity == lint.Warning:
			warnings++
		case d.Message == sourcepage.Stopped("quotations"):
			stopped++
			if d.Pos.Line != 2*sourcepage.MaxChecks+1 {
				t.Errorf("stopped at line %d, want %d", d.Pos.Line, 2*sourcepage.MaxChecks+1)
			}
		}
	}
	if warnings != sourcepage.MaxChecks || stopped != 1 || len(diags) != sourcepage.MaxChecks+1 {
		t.Errorf("got %d warnings, %d stop notes, %d findings; want %d, 1, %d", warnings, stopped, len(diags), sourcepage.MaxChecks, sourcepage.MaxChecks+1)
	}
	if elapsed > 60*time.Second {
		t.Errorf("took %v for %d quotations against a %d-byte page", elapsed, quotes, len(page))
	}
	t.Logf("%d quotations against %d bytes: %v", quotes, len(page), elapsed)
}

// TestMisquotedHostileParagraph checks that one paragraph of thousands
// of quotations, each a link's text or followed by a link, costs time
// linear in the draft: which quotations were judged, and which quote a
// link's text, are not found by a pass over the document per quotation.
func TestMisquotedHostileParagraph(t *testing.T) {
	const quotes = 5_000
	page := strings.Repeat("The committee met on a Tuesday and talked about the harbour for a long while. ", 1_000)
	var draft strings.Builder
	for i := range quotes {
		fmt.Fprintf(&draft, "As “[Harbour wall plan number %d](https://example.gov/t)” put it, and “we will build wall %d,” [she said](https://example.gov/t). ", i, i)
	}
	diags, elapsed := runOn(t, draft.String(), page)
	if len(diags) != sourcepage.MaxChecks+1 || diags[len(diags)-1].Message != sourcepage.Stopped("quotations") {
		t.Errorf("got %d findings, want %d, the last the stop note", len(diags), sourcepage.MaxChecks+1)
	}
	if elapsed > 60*time.Second {
		t.Errorf("took %v for %d quotations in one paragraph", elapsed, 2*quotes)
	}
	t.Logf("%d quotations in one paragraph of %d bytes: %v", 2*quotes, draft.Len(), elapsed)
}

// TestMisquotedHostileIntroduced checks that thousands of short quoted
// phrases a link introduces, in one paragraph, are each found by a binary
// search over the paragraph's links, not a pass over them: the phrases
// are the page's, so the only finding is the note that the check stopped.
func TestMisquotedHostileIntroduced(t *testing.T) {
	const quotes = 20_000
	page := strings.Repeat("The committee met on a Tuesday and talked about the harbour for a long while. ", 100)
	var draft strings.Builder
	for range quotes {
		draft.WriteString("Its [minutes](https://example.gov/t) “talked about the harbour” again. ")
	}
	diags, elapsed := runOn(t, draft.String(), page)
	if len(diags) != 1 || diags[0].Message != sourcepage.Stopped("quotations") {
		t.Errorf("got %d findings, want only the stop note", len(diags))
	}
	if elapsed > 30*time.Second {
		t.Errorf("took %v for %d introduced quotations in one paragraph", elapsed, quotes)
	}
	t.Logf("%d introduced quotations in one paragraph of %d bytes: %v", quotes, draft.Len(), elapsed)
}
