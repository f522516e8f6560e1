package linkrule

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citelint/citelint/extract"
	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
)

// mapFiles serves files from memory and counts the reads.
type mapFiles struct {
	mu    sync.Mutex
	files map[string]string
	reads map[string]int
}

type fileInfo struct {
	fs.FileInfo
	size int64
}

func (i fileInfo) Size() int64 { return i.size }

func (m *mapFiles) Stat(name string) (fs.FileInfo, error) {
	if s, ok := m.files[name]; ok {
		return fileInfo{size: int64(len(s))}, nil
	}
	return nil, fs.ErrNotExist
}

func (m *mapFiles) ReadFile(name string, maxBytes int64) ([]byte, error) {
	m.mu.Lock()
	m.reads[name]++
	m.mu.Unlock()
	s, ok := m.files[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if int64(len(s)) > maxBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, maxBytes)
	}
	return []byte(s), nil
}

func TestFactsPage(t *testing.T) {
	web := &extract.Page{URL: "https://a.example/report", Readable: true, Main: "Turnout was 61 percent."}
	results := map[string]linkcheck.Result{
		"https://a.example/report": linkcheck.Result{URL: "https://a.example/report", Verdict: linkcheck.OK}.WithPage(web),
		"https://a.example/plain":  {URL: "https://a.example/plain", Verdict: linkcheck.OK},
	}
	files := &mapFiles{
		files: map[string]string{
			"drafts/notes.md": "# Notes\n\nWe counted 1,204 calls.\n",
			"drafts/big.txt":  strings.Repeat("x", 200),
		},
		reads: make(map[string]int),
	}
	var mu sync.Mutex
	got := make(map[string]string)
	rule := &lint.Rule{ID: "page-probe", Severity: lint.Info, Network: true, NeedsPageText: true, Requires: []lint.Requirement{LinksAnalysis}, Run: func(p *lint.Pass) {
		facts := FactsOf(p)
		for _, l := range Links(p) {
			page, ok := facts.Page(p, l)
			desc := "none"
			if ok {
				desc = fmt.Sprintf("readable=%v main=%q reason=%q", page.Readable, page.Main, page.Reason)
			}
			mu.Lock()
			got[p.Doc.Path+" "+l.Target] = desc
			mu.Unlock()
		}
	}}
	runner := &lint.Runner{
		Rules:  []lint.ActiveRule{{Rule: rule, Severity: lint.Info}},
		Values: Values(results, Options{MaxLocalFileBytes: 100}),
		Files:  files,
		Jobs:   2,
	}
	src := "See [report](https://a.example/report), [plain](https://a.example/plain), [notes](notes.md), " +
		"[big](big.txt), [gone](gone.pdf) and [mail](mailto:a@b.example).\n"
	var inputs []lint.Input
	for _, name := range []string{"drafts/one.md", "drafts/two.md"} {
		inputs = append(inputs, lint.Input{Path: name, Format: lint.Markdown, Read: func() ([]byte, error) { return []byte(src), nil }})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res := runner.Run(ctx, inputs)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	want := map[string]string{
		"https://a.example/report": `readable=true main="Turnout was 61 percent." reason=""`,
		"https://a.example/plain":  "none",
		"notes.md":                 `readable=true main="Notes\n\nWe counted 1,204 calls." reason=""`,
		"big.txt":                  `readable=false main="" reason="cannot read the file: drafts/big.txt is larger than 100 bytes"`,
		"gone.pdf":                 `readable=false main="" reason="cannot read the file: open drafts/gone.pdf: file does not exist"`,
		"mailto:a@b.example":       "none",
	}
	for _, doc := range []string{"drafts/one.md", "drafts/two.md"} {
		for target, w := range want {
			if g := got[doc+" "+target]; g != w {
				t.Errorf("%s %s:\n got %s\nwant %s", doc, target, g, w)
			}
		}
	}
	if n := files.reads["drafts/notes.md"]; n != 1 {
		t.Errorf("notes.md read %d times, want once per run", n)
	}
}
