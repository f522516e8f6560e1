package rules

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citelint/citelint/extract"
	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/linkrule"
	"github.com/citelint/citelint/rules/internal/ruledoc"
)

var update = flag.Bool("update", false, "rewrite the .out files of rule fixtures (review the diff!)")

// TestRuleFixtures is the one harness of every registered rule: it runs
// each rule over its fixtures, and fails for a rule that has none.
func TestRuleFixtures(t *testing.T) {
	for _, rule := range All() {
		t.Run(rule.ID, func(t *testing.T) { runFixtures(t, rule) })
	}
}

// runFixtures checks every fixture in <rule ID>/testdata/ with only that
// rule on, against the .out file beside it: one line per diagnostic,
//
//	line:col-endLine:endCol severity "spanned text": message
//
// so that a reader sees exactly what each finding covers. Unexpected and
// missing diagnostics both fail. A link rule reads its link checker
// results from the <fixture>.links.json beside the fixture (URL to
// linkcheck.Result), a fake provider standing for the network; without
// one, links count as not checked.
func runFixtures(t *testing.T, rule *lint.Rule) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(rule.ID, "testdata", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, file := range files {
		if strings.HasSuffix(file, ".out") || strings.HasSuffix(file, ".yml") || strings.HasSuffix(file, ".json") {
			continue
		}
		n++
		t.Run(filepath.Base(file), func(t *testing.T) {
			got := fixtureOutput(t, rule, file)
			golden := strings.TrimSuffix(file, filepath.Ext(file)) + ".out"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./rules -update to create it, then review it)", err)
			}
			if got != string(want) {
				t.Errorf("diagnostics differ from %s\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
	if n == 0 {
		t.Fatalf("no fixtures in %s/testdata", rule.ID)
	}
}

// fixtureOutput runs rule over file; options come from a .yml file beside
// the fixture (the rule's config mapping), if there is one.
func fixtureOutput(t *testing.T, rule *lint.Rule, file string) string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	active := lint.ActiveRule{Rule: rule, Severity: rule.Severity}
	if rule.DefaultOptions != nil {
		active.Options = rule.DefaultOptions()
	}
	if cfgFile := strings.TrimSuffix(file, filepath.Ext(file)) + ".yml"; fileExists(cfgFile) {
		cfgSrc, err := os.ReadFile(cfgFile)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := lint.ParseConfig(cfgFile, ".", cfgSrc, All(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if s, ok := cfg.Rules[rule.ID]; ok {
			if s.Severity != 0 {
				active.Severity = s.Severity
			}
			if s.Options != nil {
				active.Options = s.Options
			}
		}
	}
	doc, err := lint.Parse(filepath.ToSlash(file), src, lint.FormatOf(file))
	if err != nil {
		t.Fatal(err)
	}
	runner := &lint.Runner{Rules: []lint.ActiveRule{active}, Known: Known}
	if rule.Network {
		runner.Values = linkrule.Values(fakeLinkResults(t, file), linkrule.Options{})
	}
	diags, err := runner.Check(doc)
	if err != nil {
		t.Fatal(err)
	}
	lint.SortDiagnostics(diags)
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "%d:%d-%d:%d %s %q: %s\n", d.Pos.Line, d.Pos.Column, d.EndPos.Line, d.EndPos.Column,
			d.Severity, src[d.Start:d.End], d.Message)
		if e := d.Evidence; e != nil {
			fmt.Fprintf(&b, "\tevidence %s", e.URL)
			if e.Text != "" {
				fmt.Fprintf(&b, " %q %s", e.Text, e.Link)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// fakeLinkResults reads the link checker results a fixture's
// .links.json gives, or returns nil (links not checked) when it has none.
func fakeLinkResults(t *testing.T, fixture string) map[string]linkcheck.Result {
	t.Helper()
	name := strings.TrimSuffix(fixture, filepath.Ext(fixture)) + ".links.json"
	if !fileExists(name) {
		return nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	// A result may carry the page the checker read: "Page" as an
	// extract.Page, or "PageFile", a file under testdata/pages read as
	// the server's body of type "PageType", the way the checker reads it.
	var entries map[string]struct {
		linkcheck.Result
		Page     *extract.Page
		PageFile string
		PageType string
	}
	if err := json.Unmarshal(b, &entries); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	results := make(map[string]linkcheck.Result, len(entries))
	for u, e := range entries {
		r := e.Result
		switch {
		case e.Page != nil:
			r = r.WithPage(e.Page)
		case e.PageFile != "":
			body, err := os.ReadFile(filepath.Join(filepath.Dir(fixture), "pages", e.PageFile))
			if err != nil {
				t.Fatal(err)
			}
			page, err := extract.FromBody(u, e.PageType, body, extract.Limits{})
			if err != nil {
				t.Fatalf("%s: %s: %v", name, e.PageFile, err)
			}
			r = r.WithPage(page)
		}
		results[u] = r
	}
	return results
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func TestEveryRuleIsDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range All() {
		if seen[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || r.Documentation() == "" || r.Run == nil || r.Severity == 0 {
			t.Errorf("rule %s lacks a summary, doc, run or severity", r.ID)
		}
		if strings.ToLower(r.ID) != r.ID || strings.ContainsAny(r.ID, " _") {
			t.Errorf("rule ID %q is not kebab-case", r.ID)
		}
		if r.DefaultOptions != nil {
			if err := r.DefaultOptions().Validate(); err != nil {
				t.Errorf("rule %s: default options invalid: %v", r.ID, err)
			}
		}
	}
}

// TestEveryRuleFolderIsRegistered ties the folders to the registry: a
// folder holding a rule.go that All does not list would be a rule nobody
// runs, and a registered rule's documentation must be its folder's doc.md,
// where DocPath (and so the documentation links of SARIF reports) points,
// with every {{lexicon CLASS}} placeholder filled in from the lexicon.
func TestEveryRuleFolderIsRegistered(t *testing.T) {
	folders, err := filepath.Glob(filepath.Join("*", "rule.go"))
	if err != nil {
		t.Fatal(err)
	}
	registered := map[string]*lint.Rule{}
	for _, r := range All() {
		registered[r.ID] = r
	}
	for _, f := range folders {
		if id := filepath.Dir(f); registered[id] == nil {
			t.Errorf("%s: folder %s holds a rule that rules.All does not list", f, id)
		}
	}
	if len(folders) != len(registered) {
		t.Errorf("%d rule folders, %d registered rules", len(folders), len(registered))
	}
	for id, r := range registered {
		// DocPath is relative to the repository, one folder up.
		doc, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(DocPath(id))))
		if err != nil {
			t.Errorf("rule %s: %v (its documentation is %s)", id, err, DocPath(id))
			continue
		}
		if err := ruledoc.Check(string(doc)); err != nil {
			t.Errorf("%s: %v", DocPath(id), err)
		}
		if ruledoc.Expand(string(doc)) != r.Documentation() {
			t.Errorf("rule %s: Doc is not %s with its word lists filled in", id, DocPath(id))
		}
		if strings.Contains(r.Documentation(), "{{lexicon") {
			t.Errorf("rule %s: Doc holds a word list placeholder that was not filled in", id)
		}
	}
}
