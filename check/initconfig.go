package check

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
	"github.com/goccy/go-yaml"
)

// WriteDefaultConfig writes DefaultConfig to a new config file in the
// working folder ("citelint init"). It refuses when any config file is
// there already: the new one would shadow it, or be shadowed. It returns
// the file written and the config of a parent folder that applied here
// before and no longer does ("" when none).
func WriteDefaultConfig() (name, shadowed string, err error) {
	for _, existing := range lint.ConfigNames {
		if _, err := os.Lstat(existing); err == nil {
			return "", "", errors.New(existing + " already exists; citelint init never overwrites a config or writes a second one beside it")
		}
	}
	shadowed, err = lint.FindConfig(".")
	if err != nil {
		return "", "", fmt.Errorf("look for config: %w", err)
	}
	name = lint.ConfigNames[0]
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", "", errors.New(name + " already exists; citelint init never overwrites it")
	}
	if err != nil {
		return "", "", err
	}
	if _, err := f.WriteString(DefaultConfig()); err != nil {
		_ = f.Close()
		return "", "", fmt.Errorf("write %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		return "", "", fmt.Errorf("write %s: %w", name, err)
	}
	return name, shadowed, nil
}

// DefaultConfig renders a config that spells out every default, from the
// values the code uses, so that editing it is the way to learn the
// settings.
func DefaultConfig() string {
	var b strings.Builder
	b.WriteString("# citelint settings. Each rule takes a severity (error, warning, info) or off,\n")
	b.WriteString("# or a mapping with severity and the rule's options.\n")
	b.WriteString("# \"citelint explain RULE\" describes a rule and its options.\n\nrules:\n")
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "  # %s\n", r.Summary)
		if r.DefaultOptions == nil {
			fmt.Fprintf(&b, "  %s: %s\n", r.ID, r.Severity)
			continue
		}
		fmt.Fprintf(&b, "  %s:\n    severity: %s\n", r.ID, r.Severity)
		// Dereferenced, the options marshal as a mapping.
		opts, err := yaml.MarshalWithOptions(reflect.ValueOf(r.DefaultOptions()).Elem().Interface(), yaml.Indent(2))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(strings.TrimRight(string(opts), "\n"), "\n") {
			fmt.Fprintf(&b, "    %s\n", line)
		}
	}
	b.WriteString("\n# Paths not to check, relative to this file (** matches any folders).\nignore: []\n")
	b.WriteString("\n# Files that folder walks check beyond Markdown, such as plain-text drafts\n# (e.g. [\"notes/**/*.txt\"]); .txt files named on the command line are always checked.\ninclude: []\n")
	b.WriteString(linkcheck.CommentedDefaults())
	return b.String()
}
