package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"unicode"

	"github.com/citelint/citelint/check"
	"github.com/citelint/citelint/internal/safefile"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/report"
	"github.com/urfave/cli/v2"
)

func checkFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "read settings from `FILE` instead of the nearest .citelint.yml"},
		&cli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, DefaultText: "text", Usage: "write findings as `NAME`, or NAME=FILE to write that format to a file; repeat it for several formats at once (--format text --format sarif=citelint.sarif). Formats: " + strings.Join(report.Names(), ", ")},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write findings to `FILE` instead of the terminal (for the one --format without =FILE)"},
		&cli.StringFlag{Name: "baseline", Usage: "report only findings not recorded in `FILE`, written earlier by \"citelint baseline FILE\": old findings stay quiet, new ones are reported"},
		&cli.StringFlag{Name: "changed-since", Usage: "report only findings on lines added or changed since the git revision `REV` (a branch, tag or commit), uncommitted edits included; for a pull request, the branch it merges into"},
		&cli.BoolFlag{Name: "network-only", Usage: "run only the rules that use the network (the link checks)"},
		&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit with status 1 when a finding is at least `LEVEL`: error, warning, info or never"},
		&cli.StringSliceFlag{Name: "enable", Usage: "turn on `RULE` even if the config turns it off; a list (a,b) or repeated"},
		&cli.StringSliceFlag{Name: "disable", Usage: "turn off `RULE`; a list (a,b) or repeated"},
		&cli.StringFlag{Name: "color", Value: "auto", Usage: "color the output as `MODE`: auto (when writing to a terminal and NO_COLOR is unset), always or never"},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), Usage: "check `N` files at once"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "leave out the summary line"},
		&cli.BoolFlag{Name: "offline", Usage: "make no network requests: links are judged from cached results only, the rest are not checked (for pre-commit hooks)"},
		&cli.BoolFlag{Name: "allow-private", Usage: "let link checks connect to loopback, private and link-local addresses (as links.allow-private: true)"},
		&cli.DurationFlag{Name: "timeout", Usage: "stop checking links after `DURATION` (such as 2m; as links.deadline): links not checked by then are reported unverifiable, never dead"},
		&cli.BoolFlag{Name: "suggest-archive", Usage: "ask the Wayback Machine for the closest snapshot of each dead link (as links.suggest-archive: true)"},
		&cli.StringFlag{Name: "stdin-filename", Usage: "the `NAME` to show for text read from - (standard input)"},
		&cli.StringFlag{Name: "max-file-size", DefaultText: "10MB", Usage: "do not check files larger than `SIZE` (such as 10MB or 512KB): each is an error (as limits.max-file-size)"},
		&cli.IntFlag{Name: "max-findings", DefaultText: "10000", Usage: "report at most `N` findings per file, then one saying how many more (as limits.max-findings)"},
	}
}

func checkCommand(stdin io.Reader) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check drafts (the default command)",
		ArgsUsage: "[PATH|URL...]",
		Description: "Checks each file, each Markdown (.md, .markdown) file under each folder (and\n" +
			"the files the config's include patterns match), and each file matching each glob;\n" +
			"- reads standard input. Plain-text (.txt) files are checked when named or matched,\n" +
			"not found by a folder walk. With no path, checks the current folder. Skips .git,\n" +
			"node_modules, vendor and the config's ignore list.\n\n" +
			"An http(s) URL is a published page: its main text is fetched through the link\n" +
			"checker (cached; --offline reads the cache) and checked as a Markdown draft whose\n" +
			"path is the URL. Findings' lines and columns are in that text, which --format json\n" +
			"carries in \"documents\". A paywalled page is checked as far as it is readable.\n\n" +
			"Exit status: 0 when nothing is at or above --fail-on, 1 when something is,\n" +
			"2 for a usage, config or file error (the other files are still checked).",
		Flags: checkFlags(),
		Action: func(c *cli.Context) error {
			return runCheck(c, stdin)
		},
	}
}

