package main

import (
	"fmt"
	"strings"

	"github.com/citelint/citelint/check"
	"github.com/citelint/citelint/fix"
	"github.com/citelint/citelint/report"
	"github.com/urfave/cli/v2"
)

func fixCommand() *cli.Command {
	return &cli.Command{
		Name:      "fix",
		Usage:     "apply the fixes citelint is certain of (moved, archived and misspelled links); --diff shows them instead",
		ArgsUsage: "PATH...",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "diff", Usage: "print the fixes as a unified diff (applies with patch -p0) and change no file"},
			&cli.BoolFlag{Name: "online", Usage: "check links over the network first; by default links are judged from cached results only, as with --offline"},
			&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "read settings from `FILE` instead of the nearest .citelint.yml"},
			&cli.StringSliceFlag{Name: "enable", Usage: "turn on `RULE` even if the config turns it off; a list (a,b) or repeated"},
			&cli.StringSliceFlag{Name: "disable", Usage: "turn off `RULE`; a list (a,b) or repeated"},
			&cli.BoolFlag{Name: "allow-private", Usage: "with --online, let link checks connect to loopback, private and link-local addresses"},
			&cli.BoolFlag{Name: "suggest-archive", Usage: "with --online, ask the Wayback Machine for the closest snapshot of each dead link, so that dead links can be fixed"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "leave out the summary line"},
		},
		Action: runFix,
	}
}

// runFix wires the flags to package fix, which does the work.
func runFix(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("fix changes files: name them, as in: citelint fix draft.md docs/", exitError)
	}
	for _, arg := range c.Args().Slice() {
		if lower := strings.ToLower(arg); strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
			return cli.Exit(fmt.Sprintf("fix changes files, and %s is a published page: check it with: citelint %s", arg, arg), exitError)
		}
	}
	if !c.Bool("online") && (c.Bool("suggest-archive") || c.Bool("allow-private")) {
		return cli.Exit("--suggest-archive and --allow-private act on link checks, which only --online makes: add --online", exitError)
	}
	opts := fix.Options{
		Check: check.Options{
			Paths:          c.Args().Slice(),
			ConfigPath:     c.String("config"),
			Enable:         ruleList(c.StringSlice("enable")),
			Disable:        ruleList(c.StringSlice("disable")),
			AllowPrivate:   c.Bool("allow-private"),
			SuggestArchive: c.Bool("suggest-archive"),
			Version:        versionString(),
			Links:          check.LinksOffline,
			Notify: func(n check.Note) {
				if n.Important || !c.Bool("quiet") {
					fmt.Fprintf(c.App.ErrWriter, "citelint: %s\n", n.Text)
				}
			},
		},
		Diff:   c.Bool("diff"),
		DiffTo: c.App.Writer,
	}
	if c.Bool("online") {
		opts.Check.Links = check.LinksOnline
		if !c.Bool("quiet") && report.IsTerminal(c.App.ErrWriter) {
			opts.Check.LinkProgress = c.App.ErrWriter
		}
	}
	ctx, stop := signalContext()
	defer stop()
	rep, err := fix.Run(ctx, opts)
	if err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	fixed := 0
	for _, f := range rep.Files {
		fixed += f.Fixed
		for _, d := range f.Overlapping {
			fmt.Fprintf(c.App.ErrWriter, "citelint: %s:%d:%d: %s: fix not applied: it overlaps another fix, so neither is certain\n",
				report.Escape(d.Path), d.Pos.Line, d.Pos.Column, d.Rule)
		}
	}
	printErrors(c, rep.Errors)
	if !c.Bool("quiet") {
		verb := "fixed"
		if opts.Diff {
			verb = "would fix"
		}
		remain := "remain"
		if len(rep.Remaining) == 1 {
			remain = "remains"
		}
		fmt.Fprintf(c.App.ErrWriter, "citelint: %s %s; %s %s\n", verb, plural(fixed, "finding"), plural(len(rep.Remaining), "finding"), remain)
	}
	switch {
	case len(rep.Errors) > 0:
		return cli.Exit("", exitError)
	case len(rep.Remaining) > 0:
		return cli.Exit("", exitFindings)
	}
	return nil
}

// plural writes n and noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
