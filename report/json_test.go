package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestJSONWriteMatchesEncoder checks that the report written one
// diagnostic at a time is byte for byte what json.Encoder writes with
// two spaces of indent: the contract's layout did not change with the
// writer.
func TestJSONWriteMatchesEncoder(t *testing.T) {
	diag := jsonDiagnostic{
		Path: "a <b> & c.md", Line: 3, Column: 7, EndLine: 4, EndColumn: 1, Offset: 40, EndOffset: 52,
		Rule: "uncited-number", Severity: "warning", Message: trickyMessage, Excerpt: "bad \xff byte\t\u2028",
		Suggestion: "cite it", Fix: []jsonEdit{{Offset: 40, EndOffset: 52, Text: "<cite>"}},
		Evidence: &jsonEvidence{URL: "https://example.gov/a?b=1&c=2", Text: "It has 54%.", Link: "https://example.gov/a#:~:text=It%20has"},
	}
	for name, r := range map[string]jsonReport{
		"empty":       {Version: 1, Diagnostics: []jsonDiagnostic{}, Errors: []jsonError{}},
		"one":         {Version: 1, Diagnostics: []jsonDiagnostic{diag}, Errors: []jsonError{}, Summary: jsonSummary{Files: 1, Warning: 1}},
		"two, errors": {Version: 1, Diagnostics: []jsonDiagnostic{diag, {Path: "b.md", Rule: "placeholder", Severity: "error"}}, Errors: []jsonError{{Path: "c.md", Message: "too large"}}, Summary: jsonSummary{Files: 3, Error: 1, Warning: 1}},
		"documents":   {Version: 1, Diagnostics: []jsonDiagnostic{diag}, Errors: []jsonError{}, Documents: []jsonDocument{{Path: "https://example.gov/a", Text: "Line one.\nLine <two>.", Note: "paywalled"}}},
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := r.write(&got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: written\n%s\nwant\n%s", name, got.String(), want.String())
		}
	}
}
