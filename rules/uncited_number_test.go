package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/lint"
)

func TestUncitedNumber(t *testing.T) { runFixtures(t, UncitedNumber) }

func TestVagueSource(t *testing.T) { runFixtures(t, VagueSource) }

func TestUncitedNumberOptionsValidate(t *testing.T) {
	for _, tc := range []struct {
		opts UncitedNumberOptions
		want string
	}{
		{UncitedNumberOptions{Reach: "page"}, `reach "page"`},
		{UncitedNumberOptions{Reach: "sentence", MinCount: -1}, "min-count"},
		{UncitedNumberOptions{Reach: "sentence", ExtraNouns: []string{"two words"}}, "extra-nouns"},
		{UncitedNumberOptions{Reach: "sentence", IgnorePatterns: []string{"("}}, "ignore-patterns"},
	} {
		err := tc.opts.Validate()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v, want an error about %s", tc.opts, err, tc.want)
		}
	}
	if err := (&VagueSourceOptions{ExtraPhrases: []string{" "}}).Validate(); err == nil {
		t.Error("an empty extra phrase was accepted")
	}
}

// TestUncitedNumberHostile checks that a 5 MB one-line paragraph holding
// 100,000 figures in a single sentence is checked in linear time.
func TestUncitedNumberHostile(t *testing.T) {
	const figures = 100_000
	var b strings.Builder
	for range figures {
		b.WriteString("turnout reached 45% in this district and then some more words ")
	}
	src := []byte("Then " + b.String() + "\n")
	if len(src) < 5<<20 {
		t.Fatalf("input is %d bytes, want at least 5 MB", len(src))
	}
	start := time.Now()
	doc, err := lint.Parse("hostile.md", src, lint.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	runner := &lint.Runner{Rules: []lint.ActiveRule{
		{Rule: UncitedNumber, Severity: UncitedNumber.Severity, Options: UncitedNumber.DefaultOptions()},
		{Rule: VagueSource, Severity: VagueSource.Severity, Options: VagueSource.DefaultOptions()},
	}}
	diags, err := runner.Check(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != figures {
		t.Errorf("got %d diagnostics, want %d", len(diags), figures)
	}
	if elapsed := time.Since(start); elapsed > 60*time.Second {
		t.Errorf("took %v: not linear", elapsed)
	}
}

// numberCorpus is the corpus of real posts the benchmarks run over; it is
// not part of the repository.
var numberCorpus = filepath.Join("..", "..", "shared", "corpora", "digitalgov")

// parsedNumberCorpus reads and parses the corpus, skipping the benchmark
// when it is absent.
func parsedNumberCorpus(b *testing.B) ([][]byte, []*lint.Document, int64) {
	files, _ := filepath.Glob(filepath.Join(numberCorpus, "*.md"))
	if len(files) == 0 {
		b.Skip("corpus not found at " + numberCorpus)
	}
	var srcs [][]byte
	var docs []*lint.Document
	var size int64
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := lint.Parse(f, src, lint.Markdown)
		if err != nil {
			continue
		}
		srcs = append(srcs, src)
		docs = append(docs, doc)
		size += int64(len(src))
	}
	return srcs, docs, size
}

// BenchmarkUncitedNumberParseBaseline parses the corpus, for comparison
// with the rule benchmarks below.
func BenchmarkUncitedNumberParseBaseline(b *testing.B) {
	srcs, _, size := parsedNumberCorpus(b)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, src := range srcs {
			if _, err := lint.Parse("post.md", src, lint.Markdown); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkUncitedNumber(b *testing.B) { benchmarkRule(b, UncitedNumber) }

func BenchmarkVagueSource(b *testing.B) { benchmarkRule(b, VagueSource) }

// benchmarkRule runs one rule over the parsed corpus.
func benchmarkRule(b *testing.B, rule *lint.Rule) {
	_, docs, size := parsedNumberCorpus(b)
	runner := &lint.Runner{Rules: []lint.ActiveRule{{Rule: rule, Severity: rule.Severity, Options: rule.DefaultOptions()}}}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, doc := range docs {
			if _, err := runner.Check(doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}
