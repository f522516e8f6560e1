package lint

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type testOptions struct {
	Reach    string   `yaml:"reach"`
	MinCount int      `yaml:"min-count"`
	Nouns    []string `yaml:"extra-nouns"`
}

func (o *testOptions) Validate() error {
	if o.Reach != "sentence" && o.Reach != "paragraph" {
		return errors.New(`reach must be "sentence" or "paragraph"`)
	}
	return nil
}

var configRules = []*Rule{
	{ID: "plain", Severity: Error},
	{ID: "tuned", Severity: Warning, DefaultOptions: func() Options { return &testOptions{Reach: "sentence", MinCount: 10} }},
}

func TestParseConfig(t *testing.T) {
	src := `# comment
rules:
  plain: warning
  tuned: {severity: info, min-count: 3, extra-nouns: [widgets]}
ignore: ["CHANGELOG.md", "vendor/**"]
`
	c, err := ParseConfig(".citelint.yml", "/repo", []byte(src), configRules, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Rules["plain"]; s.Severity != Warning || s.Off {
		t.Errorf("plain: %+v", s)
	}
	s := c.Rules["tuned"]
	o, ok := s.Options.(*testOptions)
	if s.Severity != Info || !ok || o.MinCount != 3 || o.Reach != "sentence" || len(o.Nouns) != 1 {
		t.Errorf("tuned: %+v %+v", s, o)
	}
	off, err := ParseConfig("c.yml", "/", []byte("rules:\n  plain: off\n"), configRules, nil)
	if err != nil || !off.Rules["plain"].Off {
		t.Errorf("off: %+v %v", off, err)
	}
	empty, err := ParseConfig("c.yml", "/", []byte("# nothing\n"), configRules, nil)
	if err != nil || len(empty.Rules) != 0 {
		t.Errorf("empty: %+v %v", empty, err)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown key", "rulez: {}\n", `config c.yml:1:1: unknown key "rulez": expected rules, ignore`},
		{"unknown rule", "rules:\n  nope: error\n", `config c.yml:2:3: unknown rule "nope": run "citelint rules" for the list`},
		{"bad severity", "rules:\n  plain: fatal\n", `config c.yml:2:10: rule plain: unknown severity "fatal": use error, warning, info or off`},
		{"bad severity in mapping", "rules:\n  tuned: {severity: loud}\n", `config c.yml:2:21: rule tuned: unknown severity "loud": use error, warning, info or off`},
		{"unknown option", "rules:\n  tuned: {colour: red}\n", `config c.yml:2:11: rule tuned: unknown option "colour": expected severity, reach, min-count, extra-nouns`},
		{"option of a rule without options", "rules:\n  plain: {reach: x}\n", `config c.yml:2:11: rule plain: unknown option "reach": this rule takes only severity`},
		{"option of the wrong type", "rules:\n  tuned:\n    min-count: many\n", `config c.yml:3:16: rule tuned: option min-count: expected a number`},
		{"option that does not validate", "rules:\n  tuned:\n    reach: page\n", `config c.yml:2:3: rule tuned: reach must be "sentence" or "paragraph"`},
		{"rules not a mapping", "rules: [a]\n", `config c.yml:1:8: rules: expected a mapping of rule IDs to a severity (error, warning, info, off) or to {severity: …, options…}`},
		{"ignore not a list", "ignore: 3\n", `config c.yml:1:9: expected a list of glob patterns`},
		{"bad glob", "ignore: [\"a[\"]\n", `config c.yml:1:9: ignore: bad glob pattern "a["`},
		{"not YAML", "rules: {plain: [\n", `config c.yml:`},
		{"not a mapping", "- a\n", `config c.yml:1:1: expected a mapping with keys rules, ignore`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig("c.yml", "/", []byte(tt.src), configRules, nil)
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want a ConfigError", err)
			}
			if got := err.Error(); got != tt.want && (tt.name != "not YAML" || !strings.HasPrefix(got, tt.want)) {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestConfigSections(t *testing.T) {
	var links struct {
		Timeout string `yaml:"timeout"`
	}
	sections := map[string]any{"links": &links}
	if _, err := ParseConfig("c.yml", "/", []byte("links: {timeout: 5s}\n"), configRules, sections); err != nil || links.Timeout != "5s" {
		t.Errorf("section: %v %q", err, links.Timeout)
	}
	_, err := ParseConfig("c.yml", "/", []byte("links: {timeot: 5s}\n"), configRules, sections)
	if err == nil || err.Error() != `config c.yml:1:9: unknown field "timeot"` {
		t.Errorf("unknown section field: %v", err)
	}
}

func TestFindConfigStopsAtRepositoryRoot(t *testing.T) {
	root := t.TempDir()
	outer := filepath.Join(root, ".citelint.yml")
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "docs", "posts")
	for _, dir := range []string{filepath.Join(repo, ".git"), deep} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(outer, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := FindConfig(deep); err != nil || got != "" {
		t.Errorf("found %q (%v): the search must stop at the repository root", got, err)
	}
	inRepo := filepath.Join(repo, "docs", ".citelint.yaml")
	if err := os.WriteFile(inRepo, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := FindConfig(deep); err != nil || got != inRepo {
		t.Errorf("found %q (%v), want %q", got, err, inRepo)
	}
}

func TestIgnored(t *testing.T) {
	c := &Config{Dir: "/repo", Ignore: []string{"CHANGELOG.md", "vendor/**", "drafts/old"}}
	for p, want := range map[string]bool{
		"/repo/CHANGELOG.md":      true,
		"/repo/docs/CHANGELOG.md": true,
		"/repo/vendor/x/y.md":     true,
		"/repo/drafts/old/a.md":   true,
		"/repo/drafts/older.md":   false,
		"/repo/docs/post.md":      false,
	} {
		if got := c.Ignored(p); got != want {
			t.Errorf("Ignored(%s) = %v, want %v", p, got, want)
		}
	}
}
