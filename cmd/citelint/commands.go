package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/citelint/citelint/check"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
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
					fmt.Fprintf(c.App.Writer, "%s (default severity: %s)\n\n%s", r.ID, r.Severity, r.Documentation())
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
			name, shadowed, err := check.WriteDefaultConfig()
			if err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			fmt.Fprintf(c.App.Writer, "wrote %s\n", name)
			if shadowed != "" {
				fmt.Fprintf(c.App.ErrWriter, "citelint: note: %s now applies here instead of %s\n", name, shadowed)
			}
			return nil
		},
	}
}
