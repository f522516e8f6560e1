package unsupportedfigure

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

// runOn runs the rule over draft, its links answered by one page at
// https://example.gov/t holding text.
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

// TestUnsupportedFigureHostileParagraph checks that a paragraph of
// thousands of figures and links costs time linear in the draft, however
// they are laid out: finding the figures is no pass over the paragraph
// per sentence, and finding a figure's link no pass over the paragraph's
// links. Where the figures cite the page, MaxChecks of them are checked
// and the next gets the stop note.
func TestUnsupportedFigureHostileParagraph(t *testing.T) {
	const figures = 20_000
	page := strings.Repeat("The harbour handled 17 ships. ", 1_000)
	var oneSentence, oneLink, linkEach, oneSentenceLinkEach strings.Builder
	oneSentence.WriteString("The [report](https://example.gov/t) counts")
	oneLink.WriteString("The [report](https://example.gov/t) counts ships.")
	oneSentenceLinkEach.WriteString("The reports count")
	for i := range figures {
		n := fmt.Sprintf("%d,%03d ships", 1+i%900, i%1000)
		fmt.Fprintf(&oneSentence, " %s,", n)
		fmt.Fprintf(&oneLink, " It counts %s.", n)
		fmt.Fprintf(&linkEach, " It counts %s ([report](https://example.gov/t)).", n)
		fmt.Fprintf(&oneSentenceLinkEach, " %s ([report](https://example.gov/t)),", n)
	}
	oneSentence.WriteString(" and more.\n")
	oneSentenceLinkEach.WriteString(" and more.\n")
	for _, c := range []struct {
		name   string
		draft  string
		checks bool
	}{
		{"one sentence, one link", oneSentence.String(), true},
		// Only the sentence after the link's is checked, against the page
		// the link's sentence cites: the others have no link near.
		{"sentences, the first with a link", oneLink.String(), false},
		{"sentences, each with a link", linkEach.String(), true},
		{"one sentence, a link each", oneSentenceLinkEach.String(), true},
	} {
		diags, elapsed := runOn(t, c.draft, page)
		warnings, stopped := 0, 0
		for _, d := range diags {
			switch {
			case d.Severity == lint.Warning:
				warnings++
			case d.Message == sourcepage.Stopped("figures") && d.Suggestion == sourcepage.StoppedSuggestion:
				stopped++
			}
		}
		want := [3]int{1, 0, 1}
		if c.checks {
			want = [3]int{sourcepage.MaxChecks, 1, sourcepage.MaxChecks + 1}
		}
		if got := [3]int{warnings, stopped, len(diags)}; got != want {
			t.Errorf("%s: got %d warnings, %d stop notes, %d findings; want %d, %d, %d", c.name, got[0], got[1], got[2], want[0], want[1], want[2])
		}
		if elapsed > 10*time.Second {
			t.Errorf("%s: took %v for %d figures", c.name, elapsed, figures)
		}
		t.Logf("%s: %d figures in %d bytes: %v", c.name, figures, len(c.draft), elapsed)
	}
}

// TestUnsupportedFigureHostileFootnotes checks that thousands of
// references to one footnote of many links cost time linear in the
// draft: each reference stands for at most MaxLinksPerClaim links, and
// the figures past MaxChecks are not looked for.
func TestUnsupportedFigureHostileFootnotes(t *testing.T) {
	const figures = 20_000
	page := strings.Repeat("The harbour handled 17 ships. ", 1_000)
	var draft strings.Builder
	for i := range figures {
		fmt.Fprintf(&draft, "It counts %d,%03d ships.[^s] ", 1+i%900, i%1000)
	}
	draft.WriteString("\n\n[^s]:")
	for range 40 {
		draft.WriteString(" [report](https://example.gov/t)")
	}
	draft.WriteString("\n")
	diags, elapsed := runOn(t, draft.String(), page)
	warnings, stopped := 0, 0
	for _, d := range diags {
		switch {
		case d.Severity == lint.Warning:
			warnings++
		case d.Message == sourcepage.Stopped("figures"):
			stopped++
		}
	}
	if warnings != sourcepage.MaxChecks || stopped != 1 || len(diags) != sourcepage.MaxChecks+1 {
		t.Errorf("got %d warnings, %d stop notes, %d findings; want %d, 1, %d", warnings, stopped, len(diags), sourcepage.MaxChecks, sourcepage.MaxChecks+1)
	}
	if elapsed > 10*time.Second {
		t.Errorf("took %v for %d footnoted figures", elapsed, figures)
	}
	t.Logf("%d footnoted figures in %d bytes: %v", figures, draft.Len(), elapsed)
}