// linksCommand is "citelint links": the link rules only, over the
// network, which also fills the cache that offline runs (the pre-commit
// hook) read.
func linksCommand(stdin io.Reader) *cli.Command {
	var flags []cli.Flag
	for _, f := range checkFlags() {
		switch f.Names()[0] {
		case "network-only", "offline", "enable", "disable":
		default:
			flags = append(flags, f)
		}
	}
	flags = append(flags, &cli.BoolFlag{
		Name:  "refresh",
		Usage: "check every link again, however recent its result in the cache",
	})
	return &cli.Command{
		Name:      "links",
		Usage:     "check only the links, over the network, and keep the results for offline runs",
		ArgsUsage: "[PATH...]",
		Description: "Checks the links in the drafts as \"citelint check --network-only\" does and keeps\n" +
			"the results in the link cache, where offline runs (the citelint pre-commit hook,\n" +
			"--offline) find them: run it now and then, for example before committing, so that\n" +
			"the hook judges links without the network. Results that worked are kept for\n" +
			"links.max-age (24h by default); --refresh checks them all again.\n\n" +
			"Exit status as for check.",
		Flags: flags,
		Action: func(c *cli.Context) error {
			return runCheck(c, stdin)
		},
	}
}

// isLinksCommand reports whether c runs "citelint links".
func isLinksCommand(c *cli.Context) bool {
	return c.Command != nil && c.Command.Name == "links"
}

func runCheck(c *cli.Context, stdin io.Reader) error {
	failOn, err := parseFailOn(c.String("fail-on"))
	if err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	color := c.String("color")
	if !slices.Contains(report.ColorModes, color) {
		return cli.Exit(fmt.Sprintf("--color %q: use auto, always or never", color), exitError)
	}
	outputs, err := parseOutputs(c.StringSlice("format"), c.String("output"))
	if err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	if err := report.CheckOutputs(outputs, nil); err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	if err := checkFlagCombinations(c); err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	ctx, stop := signalContext()
	defer stop()
	// The HTML report shows the drafts themselves, with every claim
	// marked: only it needs the inventory and the files' text.
	html := slices.ContainsFunc(outputs, func(o report.Output) bool { return o.Format == "html" })
	res, err := lintPaths(ctx, c, stdin, c.Args().Slice(), func(o *check.Options) {
		o.Inventory, o.KeepSource = html, html
	})
	if err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	if err := report.CheckOutputs(outputs, res.Protect()); err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	opts := report.Options{
		Quiet:       c.Bool("quiet"),
		ToolVersion: versionString(),
		Rules:       res.Rules,
		RuleURL:     check.RuleDocURL,
		Files:       res.Paths,
		FailOn:      failOn,
		Inventory:   res.Inventory,
	}
	for _, p := range res.Published {
		opts.Documents = append(opts.Documents, report.Document{Path: p.URL, Text: p.Text, Note: p.Note})
	}
	if err := report.WriteAll(outputs, &res.Result, opts, color, c.App.Writer); err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	printErrors(c, res.Errors)
	switch {
	case len(res.Errors) > 0:
		return cli.Exit("", exitError)
	case res.Fails(failOn):
		return cli.Exit("", exitFindings)
	}
	return nil
}

// printErrors tells the files that could not be checked, and why.
func printErrors(c *cli.Context, errs []lint.FileError) {
	for _, e := range errs {
		fmt.Fprintf(c.App.ErrWriter, "citelint: %s\n", report.Escape(e.Error()))
	}
}

