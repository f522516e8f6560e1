package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"text/tabwriter"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
	"github.com/goccy/go-yaml"
	"github.com/urfave/cli/v2"
)

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list every rule with its default severity",
		Action: func(c *cli.Context) error {
			w := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "RULE\tSEVERITY\tCHECKS")
			for _, r := range rules.All() {
				fmt.Fprintf(w, "%s\t%s\t%s\n", r.ID, r.Severity, r.Summary)
			}
			if err := w.Flush(); err != nil {
				return err
			}
			fmt.Fprintln(c.App.Writer, "\nRun \"citelint explain RULE\" for what a rule reports and how to fix it.")
			return nil
		},
	}
}

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "show what a rule reports, with examples and options",
		ArgsUsage: "RULE",
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return cli.Exit("explain takes one rule ID, for example: citelint explain citation-needed-marker", exitError)
			}
			id := c.Args().First()
			for _, r := range rules.All() {
				if r.ID == id {
					fmt.Fprintf(c.App.Writer, "%s (default severity: %s)\n\n%s", r.ID, r.Severity, r.Doc)
					return nil
				}
			}
			return cli.Exit(fmt.Sprintf("unknown rule %q: run \"citelint rules\" for the list", id), exitError)
		},
	}
}

func initCommand() *cli.Command {
	return &cli.Command{
		Name:  "init",
		Usage: "write a commented " + lint.ConfigNames[0] + " with every rule's defaults",
		Action: func(c *cli.Context) error {
			// Any config file here would be shadowed by, or shadow, the new
			// one: refuse rather than leave two.
			for _, existing := range lint.ConfigNames {
				if _, err := os.Lstat(existing); err == nil {
					return cli.Exit(existing+" already exists; citelint init never overwrites a config or writes a second one beside it", exitError)
				}
			}
			parent, err := lint.FindConfig(".")
			if err != nil {
				return cli.Exit(fmt.Sprintf("look for config: %v", err), exitError)
			}
			name := lint.ConfigNames[0]
			f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return cli.Exit(name+" already exists; citelint init never overwrites it", exitError)
			}
			if err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			if _, err := f.WriteString(defaultConfig(rules.All())); err != nil {
				_ = f.Close()
				return cli.Exit(fmt.Sprintf("write %s: %v", name, err), exitError)
			}
			if err := f.Close(); err != nil {
				return cli.Exit(fmt.Sprintf("write %s: %v", name, err), exitError)
			}
			fmt.Fprintf(c.App.Writer, "wrote %s\n", name)
			if parent != "" {
				fmt.Fprintf(c.App.ErrWriter, "citelint: note: %s now applies here instead of %s\n", name, parent)
			}
			return nil
		},
	}
}

// defaultConfig renders a config that spells out every default, so that
// editing it is the way to learn the settings.
func defaultConfig(all []*lint.Rule) string {
	var b strings.Builder
	b.WriteString("# citelint settings. Each rule takes a severity (error, warning, info) or off,\n")
	b.WriteString("# or a mapping with severity and the rule's options.\n")
	b.WriteString("# \"citelint explain RULE\" describes a rule and its options.\n\nrules:\n")
	for _, r := range all {
		fmt.Fprintf(&b, "  # %s\n", r.Summary)
		if r.DefaultOptions == nil {
			fmt.Fprintf(&b, "  %s: %s\n", r.ID, r.Severity)
			continue
		}
		fmt.Fprintf(&b, "  %s:\n    severity: %s\n", r.ID, r.Severity)
		opts, err := yaml.MarshalWithOptions(optionsForYAML(r.DefaultOptions()), yaml.Indent(2))
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

// optionsForYAML dereferences an options pointer so it marshals as a mapping.
func optionsForYAML(o lint.Options) any {
	return reflect.ValueOf(o).Elem().Interface()
}
