package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
)

// corpusDir holds real blog posts for benchmarks and noise reviews. It is
// not part of the repository; tests and benchmarks that need it skip
// without it.
var corpusDir = filepath.Join("..", "..", "shared", "corpora", "digitalgov")

// corpus reads every Markdown file of the corpus, or skips.
func corpus(tb testing.TB) map[string][]byte {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(corpusDir, "*.md"))
	if err != nil || len(paths) == 0 {
		tb.Skipf("corpus not found at %s", corpusDir)
	}
	files := make(map[string][]byte, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		files[filepath.Base(p)] = b
	}
	return files
}

// offlineRunner runs every rule that needs no network, with defaults.
func offlineRunner(tb testing.TB) *lint.Runner {
	tb.Helper()
	active, err := lint.Configure(All(), nil, lint.Selection{Offline: true})
	if err != nil {
		tb.Fatal(err)
	}
	return &lint.Runner{Rules: active, Known: Known, Jobs: 1}
}

// checkInvariants runs every offline rule over src and verifies what every
// diagnostic must satisfy, whatever the input: it lies inside the file, its
// end is not before its start, and its line and column agree with its
// offsets. It returns the diagnostics.
func checkInvariants(t testing.TB, r *lint.Runner, name string, src []byte) []lint.Diagnostic {
	doc, err := lint.Parse(name, src, lint.FormatOf(name))
	if err != nil {
		return nil // bad input is a clean per-file error
	}
	diags, err := r.Check(doc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	lines := lint.NewLineIndex(src)
	for _, d := range diags {
		if d.Start < 0 || d.End < d.Start || d.End > len(src) {
			t.Fatalf("%s: %s span [%d,%d) outside the file (%d bytes)", name, d.Rule, d.Start, d.End, len(src))
		}
		if lines.Position(d.Start) != d.Pos || lines.Position(d.End) != d.EndPos {
			t.Fatalf("%s: %s at [%d,%d): positions %+v-%+v disagree with offsets", name, d.Rule, d.Start, d.End, d.Pos, d.EndPos)
		}
		if d.Message == "" || d.Severity == 0 || d.Rule == "" {
			t.Fatalf("%s: incomplete diagnostic %+v", name, d)
		}
	}
	return diags
}

func TestCorpusInvariants(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run skipped in -short mode")
	}
	files := corpus(t)
	r := offlineRunner(t)
	n := 0
	for name, src := range files {
		n += len(checkInvariants(t, r, name, src))
	}
	t.Logf("%d files, %d diagnostics", len(files), n)
}

// nasty is Markdown that has broken parsers and position mapping.
var nasty = []string{
	"",
	"\ufeff",
	"\r\n\r\n",
	"a\rb\rc TK",
	strings.Repeat(">", 5000) + " deep TK",
	strings.Repeat("- ", 60) + "TK",
	strings.Repeat("  ", 30) + "- [citation needed]",
	"| a | b |\n|---|---|\n" + strings.Repeat("| 1 TK | \"2\" |\n", 2000),
	strings.Repeat("*", 3000) + "TK" + strings.Repeat("_", 3000),
	strings.Repeat("[", 3000) + "TK" + strings.Repeat("]", 3000),
	strings.Repeat("`", 1000) + "TK",
	"[unclosed](http://x.y \"title\nTK",
	"<!-- citelint-disable\nTK\n",
	"<!-- citelint-disable-next-line -->",
	"***\n---\ntitle: x\n---\n",
	"---\ntitle: TK\n",
	"[^1]\n\n[^1]: TK [^1]\n",
	"[a]: <\n[a]\n",
	"&#x0; &#xFFFFFFFF; &amp TK",
	"\\" + strings.Repeat("\\", 500),
	"“" + strings.Repeat("‘", 200) + "TK" + strings.Repeat("”", 200),
	strings.Repeat("\"TK\" ", 500),
	strings.Repeat("In 2020 it cost $45 and 45% of 300 people said \"yes, TK\". ", 300),
	"1. a\n   2. b\n      3. [citation needed]\n",
	"<div>\n\nTK\n\n</div>\n",
	"https://example.com/TK_(x) www.TK.com TK@example.com",
	"Mr. TK. Dr. TK! U.S. TK? e.g. TK...",
	strings.Repeat("日本語\t", 500) + "TK",
}

func FuzzCheck(f *testing.F) {
	for _, s := range nasty {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	r := offlineRunner(f)
	f.Fuzz(func(t *testing.T, src []byte, plain bool) {
		name := "fuzz.md"
		if plain {
			name = "fuzz.txt"
		}
		checkInvariants(t, r, name, src)
	})
}
