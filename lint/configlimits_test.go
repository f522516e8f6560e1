package lint

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/scanner"
)

// maxDepth runs the depth meter over src and returns the deepest level.
func maxDepth(t *testing.T, src string) int {
	t.Helper()
	var s scanner.Scanner
	s.Init(src)
	var d depthMeter
	deepest := 0
	for {
		tokens, err := s.Scan()
		for _, tk := range tokens {
			deepest = max(deepest, d.add(tk))
		}
		if err != nil {
			return deepest
		}
	}
}

func TestDepthMeter(t *testing.T) {
	tests := []struct {
		src  string
		want int
	}{
		{"a: 1\n", 1},
		{"a:\n  b: 1\nc: 2\n", 2},
		{"a:\n- 1\n- 2\nb: 3\n", 2},
		{"a:\n- b: 1\n  c: 2\nd: 3\n", 3},
		{"a:\n  - - b: [c]\n", 5},
		{"- - - a\n", 3},
		{"a: [b, {c: [d]}]\n", 4},
		{"a: '[[[{{{'\nb: \"[[[\" # [[[{{{\n", 1},
		{"a: it's [[[ here\n", 1}, // a plain scalar: the quote starts no string
		{"a: |\n  [[[\n  - - -\n", 1},
		{"? a\n: b\n", 1},
		{"---\na: [[[]]]\n---\nb: 1\n", 4},
		{"a:\n" + strings.Repeat(" ", 2) + "b:\n" + strings.Repeat(" ", 4) + "c: 1\n  d: 2\ne: 3\n", 3},
		{"a: &x [1, 2]\nb: *x\n", 2},
	}
	for _, tt := range tests {
		if got := maxDepth(t, tt.src); got != tt.want {
			t.Errorf("%q: depth %d, want %d", tt.src, got, tt.want)
		}
	}
}

func TestConfigLimitsAtTheBoundary(t *testing.T) {
	l := ConfigLimits{MaxBytes: 64, MaxDepth: 4, MaxValues: 10}
	const (
		depth  = "nested more than 4 levels deep here, the limit for a config file (a citelint config nests four or five); if this really is the config, raise the limit with CITELINT_MAX_CONFIG_DEPTH=<levels>"
		size   = "the file goes on past 64 bytes, the limit for a config file (a citelint config is a few lines); if this really is the config, raise the limit with CITELINT_MAX_CONFIG_BYTES=<bytes>"
		values = "the config stands for more than 10 values by here (an alias counts the values it repeats), the limit for a config file; if this really is the config, raise the limit with CITELINT_MAX_CONFIG_VALUES=<values>"
	)
	tests := []struct {
		src, want string // want is the error, "" for none
	}{
		// Four levels: the file's mapping, rules, the rule's, the list.
		{"rules:\n  tuned: {extra-nouns: [a]}\n", ""},
		{"rules:\n  tuned: {extra-nouns: [[a]]}\n", "config c.yml:2:25: " + depth},
		{"rules:\n  tuned:\n    extra-nouns:\n    - a\n", ""},
		{"rules:\n  tuned:\n    extra-nouns:\n      - - a\n", "config c.yml:4:9: " + depth},
		// 64 bytes pass; past them, the place is the 65th byte's.
		{"# " + strings.Repeat("x", 61) + "\n", ""},
		{"# " + strings.Repeat("é", 40) + "\n", "config c.yml:1:34: " + size},
		// Ten values pass: the file's mapping, the key, the list, its items.
		{"ignore: [a, b, c, d, e, f, g]\n", ""},
		{"ignore: [a, b, c, d, e, f, g, h]\n", "config c.yml:1:31: " + values},
		// An alias counts the values of its anchor again.
		{"ignore: [&a x, *a, *a, *a, *a, *a, *a]\n", ""},
		{"ignore: [&a x, *a, *a, *a, *a, *a, *a, *a]\n", "config c.yml:1:40: " + values},
	}
	for _, tt := range tests {
		// The limits hold before any value is decoded.
		_, err := l.parseYAML("c.yml", []byte(tt.src))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%q:\n got  %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestConfigLimitsFromEnv(t *testing.T) {
	env := map[string]string{EnvMaxConfigBytes: "2048", EnvMaxConfigDepth: " 8 ", EnvMaxConfigValues: ""}
	l, err := ConfigLimitsFromEnv(func(k string) string { return env[k] })
	if err != nil || l != (ConfigLimits{MaxBytes: 2048, MaxDepth: 8}) {
		t.Errorf("got %+v, %v", l, err)
	}
	if l.withDefaults() != (ConfigLimits{MaxBytes: 2048, MaxDepth: 8, MaxValues: DefaultMaxConfigValues}) {
		t.Errorf("defaults: %+v", l.withDefaults())
	}
	for _, bad := range []string{"0", "-1", "1MB", "many"} {
		_, err := ConfigLimitsFromEnv(func(k string) string {
			if k == EnvMaxConfigDepth {
				return bad
			}
			return ""
		})
		want := fmt.Sprintf("CITELINT_MAX_CONFIG_DEPTH=%q: expected a whole number above 0", bad)
		if err == nil || err.Error() != want {
			t.Errorf("%q: got %v, want %s", bad, err, want)
		}
	}
}

func TestLoadConfigReadsOnlyUpToTheLimit(t *testing.T) {
	dir := t.TempDir()
	// A folder is not a config; neither is anything else but a regular file.
	_, err := LoadConfig(dir, configRules, nil)
	var ce *ConfigError
	if !errors.As(err, &ce) || err.Error() != "config "+dir+": not a regular file; point --config at a YAML file" {
		t.Errorf("folder: %v", err)
	}
	big := filepath.Join(dir, "big.yml")
	if err := os.WriteFile(big, []byte(strings.Repeat("# comment\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = ConfigLimits{MaxBytes: 100}.Load(big, configRules, nil)
	if err == nil || err.Error() != "config "+big+":11:1: the file goes on past 100 bytes, the limit for a config file (a citelint config is a few lines); if this really is the config, raise the limit with CITELINT_MAX_CONFIG_BYTES=<bytes>" {
		t.Errorf("big: %v", err)
	}
	if _, err := (ConfigLimits{MaxBytes: 1000}).Load(big, configRules, nil); err != nil {
		t.Errorf("at the limit: %v", err)
	}
}

func TestYAMLLibraryPanicIsAConfigError(t *testing.T) {
	// goccy/go-yaml v1.19.2 panicked decoding an empty tag ("ignore: ! ",
	// found by FuzzConfig and kept as its seed); whatever panics in the
	// library, the run gets an error naming the config.
	c, err := func() (c *Config, err error) {
		defer recoverYAMLPanic("c.yml", &c, &err)
		c = &Config{}
		panic("index out of range")
	}()
	var ce *ConfigError
	want := "config c.yml: the YAML library failed to read this file (index out of range); simplify what is unusual in it, and please report it"
	if c != nil || !errors.As(err, &ce) || err.Error() != want {
		t.Errorf("got %v, %v\nwant %s", c, err, want)
	}
}
