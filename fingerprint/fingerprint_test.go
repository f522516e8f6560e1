package fingerprint_test

import (
	"testing"

	"github.com/citelint/citelint/fingerprint"
	"github.com/citelint/citelint/lint"
	citationneededmarker "github.com/citelint/citelint/rules/citation-needed-marker"
)

// check runs citation-needed-marker over a Markdown text.
func check(t *testing.T, path, text string) []lint.Diagnostic {
	t.Helper()
	r := citationneededmarker.Rule
	runner := &lint.Runner{Rules: []lint.ActiveRule{{Rule: r, Severity: r.Severity}}, Jobs: 1}
	res := runner.Run(t.Context(), []lint.Input{{Path: path, Format: lint.Markdown, Read: func() ([]byte, error) { return []byte(text), nil }}})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	return res.Diagnostics
}

const before = "# Budget\n\nSpending rose TK last year.\nThe council met on\nTuesday [citation needed].\n"

func TestHashesSurviveUnrelatedEdits(t *testing.T) {
	want := fingerprint.Hashes(check(t, "a.md", before))
	for name, after := range map[string]string{
		"paragraph added above": "# Budget\n\nA new opening paragraph.\n\nSpending rose TK last year.\nThe council met on\nTuesday [citation needed].\n",
		"paragraph rewrapped":   "# Budget\n\nSpending rose TK last year. The council met on Tuesday [citation needed].\n",
		"indented in a quote":   "# Budget\n\n> Spending rose TK last year.\n> The council met on\n> Tuesday [citation needed].\n",
	} {
		got := fingerprint.Hashes(check(t, "a.md", after))
		if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("%s: hashes %v, want %v", name, got, want)
		}
	}
}

func TestHashesChangeWithTheFinding(t *testing.T) {
	base := fingerprint.Hashes(check(t, "a.md", before))
	for name, tc := range map[string]struct{ path, text string }{
		"sentence edited": {"a.md", "# Budget\n\nSpending fell TK last year.\nThe council met on\nTuesday [citation needed].\n"},
		"other file":      {"b.md", before},
	} {
		if got := fingerprint.Hashes(check(t, tc.path, tc.text)); got[0] == base[0] {
			t.Errorf("%s: hash unchanged", name)
		}
	}
}

func TestIdenticalFindingsGetDistinctHashes(t *testing.T) {
	ds := check(t, "a.md", "It cost TK and then TK again, TK.\n\nIt cost TK and then TK again, TK.\n")
	if len(ds) != 6 {
		t.Fatalf("%d findings, want 6", len(ds))
	}
	seen := map[string]bool{}
	for _, h := range fingerprint.Hashes(ds) {
		if seen[h] {
			t.Errorf("hash %s repeats", h)
		}
		seen[h] = true
	}
}

func TestSpanText(t *testing.T) {
	ds := check(t, "a.md", "Ünïcödé costs TK, said [Citation Needed] someone.\n")
	for i, want := range []string{"TK", "[Citation Needed]"} {
		if got := fingerprint.SpanText(ds[i]); got != want {
			t.Errorf("SpanText = %q, want %q", got, want)
		}
	}
}
