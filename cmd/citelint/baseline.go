package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/citelint/citelint/baseline"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/report"
	unverifiablelink "github.com/citelint/citelint/rules/unverifiable-link"
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
			if err := checkBaselineOutput(file); err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			if err := checkFlagCombinations(c); err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			ctx, stop := signalContext()
			defer stop()
			lr, err := lintPaths(ctx, c, stdin, c.Args().Tail())
			if err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			if err := report.CheckDestination("the baseline", file, lr.Protect()); err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			res := lr
			if len(res.Errors) > 0 {
				for _, e := range res.Errors {
					fmt.Fprintf(c.App.ErrWriter, "citelint: %s\n", report.Escape(e.Error()))
				}
				return cli.Exit(fmt.Sprintf("%s not written: a baseline must hold every file's findings; fix the errors above and run again", file), exitError)
			}
			b := baseline.New(withoutNetworkFailures(res.Diagnostics))
			var buf bytes.Buffer
			if _, err := b.WriteTo(&buf); err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			if err := report.Write(buf.Bytes(), file, c.App.Writer); err != nil {
				return cli.Exit(err.Error(), exitError)
			}
			said := c.App.Writer
			if report.IsStdout(file) {
				said = c.App.ErrWriter // keep standard output pure JSON
			}
			fmt.Fprintf(said, "recorded %s in %s from %s\n", plural(b.Len(), "finding"), file, plural(res.Files, "file"))
			return nil
		},
	}
}

// maxBaselineProbe bounds what is read of an existing file to tell
// whether it is a baseline.
const maxBaselineProbe = 256 << 20

// checkBaselineOutput refuses a baseline path that cannot take a baseline
// or holds something else, such as a draft given first by mistake
// ("citelint baseline draft.md"). An empty file, or any JSON object with a
// version (a baseline of any version), may be replaced.
func checkBaselineOutput(path string) error {
	if err := report.CheckDestination("the baseline", path, nil); err != nil {
		return err
	}
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() == 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot write the baseline to %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	var probe struct {
		Version *int `json:"version"`
	}
	if err := json.NewDecoder(io.LimitReader(f, maxBaselineProbe)).Decode(&probe); err != nil || probe.Version == nil {
		return fmt.Errorf("cannot write the baseline to %s: it holds something other than a citelint baseline (a draft?), which would be lost; name a new file, such as .citelint-baseline.json", path)
	}
	return nil
}

// withoutNetworkFailures drops the findings that depend on a failed
// network, which a baseline must not record: a link the network would not
// let citelint judge says nothing lasting about the draft. (Links not
// checked at all, for want of a network, give no finding to drop; a
// domain's NXDOMAIN is dead only when other names resolved in the run.)
func withoutNetworkFailures(ds []lint.Diagnostic) []lint.Diagnostic {
	return slices.DeleteFunc(ds, func(d lint.Diagnostic) bool { return d.Rule == unverifiablelink.Rule.ID })
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
