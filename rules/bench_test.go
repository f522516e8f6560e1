package rules

import (
	"os"
	"sort"
	"testing"
	"time"

	"github.com/citelint/citelint/internal/gctune"
	"github.com/citelint/citelint/lint"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
)

// sortedCorpus returns the corpus in a fixed order, with its size.
func sortedCorpus(b *testing.B) ([][]byte, int64) {
	files := corpus(b)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var size int64
	out := make([][]byte, len(names))
	for i, n := range names {
		out[i] = files[n]
		size += int64(len(files[n]))
	}
	return out, size
}

// BenchmarkCorpusGoldmark is the floor the speed target is measured
// against: goldmark alone, with the extensions citelint uses, parsing
// every post of the corpus. citelint's own parser (lint.MarkdownParser)
// builds the same tree faster: it puts cheap tests in front of GFM's
// autolinks, inline raw HTML and link reference definitions.
func BenchmarkCorpusGoldmark(b *testing.B) {
	files, size := sortedCorpus(b)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, &frontmatter.Extender{}))
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range files {
			md.Parser().Parse(text.NewReader(src))
		}
	}
}

// BenchmarkCorpusParse is citelint's document model alone: goldmark plus
// the prose view, sentences, quotations and citation evidence.
func BenchmarkCorpusParse(b *testing.B) {
	files, size := sortedCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range files {
			if _, err := lint.Parse("post.md", src, lint.Markdown); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCorpusOfflineCheck is the whole offline check of the corpus on
// one goroutine: parse, every rule (the link rules with no link checker
// results, as with --offline and an empty cache), suppressions and
// positions. The target is at most twice BenchmarkCorpusGoldmark.
func BenchmarkCorpusOfflineCheck(b *testing.B) {
	files, size := sortedCorpus(b)
	r := offlineRunner(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		checkAll(b, r, files)
	}
}

// checkAll parses and checks every file.
func checkAll(b *testing.B, r *lint.Runner, files [][]byte) {
	for _, src := range files {
		doc, err := lint.Parse("post.md", src, lint.Markdown)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.Check(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCorpusRule parses the corpus and runs one rule at a time:
// minus BenchmarkCorpusParse, what each rule adds.
func BenchmarkCorpusRule(b *testing.B) {
	files, size := sortedCorpus(b)
	for _, rule := range All() {
		b.Run(rule.ID, func(b *testing.B) {
			active := lint.ActiveRule{Rule: rule, Severity: rule.Severity}
			if rule.DefaultOptions != nil {
				active.Options = rule.DefaultOptions()
			}
			r := &lint.Runner{Rules: []lint.ActiveRule{active}, Known: Known}
			b.SetBytes(size)
			for b.Loop() {
				checkAll(b, r, files)
			}
		})
	}
}

// BenchmarkCorpusRatio measures the speed target directly: each iteration
// parses the corpus with goldmark alone and then runs the whole offline
// check over it, back to back, so that both see the same machine load. It
// reports the two times per pass and their ratio (issue 11: at most 1.5).
// Both run with the garbage collector's settings of the command
// (gctune), as a user's run does; GOGC or GOMEMLIMIT in the environment
// measures them under Go's own instead.
func BenchmarkCorpusRatio(b *testing.B) {
	defer gctune.Apply(os.Getenv)()
	files, _ := sortedCorpus(b)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, &frontmatter.Extender{}))
	r := offlineRunner(b)
	var parse, check time.Duration
	for b.Loop() {
		t0 := time.Now()
		for _, src := range files {
			md.Parser().Parse(text.NewReader(src))
		}
		t1 := time.Now()
		checkAll(b, r, files)
		parse, check = parse+t1.Sub(t0), check+time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(parse.Milliseconds())/n, "goldmark-ms")
	b.ReportMetric(float64(check.Milliseconds())/n, "check-ms")
	b.ReportMetric(float64(check)/float64(parse), "check/goldmark")
}
