package lint

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/bmatcuk/doublestar/v4"
)

// hostileConfigs are config files built to exhaust the YAML parser: deep
// nesting (its memory grows with the square of the depth), aliases that
// expand exponentially, sheer size. At scale 1 each is 200 KB or so;
// FuzzConfig seeds with small scales, which mutate faster.
var hostileConfigs = map[string]func(scale float64) string{
	"flow sequences": func(k float64) string {
		n := int(100_000 * k)
		return "ignore: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
	},
	"flow mappings": func(k float64) string {
		n := int(50_000 * k)
		return "rules: " + strings.Repeat("{a: ", n) + "b" + strings.Repeat("}", n) + "\n"
	},
	"block sequences on one line": func(k float64) string {
		return "ignore:\n" + strings.Repeat("- ", int(100_000*k)) + "a\n"
	},
	"block mappings by indentation": func(k float64) string {
		var b strings.Builder
		for i := 0; b.Len() < int(200_000*k); i++ {
			b.WriteString(strings.Repeat(" ", i) + "k:\n")
		}
		return b.String()
	},
	"a quote in a plain scalar before the nesting": func(k float64) string {
		n := int(100_000 * k)
		return "ignore: [it's, " + strings.Repeat("[", n) + strings.Repeat("]", n) + "]\n"
	},
	"billion laughs in sequences": func(float64) string {
		var b strings.Builder
		b.WriteString("ignore:\n  - &a0 [x, x, x, x, x, x, x, x, x, x]\n")
		for i := 1; i < 9; i++ {
			fmt.Fprintf(&b, "  - &a%d [%s]\n", i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
		}
		return b.String()
	},
	"billion laughs in mappings with merge keys": func(float64) string {
		var b strings.Builder
		b.WriteString("links:\n  m0: &m0 {a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1, j: 1}\n")
		for i := 1; i < 9; i++ {
			fmt.Fprintf(&b, "  m%d: &m%d {<<: *m%d, ", i, i, i-1)
			for k := range 9 {
				fmt.Fprintf(&b, "k%d: *m%d, ", k, i-1)
			}
			b.WriteString("z: 1}\n")
		}
		return b.String()
	},
	"300 KB of comments": func(k float64) string {
		return strings.Repeat("# a comment line of fifty bytes, give or take.   \n", int(6000*k))
	},
	"one string of 250 KB": func(k float64) string {
		return "ignore: [\"" + strings.Repeat("a", int(250_000*k)) + "\"]\n"
	},
}

// fuzzSections stands for the sections other packages add to a config
// (the link checker's "links"): a duration, a list, a mapping, a number.
type fuzzSections struct {
	Timeout string            `yaml:"timeout"`
	Skip    []string          `yaml:"skip"`
	Headers map[string]string `yaml:"headers"`
	Retries int               `yaml:"retries"`
}

// FuzzConfig parses any bytes as a config: it never panics; it fails only
// with a *ConfigError naming the file, on one line, at a line the file
// has; what it accepts is valid; and smaller limits refuse nothing the
// defaults accept but for a limit, and accept nothing they refuse. (Which
// error two refusals give may differ: goccy/go-yaml names one of several
// unknown fields in map order.) The seeds are valid configs and the
// hostile ones of TestHostileConfigs.
func FuzzConfig(f *testing.F) {
	for _, s := range []string{
		"",
		"# nothing\n",
		"rules:\n  plain: warning\n  tuned: {severity: info, min-count: 3, extra-nouns: [widgets]}\nignore: [\"CHANGELOG.md\", \"vendor/**\"]\n",
		"rules:\n  plain: off\n  tuned:\n    reach: paragraph\n    extra-nouns:\n    - a\n    - b\n",
		"links: {timeout: 5s, skip: [\"https://example.com/*\"], headers: {Authorization: x}, retries: 2}\n",
		"rules: &r {plain: error}\nlinks: {headers: &h {a: b}}\n",
		"---\nrules: {}\n...\n",
		"ignore:\n- 'it''s.md'\n- \"\\u00e9.md\"\n- |\n  block\n",
		"rules: {plain: [\n",
		"\ufeffrules: {plain: error}\r\n",
		"? rules\n: {plain: info}\n",
		"ignore: !!seq [a]\n",
		"rules:\n\tplain: error\n",
	} {
		f.Add([]byte(s))
	}
	for _, build := range hostileConfigs {
		f.Add([]byte(build(0.001))) // 100 levels, 6 lines of comments
	}
	small := ConfigLimits{MaxBytes: 512, MaxDepth: 4, MaxValues: 40}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := fuzzParse(src, ConfigLimits{})
		if err != nil {
			checkConfigError(t, src, err)
		} else {
			checkConfig(t, c)
		}
		_, errSmall := fuzzParse(src, small)
		switch {
		case errSmall == nil && err != nil:
			t.Fatalf("accepted under smaller limits, refused under the defaults: %v", err)
		case errSmall != nil:
			checkConfigError(t, src, errSmall)
			if err == nil && !strings.Contains(errSmall.Error(), "the limit for a config file") {
				t.Fatalf("accepted under the defaults, refused under smaller limits but not for a limit: %v", errSmall)
			}
		}
	})
}

func fuzzParse(src []byte, l ConfigLimits) (*Config, error) {
	return l.Parse("fuzz.yml", "/repo", src, configRules, map[string]any{"links": &fuzzSections{}})
}

// checkConfigError checks what every config error promises.
func checkConfigError(t *testing.T, src []byte, err error) {
	t.Helper()
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("%T is not a ConfigError: %v", err, err)
	}
	if ce.Path != "fuzz.yml" || ce.Msg == "" || strings.ContainsAny(err.Error(), "\n\r") {
		t.Fatalf("error %q: want one line naming fuzz.yml", err.Error())
	}
	if lines := 1 + strings.Count(string(src), "\n") + strings.Count(string(src), "\r"); ce.Line < 0 || ce.Line > lines || ce.Column < 0 {
		t.Fatalf("error at %d:%d, in a file of %d lines: %v", ce.Line, ce.Column, lines, err)
	}
}

// checkConfig checks that an accepted config holds only what is valid.
func checkConfig(t *testing.T, c *Config) {
	t.Helper()
	for id, s := range c.Rules {
		if id != "plain" && id != "tuned" {
			t.Fatalf("accepted unknown rule %q", id)
		}
		if s.Severity != 0 && (s.Severity < Info || s.Severity > Error) {
			t.Fatalf("rule %s: severity %d", id, s.Severity)
		}
		if s.Options != nil {
			if err := s.Options.Validate(); err != nil {
				t.Fatalf("rule %s: accepted invalid options: %v", id, err)
			}
		}
	}
	for _, p := range c.Ignore {
		if !doublestar.ValidatePattern(p) {
			t.Fatalf("accepted bad glob %q", p)
		}
	}
}
