package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"unicode"

	linter "github.com/citelint/citelint"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/report"
	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
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
		ArgsUsage: "[PATH...]",
		Description: "Checks each file, each Markdown (.md, .markdown) file under each folder (and\n" +
			"the files the config's include patterns match), and each file matching each glob;\n" +
			"- reads standard input. Plain-text (.txt) files are checked when named or matched,\n" +
			"not found by a folder walk. With no path, checks the current folder. Skips .git,\n" +
			"node_modules, vendor and the config's ignore list.\n\n" +
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
	colorMode := c.String("color")
	if !slices.Contains([]string{"auto", "always", "never"}, colorMode) {
		return cli.Exit(fmt.Sprintf("--color %q: use auto, always or never", colorMode), exitError)
	}
	outputs, err := parseOutputs(c.StringSlice("format"), c.String("output"))
	if err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	for _, o := range outputs {
		if err := checkOutput("a report", o.file, nil); o.file != "" && err != nil {
			return cli.Exit(err.Error(), exitError)
		}
	}
	if err := checkFlagCombinations(c); err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	ctx, stop := signalContext()
	defer stop()
	lr, err := lintPaths(ctx, c, stdin, c.Args().Slice())
	if err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	for _, o := range outputs {
		if err := checkOutput("a report", o.file, lr.Protect()); o.file != "" && err != nil {
			return cli.Exit(err.Error(), exitError)
		}
	}
	res := &lr.Result

	opts := report.Options{
		Quiet:       c.Bool("quiet"),
		ToolVersion: versionString(),
		Rules:       lr.Rules,
		RuleURL:     ruleDocURL,
		Files:       lr.Paths,
		FailOn:      failOn,
	}
	formatters := make([]namedFormatter, len(outputs))
	for i, o := range outputs {
		opts.Color = o.file == "" && useColor(colorMode, c.App.Writer, "")
		opts.Width = report.DefaultWidth
		if o.file == "" {
			opts.Width = terminalWidth(c.App.Writer)
		}
		f, err := report.Get(o.format, opts)
		if err != nil {
			return cli.Exit(err.Error(), exitError)
		}
		formatters[i] = namedFormatter{o.format, f}
	}
	rendered, err := renderAll(formatters, res)
	if err != nil {
		return cli.Exit(err.Error(), exitError)
	}
	for i, o := range outputs {
		if err := write(rendered[i], o.file, c.App.Writer); err != nil {
			return cli.Exit(err.Error(), exitError)
		}
	}
	for _, e := range res.Errors {
		fmt.Fprintf(c.App.ErrWriter, "citelint: %s\n", report.Escape(e.Error()))
	}
	switch {
	case len(res.Errors) > 0:
		return cli.Exit("", exitError)
	case failing(res.Diagnostics, failOn):
		return cli.Exit("", exitFindings)
	}
	return nil
}

