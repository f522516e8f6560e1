package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
)

// applyAll applies every diagnostic's fix to src, last edit first (the
// edits of these tests never overlap).
func applyAll(src string, diags []lint.Diagnostic) string {
	var edits []lint.Edit
	for _, d := range diags {
		edits = append(edits, d.Fix...)
	}
	slices.SortFunc(edits, func(a, b lint.Edit) int { return b.Start - a.Start })
	for _, e := range edits {
		src = src[:e.Start] + e.New + src[e.End:]
	}
	return src
}

// TestDeadLinkArchiveFix: a capture the archive named replaces a dead
// link, fragment kept; the list of captures is only a suggestion.
func TestDeadLinkArchiveFix(t *testing.T) {
	src := "# T\n\n[a](https://example.com/gone#part) [b](https://example.com/lost)\n"
	res := results(
		linkcheck.Result{URL: "https://example.com/gone#part", Verdict: linkcheck.Dead, Status: 404, Reason: "HTTP 404",
			ArchiveURL: "https://web.archive.org/web/20200101000000/https://example.com/gone"},
		linkcheck.Result{URL: "https://example.com/lost", Verdict: linkcheck.Dead, Status: 404, Reason: "HTTP 404",
			ArchiveURL: "https://web.archive.org/web/*/https://example.com/lost"},
	)
	_, diags := runLinkRules(t, t.TempDir(), "t.md", src, res)
	if len(diags) != 2 || diags[1].Fix != nil {
		t.Fatalf("want two findings, the second without a fix: %+v", diags)
	}
	want := "# T\n\n[a](https://web.archive.org/web/20200101000000/https://example.com/gone#part) [b](https://example.com/lost)\n"
	if got := applyAll(src, diags); got != want {
		t.Errorf("fixed:\n%q\nwant\n%q", got, want)
	}
	if want := "link to where the page lives now, or to its archived copy: https://web.archive.org/web/20200101000000/https://example.com/gone#part"; diags[0].Suggestion != want {
		t.Errorf("suggestion %q", diags[0].Suggestion)
	}
}

// TestBrokenFragmentFix: the one close anchor replaces the fragment as
// written; two equally close anchors give a suggestion, no fix.
func TestBrokenFragmentFix(t *testing.T) {
	src := "\ufeff# Méthodes\r\n\r\n## Results 2020\r\n\r\n## Results 2021\r\n\r\n" +
		"See [m](#m%C3%A9thode), [r](#results-202), [x](#resuls-2020).\r\n"
	_, diags := runLinkRules(t, t.TempDir(), "t.md", src, nil)
	var lines []string
	for _, d := range diags {
		lines = append(lines, d.Rule+" "+src[d.Start:d.End]+" "+strings.Join(fixTexts(d.Fix), ","))
	}
	wantLines(t, lines, []string{
		"broken-fragment #m%C3%A9thode méthodes",
		"broken-fragment #results-202 ",
		"broken-fragment #resuls-2020 results-2020",
	})
	want := "\ufeff# Méthodes\r\n\r\n## Results 2020\r\n\r\n## Results 2021\r\n\r\n" +
		"See [m](#méthodes), [r](#results-202), [x](#results-2020).\r\n"
	if got := applyAll(src, diags); got != want {
		t.Errorf("fixed:\n%q\nwant\n%q", got, want)
	}
}

func fixTexts(es []lint.Edit) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.New)
	}
	return out
}
