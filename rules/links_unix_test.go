//go:build unix

package rules

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/linkrule"
)

// TestLocalTargetsAreReadBounded links to a FIFO, to /dev/zero and to a
// file over the size limit, each named like a Markdown file and with a
// fragment, so that their anchors would be read: none may hang or eat
// memory, and none is judged.
func TestLocalTargetsAreReadBounded(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.md")); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"big.md":   "# Big\n\n" + strings.Repeat("filler text\n", 20),
		"small.md": "# Small\n",
	})
	src := "See [pipe](pipe.md#x), [zero](zero.md#x), [big](big.md#x), [small](small.md#x).\n"
	path := filepath.ToSlash(filepath.Join(dir, "post.md"))
	doc, err := lint.Parse(path, []byte(src), lint.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	var active []lint.ActiveRule
	for _, r := range linkRules {
		active = append(active, lint.ActiveRule{Rule: r, Severity: r.Severity})
	}
	runner := &lint.Runner{Rules: active, Known: Known, Values: linkrule.Values(nil, linkrule.Options{MaxLocalFileBytes: 100})}
	done := make(chan []lint.Diagnostic, 1)
	go func() {
		diags, err := runner.Check(doc)
		if err != nil {
			t.Error(err)
		}
		done <- diags
	}()
	select {
	case diags := <-done:
		var got []string
		for _, d := range diags {
			got = append(got, d.Rule+" "+src[d.Start:d.End])
		}
		// Only the small regular file is read, and its missing anchor found.
		if want := "broken-fragment small.md#x"; strings.Join(got, "|") != want {
			t.Errorf("findings %q, want %q", got, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("checking links to a FIFO and /dev/zero did not finish in 10s")
	}
}