// lintPaths checks paths as the command line's flags say.
func lintPaths(ctx context.Context, c *cli.Context, stdin io.Reader, paths []string) (*linter.Result, error) {
	opts := linter.Options{
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
		Notify: func(n linter.Note) {
			// Warnings even with --quiet: a run that checked nothing must
			// not look like a clean one.
			if n.Important || !c.Bool("quiet") {
				fmt.Fprintf(c.App.ErrWriter, "citelint: %s\n", n.Text)
			}
		},
	}
	if c.Bool("offline") {
		opts.Links = linter.LinksOffline
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
		n, err := linter.ParseSize(c.String("max-file-size"))
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
	if !c.Bool("quiet") && isTerminal(c.App.ErrWriter) {
		opts.LinkProgress = c.App.ErrWriter
	}
	return linter.Check(ctx, opts)
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

// ruleDocURL is where a rule's documentation is published.
func ruleDocURL(id string) string {
	return report.InformationURI + "/blob/main/rules/docs/" + id + ".md"
}

// output is one --format: a format name and the file it goes to, or "" for
// standard output.
type output struct {
	format, file string
}

// parseOutputs reads the --format values (NAME or NAME=FILE) and --output,
// which names the file of the one format given without a file. At most one
// format can go to standard output, and each file takes one format.
func parseOutputs(formats []string, outputFile string) ([]output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	var outs []output
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
		if file == "" || isStdout(file) {
			toStdout++
		} else if files[filepath.Clean(file)] {
			return nil, fmt.Errorf("--format %s: %s already receives another format; give each format its own file", f, file)
		}
		if file != "" {
			files[filepath.Clean(file)] = true
		}
		outs = append(outs, output{format: name, file: file})
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

func failing(ds []lint.Diagnostic, failOn lint.Severity) bool {
	if failOn == 0 {
		return false
	}
	return slices.ContainsFunc(ds, func(d lint.Diagnostic) bool { return d.Severity >= failOn })
}

func useColor(mode string, out io.Writer, output string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if output != "" {
		return false
	}
	if _, set := os.LookupEnv("NO_COLOR"); set {
		return false
	}
	f, ok := out.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// namedFormatter is a formatter and its format's name.
type namedFormatter struct {
	name string
	report.Formatter
}

// renderAll formats res in every format, in memory, before anything is
// written. A panic while formatting one file's findings becomes that
// file's error (its findings dropped), as a panic while checking it would,
// and every format is rendered again so that all of them agree.
func renderAll(fs []namedFormatter, res *lint.Result) ([][]byte, error) {
	for {
		out := make([][]byte, len(fs))
		bad := map[string]error{}
		for i, f := range fs {
			var buf bytes.Buffer
			var ferr error
			err := lint.Guard("the "+f.name+" formatter", func() { ferr = f.Format(&buf, res) })
			if ferr != nil {
				return nil, fmt.Errorf("write the %s report: %w", f.name, ferr)
			}
			if err == nil {
				out[i] = buf.Bytes()
				continue
			}
			// Find the files whose findings make the formatter fail.
			for path, ds := range byPath(res.Diagnostics) {
				one := &lint.Result{Files: 1, Diagnostics: ds}
				if perr := lint.Guard("the "+f.name+" formatter", func() { _ = f.Format(io.Discard, one) }); perr != nil && bad[path] == nil {
					bad[path] = perr
				}
			}
			if len(bad) == 0 {
				return nil, fmt.Errorf("write the %s report: %w", f.name, err)
			}
			break
		}
		if len(bad) == 0 {
			return out, nil
		}
		res.Diagnostics = slices.DeleteFunc(res.Diagnostics, func(d lint.Diagnostic) bool { return bad[d.Path] != nil })
		paths := make([]string, 0, len(bad))
		for p := range bad {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		for _, p := range paths {
			res.Errors = append(res.Errors, lint.FileError{Path: p, Err: bad[p]})
		}
	}
}

// byPath groups diagnostics by file.
func byPath(ds []lint.Diagnostic) map[string][]lint.Diagnostic {
	m := map[string][]lint.Diagnostic{}
	for _, d := range ds {
		m[d.Path] = append(m[d.Path], d)
	}
	return m
}

// terminalWidth returns the width of the terminal out writes to, or
// report.DefaultWidth when it is not a terminal.
func terminalWidth(out io.Writer) int {
	if f, ok := out.(*os.File); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return report.DefaultWidth
}

// write puts a rendered report in the output file, or on out.
func write(report []byte, output string, out io.Writer) error {
	if output == "" || isStdout(output) {
		_, err := out.Write(report)
		return err
	}
	return writeFileAtomic(output, func(w io.Writer) error {
		_, err := w.Write(report)
		return err
	})
}

// isStdout reports whether an output path names standard output itself,
// which is written through the writer the command already holds: opening
// the path again would start at its beginning, or replace the file a shell
// redirected it to.
func isStdout(path string) bool {
	switch path {
	case "-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return true
	}
	return false
}

// checkOutput refuses an output path that would destroy something: a file
// being checked (or the config), as the same file after symbolic links; a
// folder; a block device. protect lists the paths not to replace; what
// names what would be written, for messages.
func checkOutput(what, path string, protect []string) error {
	if isStdout(path) {
		return nil
	}
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // a new file replaces nothing
	}
	if err != nil {
		return fmt.Errorf("cannot write %s to %s: %w", what, path, unwrapPath(err))
	}
	switch {
	case info.IsDir():
		return fmt.Errorf("cannot write %s to %s: it is a folder; name a file", what, path)
	case info.Mode()&fs.ModeDevice != 0 && info.Mode()&fs.ModeCharDevice == 0:
		return fmt.Errorf("cannot write %s to %s: it is a block device (a disk); name a file", what, path)
	}
	for _, p := range protect {
		if pi, err := os.Stat(p); err == nil && os.SameFile(info, pi) {
			it := "citelint reads that file"
			if filepath.Clean(p) != filepath.Clean(path) {
				it = "it is " + p + ", which citelint reads"
			}
			return fmt.Errorf("cannot write %s to %s: %s, and %s would replace it; name another file", what, path, it, what)
		}
	}
	return nil
}

// maxLinkHops bounds the symbolic links followed to an output's target,
// as the kernel bounds them (a loop never ends).
const maxLinkHops = 40

// linkTarget follows symbolic links from path to the file they lead to,
// which need not exist yet. Directory links along the way are left to the
// system.
func linkTarget(path string) (string, error) {
	for range maxLinkHops {
		info, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && info.Mode()&fs.ModeSymlink == 0) {
			return path, nil // the end of the chain, existing or to be created
		}
		if err != nil {
			return "", err
		}
		t, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(t) {
			// Not filepath.Join: it would resolve ".." lexically, which is
			// wrong when the link's folder is itself a link.
			t = filepath.Dir(path) + string(filepath.Separator) + t
		}
		path = t
	}
	return "", fmt.Errorf("more than %d symbolic links", maxLinkHops)
}

// writeFileAtomic writes a report to path. A regular file (new, or
// reached through symbolic links, which stay) is written through a
// temporary file in the same directory and a rename, so that readers never
// see half a file; it keeps the mode of the file it replaces. A FIFO or a
// character device (/dev/null, a terminal) is written in place: a rename
// would replace it.
func writeFileAtomic(path string, fill func(io.Writer) error) (err error) {
	info, err := os.Stat(path)
	if err == nil && !info.Mode().IsRegular() {
		if info.IsDir() || (info.Mode()&fs.ModeDevice != 0 && info.Mode()&fs.ModeCharDevice == 0) {
			return fmt.Errorf("write %s: not a file", path)
		}
		return writeInPlace(path, fill)
	}
	target, err := linkTarget(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	mode := fs.FileMode(0o644)
	if info != nil && info.Mode().IsRegular() {
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := fill(tmp); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// writeInPlace writes to a FIFO or device as a shell redirection would.
func writeInPlace(path string, fill func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := fill(f); err != nil {
		_ = f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// unwrapPath drops the operation and path from a *fs.PathError: the path
// is shown with the error already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
