package baseline_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/citelint/citelint/baseline"
	"github.com/citelint/citelint/lint"
	citationneededmarker "github.com/citelint/citelint/rules/citation-needed-marker"
)

func check(t *testing.T, text string) []lint.Diagnostic {
	t.Helper()
	r := citationneededmarker.Rule
	runner := &lint.Runner{Rules: []lint.ActiveRule{{Rule: r, Severity: r.Severity}}, Jobs: 1}
	res := runner.Run(t.Context(), []lint.Input{{Path: "docs/a.md", Format: lint.Markdown, Read: func() ([]byte, error) { return []byte(text), nil }}})
	return res.Diagnostics
}

func roundTrip(t *testing.T, b *baseline.Baseline) *baseline.Baseline {
	t.Helper()
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := baseline.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestFilterReportsOnlyNewFindings(t *testing.T) {
	old := "Spending rose TK last year.\n\nThe council met TK times, TK.\n"
	b := roundTrip(t, baseline.New(check(t, old)))
	if b.Len() != 3 || len(b.Entries) != 2 {
		t.Fatalf("baseline holds %d findings in %d entries, want 3 in 2", b.Len(), len(b.Entries))
	}
	edited := "# A heading added above\n\nSpending rose TK last year.\n\n" +
		"The council met TK times, TK.\n\nA new sentence with [citation needed].\n\nThe council met TK times, TK, TK.\n"
	got := b.Filter(check(t, edited))
	var spans []string
	for _, d := range got {
		spans = append(spans, d.Message)
	}
	want := []string{`placeholder "[citation needed]" left in the draft`, `placeholder "TK" left in the draft`,
		`placeholder "TK" left in the draft`, `placeholder "TK" left in the draft`}
	if strings.Join(spans, "|") != strings.Join(want, "|") {
		t.Errorf("new findings %q, want %q", spans, want)
	}
	if got[0].Pos.Line != 7 || got[1].Pos.Line != 9 {
		t.Errorf("new findings at lines %d and %d, want 7 and 9", got[0].Pos.Line, got[1].Pos.Line)
	}
}

func TestFilterCountsIdenticalFindings(t *testing.T) {
	b := baseline.New(check(t, "It cost TK, TK.\n"))
	got := b.Filter(check(t, "It cost TK, TK.\n\nIt cost TK, TK.\n"))
	if len(got) != 2 || got[0].Pos.Line != 3 {
		t.Errorf("got %d new findings (first at line %d), want 2 on line 3", len(got), got[0].Pos.Line)
	}
}

func TestWriteIsSortedAndStable(t *testing.T) {
	ds := check(t, "B TK.\n\nA [citation needed].\n")
	var one, two bytes.Buffer
	if _, err := baseline.New(ds).WriteTo(&one); err != nil {
		t.Fatal(err)
	}
	// The same findings in another order write the same file.
	if _, err := baseline.New([]lint.Diagnostic{ds[1], ds[0]}).WriteTo(&two); err != nil {
		t.Fatal(err)
	}
	if one.String() != two.String() {
		t.Errorf("order changed the file:\n%s\n%s", one.String(), two.String())
	}
	if !strings.Contains(one.String(), `"version": 1`) {
		t.Errorf("no version:\n%s", one.String())
	}
	var empty bytes.Buffer
	if _, err := baseline.New(nil).WriteTo(&empty); err != nil || !strings.Contains(empty.String(), `"findings": []`) {
		t.Errorf("empty baseline: %q, %v", empty.String(), err)
	}
}

func TestReadRejectsOtherFiles(t *testing.T) {
	for name, text := range map[string]string{
		"not JSON":      "rules: {}",
		"other version": `{"version": 99, "findings": []}`,
		"unknown field": `{"version": 1, "findings": [], "extra": true}`,
		"empty entry":   `{"version": 1, "findings": [{"count": 1}]}`,
	} {
		if _, err := baseline.Read(strings.NewReader(text)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
