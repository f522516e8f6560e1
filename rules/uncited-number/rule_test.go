package uncitednumber

import (
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/lint"
	vaguesource "github.com/citelint/citelint/rules/vague-source"
)

func TestUncitedNumberOptionsValidate(t *testing.T) {
	for _, tc := range []struct {
		opts Options
		want string
	}{
		{Options{Reach: "page"}, `reach "page"`},
		{Options{Reach: "sentence", MinCount: -1}, "min-count"},
		{Options{Reach: "sentence", ExtraNouns: []string{"two words"}}, "extra-nouns"},
		{Options{Reach: "sentence", IgnorePatterns: []string{"("}}, "ignore-patterns"},
	} {
		err := tc.opts.Validate()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v, want an error about %s", tc.opts, err, tc.want)
		}
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
		{Rule: Rule, Severity: Rule.Severity, Options: Rule.DefaultOptions()},
		{Rule: vaguesource.Rule, Severity: vaguesource.Rule.Severity, Options: vaguesource.Rule.DefaultOptions()},
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
