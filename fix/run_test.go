package fix

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/citelint/citelint/check"
	"github.com/citelint/citelint/lint"
)

// spanRule reports every occurrence of word with a fix replacing it by
// with: two such rules on one word make overlapping fixes.
func spanRule(id, word, with string) *lint.Rule {
	return &lint.Rule{ID: id, Summary: id, Doc: id, Severity: lint.Warning, Run: func(p *lint.Pass) {
		src := p.Doc.Source
		for off := 0; ; {
			i := bytes.Index(src[off:], []byte(word))
			if i < 0 {
				return
			}
			start := off + i
			p.Report(lint.Diagnostic{Start: start, End: start + len(word), Message: "word",
				Fix: []lint.Edit{{Start: start, End: start + len(word), New: with}}})
			off = start + len(word)
		}
	}}
}

// TestRunLeavesOverlappingFixes: the two fixes of "both" overlap, so
// neither is applied and both findings remain; the fix of "one" is
// applied; the file keeps its CRLF line ends and byte order mark.
func TestRunLeavesOverlappingFixes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.md")
	if err := os.WriteFile(path, []byte("\ufeffone both\r\nend\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	rep, err := Run(context.Background(), Options{Check: check.Options{
		Paths: []string{"d.md"},
		Rules: []*lint.Rule{spanRule("a", "both", "A"), spanRule("b", "both", "B"), spanRule("c", "one", "1")},
		Links: check.LinksNone,
	}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "\ufeff1 both\r\nend\r\n" {
		t.Errorf("file: %q", got)
	}
	if len(rep.Files) != 1 || rep.Files[0].Fixed != 1 || rules(rep.Files[0].Overlapping) != "a,b" {
		t.Errorf("files: %+v", rep.Files)
	}
	if rules(rep.Remaining) != "a,b" || len(rep.Errors) != 0 {
		t.Errorf("remaining %q, errors %v", rules(rep.Remaining), rep.Errors)
	}
}