// lintPaths checks paths as the command line's flags say; extra adjusts
// the options for a command that asks more of the check (citelint claims).
func lintPaths(ctx context.Context, c *cli.Context, stdin io.Reader, paths []string, extra ...func(*check.Options)) (*check.Result, error) {
	opts := check.Options{
		Paths:          paths,
		Stdin:          stdin,
		StdinName:      c.String("stdin-filename"),
		ConfigPath:     c.String("config"),
		Enable:         ruleList(c.StringSlice("enable")),
		Disable:        ruleList(c.StringSlice("disable")),
		NetworkOnly:    c.Bool("network-only") || isLinksCommand(c),
		Refresh:        isLinksCommand(c) && c.Bool("refresh"),
		AllowPrivate:   c.Bool("allow-private"),
		SuggestArchive: c.Bool("suggest-archive"),
		Version:        versionString(),
		Baseline:       c.String("baseline"),
		ChangedSince:   c.String("changed-since"),
		Jobs:           c.Int("jobs"),
		Notify: func(n check.Note) {
			// Warnings even with --quiet: a run that checked nothing must
			// not look like a clean one.
			if n.Important || !c.Bool("quiet") {
				fmt.Fprintf(c.App.ErrWriter, "citelint: %s\n", n.Text)
			}
		},
	}
	if c.Bool("offline") {
		opts.Links = check.LinksOffline
	}
	if opts.Jobs < 1 {
		return nil, errors.New("--jobs must be at least 1")
	}
	if c.IsSet("timeout") {
		if opts.LinkDeadline = c.Duration("timeout"); opts.LinkDeadline <= 0 {
			return nil, errors.New("--timeout must be a positive duration, such as 2m")
		}
	}
	if c.IsSet("max-file-size") {
		n, err := check.ParseSize(c.String("max-file-size"))
		if err != nil {
			return nil, fmt.Errorf("--max-file-size: %w", err)
		}
		opts.MaxFileSize = n
	}
	if c.IsSet("max-findings") {
		if opts.MaxFindings = c.Int("max-findings"); opts.MaxFindings < 1 {
			return nil, errors.New("--max-findings must be at least 1")
		}
	}
	if !c.Bool("quiet") && report.IsTerminal(c.App.ErrWriter) {
		opts.LinkProgress = c.App.ErrWriter
	}
	for _, fn := range extra {
		fn(&opts)
	}
	return check.Check(ctx, opts)
}

// ruleList splits the values of --enable and --disable at commas and
// spaces, as suppression comments do: --disable a,b is --disable a
// --disable b.
func ruleList(values []string) []string {
	var out []string
	for _, v := range values {
		out = append(out, strings.FieldsFunc(v, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })...)
	}
	return out
}

// checkFlagCombinations refuses flags that would be ignored, so that a
// mistaken command says so instead of doing something else.
func checkFlagCombinations(c *cli.Context) error {
	if name := c.String("stdin-filename"); name != "" && !slices.Contains(c.Args().Slice(), "-") {
		return fmt.Errorf("--stdin-filename %s names the text read from standard input: add - to the paths, as in: citelint - --stdin-filename %s", name, name)
	}
	// --allow-private is a permission, harmless when unused; asking the
	// archive is a request that --offline would silently drop.
	if c.Bool("offline") && c.Bool("suggest-archive") {
		return errors.New("--suggest-archive needs the network, which --offline forbids: leave out one of them")
	}
	return nil
}

// signalContext returns a context cancelled by an interrupt (Ctrl-C).
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// parseOutputs reads the --format values (NAME or NAME=FILE) and --output,
// which names the file of the one format given without a file. At most one
// format can go to standard output, and each file takes one format.
func parseOutputs(formats []string, outputFile string) ([]report.Output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	var outs []report.Output
	toStdout := 0
	usesOutput := false
	files := map[string]bool{}
	for _, f := range formats {
		name, file, hasFile := strings.Cut(f, "=")
		if _, err := report.Get(name, report.Options{}); err != nil {
			return nil, fmt.Errorf("--format %s: %w", f, err)
		}
		if hasFile && file == "" {
			return nil, fmt.Errorf("--format %s: name a file after '=', or leave out '=' to write to the terminal", f)
		}
		if !hasFile {
			file = outputFile
			usesOutput = true
		}
		if file == "" || safefile.IsStdout(file) {
			toStdout++
		} else if files[filepath.Clean(file)] {
			return nil, fmt.Errorf("--format %s: %s already receives another format; give each format its own file", f, file)
		}
		if file != "" {
			files[filepath.Clean(file)] = true
		}
		outs = append(outs, report.Output{Format: name, File: file})
	}
	if outputFile != "" && !usesOutput {
		return nil, fmt.Errorf("--output %s: every --format names its own file (NAME=FILE), so no format would go to %s; leave out --output, or a format's =FILE", outputFile, outputFile)
	}
	if toStdout > 1 {
		return nil, errors.New("only one --format can write to the terminal: give the others a file, as in --format sarif=citelint.sarif")
	}
	return outs, nil
}

// parseFailOn reads --fail-on; 0 means never.
func parseFailOn(s string) (lint.Severity, error) {
	if s == "never" {
		return 0, nil
	}
	sev, err := lint.ParseSeverity(s)
	if err != nil {
		return 0, fmt.Errorf("--fail-on %q: use error, warning, info or never", s)
	}
	return sev, nil
}
