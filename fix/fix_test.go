package fix

import (
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
)

func diag(rule string, edits ...lint.Edit) lint.Diagnostic {
	return lint.Diagnostic{Path: "d.md", Rule: rule, Fix: edits}
}

func rules(ds []lint.Diagnostic) string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Rule)
	}
	return strings.Join(out, ",")
}

func TestApply(t *testing.T) {
	src := "\ufeffab\r\ncd\r\nef"
	tests := []struct {
		name              string
		diags             []lint.Diagnostic
		want              string
		fixed, overlapped string
	}{
		{"replace and insert, BOM and CRLF kept",
			[]lint.Diagnostic{diag("a", lint.Edit{Start: 3, End: 4, New: "XY"}), diag("b", lint.Edit{Start: 11, End: 11, New: "<"}), diag("none")},
			"\ufeffXYb\r\ncd\r\n<ef", "a,b", ""},
		{"one fix with two edits",
			[]lint.Diagnostic{diag("a", lint.Edit{Start: 3, End: 4}, lint.Edit{Start: 7, End: 8, New: "C"})},
			"\ufeffb\r\nCd\r\nef", "a", ""},
		{"overlapping fixes: neither, the others still",
			[]lint.Diagnostic{diag("a", lint.Edit{Start: 3, End: 6, New: "1"}), diag("b", lint.Edit{Start: 5, End: 8, New: "2"}), diag("c", lint.Edit{Start: 11, End: 13, New: "EF"})},
			"\ufeffab\r\ncd\r\nEF", "c", "a,b"},
		{"two insertions at one place: order unknown, neither",
			[]lint.Diagnostic{diag("a", lint.Edit{Start: 3, End: 3, New: "1"}), diag("b", lint.Edit{Start: 3, End: 3, New: "2"})},
			src, "", "a,b"},
		{"an insertion at a replacement's start overlaps it",
			[]lint.Diagnostic{diag("a", lint.Edit{Start: 3, End: 5, New: "1"}), diag("b", lint.Edit{Start: 3, End: 3, New: "2"})},
			src, "", "a,b"},
		{"touching edits do not overlap",
			[]lint.Diagnostic{diag("a", lint.Edit{Start: 3, End: 5, New: "1"}), diag("b", lint.Edit{Start: 5, End: 7, New: "2"})},
			"\ufeff12cd\r\nef", "a,b", ""},
		{"a wide fix covering two others leaves all three",
			[]lint.Diagnostic{diag("a", lint.Edit{Start: 3, End: 12, New: "1"}), diag("b", lint.Edit{Start: 4, End: 5}), diag("c", lint.Edit{Start: 9, End: 10})},
			src, "", "a,b,c"},
		{"a fix whose own edits overlap is not applied",
			[]lint.Diagnostic{diag("a", lint.Edit{Start: 3, End: 6}, lint.Edit{Start: 4, End: 5})},
			src, "", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Apply([]byte(src), tt.diags)
			if err != nil {
				t.Fatal(err)
			}
			if string(got.Text) != tt.want || rules(got.Fixed) != tt.fixed || rules(got.Overlapping) != tt.overlapped {
				t.Errorf("got %q fixed %q overlapping %q; want %q fixed %q overlapping %q",
					got.Text, rules(got.Fixed), rules(got.Overlapping), tt.want, tt.fixed, tt.overlapped)
			}
		})
	}
}

func TestApplyRefusesEditsOutsideTheSource(t *testing.T) {
	_, err := Apply([]byte("abc"), []lint.Diagnostic{diag("a", lint.Edit{Start: 2, End: 4})})
	if err == nil || err.Error() != "d.md: fix of a at byte 0: edit [2, 4) is outside the 3 bytes of the file" {
		t.Errorf("err = %v", err)
	}
}

func TestDiffKeepsLineEnds(t *testing.T) {
	got := Diff("docs/d.md", []byte("\ufeffa\r\nb\r\nc"), []byte("\ufeffa\r\nB\r\nc"))
	want := "--- docs/d.md\n+++ docs/d.md\n@@ -1,3 +1,3 @@\n \ufeffa\r\n-b\r\n+B\r\n c\n\\ No newline at end of file\n"
	if got != want {
		t.Errorf("diff:\n%q\nwant\n%q", got, want)
	}
	if d := Diff("d.md", []byte("x"), []byte("x")); d != "" {
		t.Errorf("diff of equal texts: %q", d)
	}
}
