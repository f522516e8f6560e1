package check

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sync/atomic"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
	"testing"

	"github.com/citelint/citelint/linkcheck"
)

// files writes a folder of files for a test and returns its path.
func files(t *testing.T, m map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range m {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// An unreadable folder is an error for that folder; the walk goes on and
// the files after it are checked. File modes cannot hide a folder from
// root, so readDir fails on cue.
func TestUnreadableFolderDoesNotStopTheWalk(t *testing.T) {
	dir := files(t, map[string]string{
		"docs/a/1.md":   "Sales rose [citation needed].\n",
		"docs/b/x.md":   "Sales rose [citation needed].\n",
		"docs/c/2.md":   "Sales rose [citation needed].\n",
		"docs/c/d/3.md": "Sales rose [citation needed].\n",
	})
	t.Chdir(dir)
	readDir = func(name string) ([]os.DirEntry, error) {
		if filepath.ToSlash(name) == "docs/b" {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		return os.ReadDir(name)
	}
	t.Cleanup(func() { readDir = os.ReadDir })
	res, err := Check(context.Background(), Options{Paths: []string{"docs"}, Links: LinksNone})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, d.Path+":"+d.Rule)
	}
	want := []string{"docs/a/1.md:citation-needed-marker", "docs/c/2.md:citation-needed-marker", "docs/c/d/3.md:citation-needed-marker"}
	if !reflect.DeepEqual(got, want) || res.Files != 3 {
		t.Errorf("findings %q in %d files, want %q in 3", got, res.Files, want)
	}
	if len(res.Errors) != 1 || res.Errors[0].Error() != "docs/b: cannot read this folder: permission denied" {
		t.Errorf("errors %v", res.Errors)
	}
}

func TestNetworkUnavailableIsSaidOnce(t *testing.T) {
	got := linkCheckNotes(linkcheck.Summary{Links: 57, Fetched: 57, NetworkUnavailable: 57})
	if want := []string{"network unavailable: 57 links not checked"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// An online run reads and parses each file once: the documents the link
// pass parsed are the ones the rules check.
func TestLinkPassReadsEachFileOnce(t *testing.T) {
	texts := []string{
		"See [a](https://a.example/x) and [b](https://b.example/).\n",
		"Again [a](https://a.example/x) [citation needed].\n",
	}
	reads := make([]atomic.Int32, len(texts))
	var inputs []lint.Input
	for i, text := range texts {
		inputs = append(inputs, lint.Input{Path: fmt.Sprintf("%d.md", i), Format: lint.Markdown, Read: func() ([]byte, error) {
			reads[i].Add(1)
			return []byte(text), nil
		}})
	}
	active, err := lint.Configure(rules.All(), nil, lint.Selection{})
	if err != nil {
		t.Fatal(err)
	}
	runner := &lint.Runner{Rules: active, Known: rules.Known, Jobs: 2}
	urls, parsed := linkTargets(context.Background(), runner, inputs, 0)
	if want := []string{"https://a.example/x", "https://b.example/"}; !reflect.DeepEqual(urls, want) {
		t.Errorf("urls %q, want %q", urls, want)
	}
	res := runner.Run(context.Background(), parsed)
	for i := range reads {
		if n := reads[i].Load(); n != 1 {
			t.Errorf("%d.md read %d times, want 1", i, n)
		}
	}
	if len(res.Errors) != 0 || len(res.Diagnostics) != 1 || res.Diagnostics[0].Rule != "citation-needed-marker" {
		t.Errorf("errors %v, findings %+v", res.Errors, res.Diagnostics)
	}
}

// In-memory documents are checked as files would be, with progress told
// once per file.
func TestDocumentsAndProgress(t *testing.T) {
	t.Chdir(t.TempDir())
	var seen []string
	res, err := Check(context.Background(), Options{
		Documents: []Source{{Path: "a.md", Text: []byte("Sales rose TK.\n")}, {Path: "b.md", Text: []byte("Fine.\n")}},
		Links:     LinksNone,
		Jobs:      1,
		Progress:  func(path string, done, total int) { seen = append(seen, fmt.Sprintf("%s %d/%d", path, done, total)) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Path != "a.md" || res.Diagnostics[0].Pos.Line != 1 || res.Files != 2 {
		t.Errorf("findings %+v in %d files", res.Diagnostics, res.Files)
	}
	if want := []string{"a.md 1/2", "b.md 2/2"}; !reflect.DeepEqual(seen, want) {
		t.Errorf("progress %q, want %q", seen, want)
	}
	for _, r := range res.Rules {
		if r.Network {
			t.Errorf("LinksNone ran %s", r.ID)
		}
	}
}

// Past the bound on held documents, a document is dropped after the link
// pass and read again by the run.
func TestLinkPassHoldsBoundedSource(t *testing.T) {
	text := "See [a](https://a.example/).\n"
	reads := make([]atomic.Int32, 3)
	var inputs []lint.Input
	for i := range reads {
		inputs = append(inputs, lint.Input{Path: fmt.Sprintf("%d.md", i), Format: lint.Markdown, Read: func() ([]byte, error) {
			reads[i].Add(1)
			return []byte(text), nil
		}})
	}
	runner := &lint.Runner{Jobs: 1}
	_, parsed := linkTargets(context.Background(), runner, inputs, int64(2*len(text)))
	runner.Run(context.Background(), parsed)
	var got []int32
	for i := range reads {
		got = append(got, reads[i].Load())
	}
	if want := []int32{1, 1, 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("reads %v, want %v", got, want)
	}
}
