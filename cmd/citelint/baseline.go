package main

import (
	"fmt"
	"io"

	"github.com/citelint/citelint/baseline"
	"github.com/citelint/citelint/internal/english"
	"github.com/citelint/citelint/internal/safefile"
	"github.com/urfave/cli/v2"
)

// baselineFlags are the check flags that choose what is checked; the
// output flags make no sense for a baseline.
func baselineFlags() []cli.Flag {
	var out []cli.Flag
	for _, f := range checkFlags() {
		switch f.Names()[0] {
		case "config", "enable", "disable", "jobs", "offline", "network-only", "stdin-filename", "max-file-size", "max-findings", "timeout":
			out = append(out, f)
		}
	}
	return out
}

func baselineCommand(stdin io.Reader) *cli.Command {
	return &cli.Command{
		Name:      "baseline",
		Usage:     "record today's findings so that later checks report only new ones",
		ArgsUsage: "FILE [PATH...]",
		Description: "Checks the paths as \"citelint check\" does and writes every finding to FILE\n" +
			"(JSON, meant to be committed). Afterwards, \"citelint check --baseline FILE\" stays\n" +
			"quiet about those findings and reports only new ones, so a repository with a\n" +
			"backlog of old drafts can adopt citelint today and fix the backlog later.\n\n" +
			"A finding is recorded by its rule, its file, the words it points at and the\n" +
			"sentence around them, not by line number: adding or removing text elsewhere\n" +
			"in a file does not make an old finding new. Editing the sentence does.\n" +
			"unverifiable-link findings are never recorded: they say the network did not let\n" +
			"citelint tell (a timeout, a rate limit, no network), which the next run may.\n" +
			"Run the command again to record the current state; FILE is replaced whole.\n\n" +
			"Exit status: 0 when FILE was written, 2 when a file could not be checked\n" +
			"(FILE is then left as it was).",
		Flags: baselineFlags(),
		Action: func(c *cli.Context) error {
			if c.NArg() < 1 {
				return cli.Exit("baseline needs the file to write, as in: citelint baseline .citelint-baseline.json docs/", exitError)
			}
			file := c.Args().First()
			if err := baseline.CheckDestination(file, nil); err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			if err := checkFlagCombinations(c); err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			ctx, stop := signalContext()
			defer stop()
			res, err := lintPaths(ctx, c, stdin, c.Args().Tail())
			if err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			if err := baseline.CheckDestination(file, res.Protect()); err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			if len(res.Errors) > 0 {
				printErrors(c, res.Errors)
				return cli.Exit(fmt.Sprintf("%s not written: a baseline must hold every file's findings; fix the errors above and run again", file), exitError)
			}
			b := res.Baseline()
			if err := b.WriteFile(file, c.App.Writer); err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			said := c.App.Writer
			if safefile.IsStdout(file) {
				said = c.App.ErrWriter // keep standard output pure JSON
			}
			fmt.Fprintf(said, "recorded %s in %s from %s\n", english.Count(b.Len(), "finding"), file, english.Count(res.Files, "file"))
			return nil
		},
	}
}
