// Command citelint checks the sourcing of Markdown drafts: numbers without
// citations, quotations without a speaker, links a reader cannot use and
// editorial placeholders left behind.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/citelint/citelint/internal/gctune"
	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise
// it comes from the module's build information.
var version = ""

// Exit codes.
const (
	exitClean    = 0 // nothing at or above --fail-on
	exitFindings = 1 // something at or above --fail-on
	exitError    = 2 // usage, config or I/O error
)

func main() {
	gctune.Apply(os.Getenv) // the collector's settings for a short run (see gctune)
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.Run(flagsFirst(app, args))
	var ec cli.ExitCoder
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &ec):
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(stderr, "citelint:", msg)
		}
		return ec.ExitCode()
	default:
		fmt.Fprintln(stderr, "citelint:", err)
		return exitError
	}
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	check := checkCommand(stdin)
	app := &cli.App{
		Name:  "citelint",
		Usage: "check the sourcing of Markdown drafts before they are published",
		Description: "citelint reads Markdown (and plain text) drafts and reports figures with no\n" +
			"citation, quotations with no speaker, links a reader cannot use and editorial\n" +
			"placeholders such as [citation needed] or TK. Run it on a file, a folder or a glob:\n\n" +
			"   citelint draft.md\n   citelint docs/\n   citelint check 'posts/**/*.md' --format json",
		Version:                versionString(),
		Reader:                 stdin,
		Writer:                 stdout,
		ErrWriter:              stderr,
		UseShortOptionHandling: true,
		EnableBashCompletion:   true,
		// File names may hold commas: --format sarif=a,b.sarif is one value.
		DisableSliceFlagSeparator: true,
		HideVersion:               true,
		Flags: append([]cli.Flag{&cli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: "print citelint's version and exit"}},
			check.Flags...),
		Action: func(c *cli.Context) error {
			if c.Bool("version") {
				fmt.Fprintln(c.App.Writer, "citelint", versionString())
				return nil
			}
			return check.Action(c)
		},
		ArgsUsage: "[PATH...]",
		Commands: []*cli.Command{
			check,
			linksCommand(stdin),
			rulesCommand(),
			explainCommand(),
			initCommand(),
			fixCommand(),
			claimsCommand(stdin),
			baselineCommand(stdin),
			lspCommand(stdin),
			completionCommand(),
			versionCommand(),
		},
		OnUsageError: func(c *cli.Context, err error, isSubcommand bool) error {
			return cli.Exit(fmt.Sprintf("%v (see citelint --help)", err), exitError)
		},
		ExitErrHandler: func(*cli.Context, error) {}, // run reports errors itself
	}
	return app
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print citelint's version (--json for the version, Go version, platform and commit as JSON)",
		Flags: []cli.Flag{&cli.BoolFlag{Name: "json", Usage: "print a JSON object for scripts"}},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return cli.Exit(fmt.Sprintf("version takes no arguments, got %q", c.Args().First()), exitError)
			}
			if !c.Bool("json") {
				fmt.Fprintln(c.App.Writer, "citelint", versionString())
				return nil
			}
			enc := json.NewEncoder(c.App.Writer)
			enc.SetIndent("", "  ")
			return enc.Encode(buildInfo())
		},
	}
}

// versionInfo is what "citelint version --json" prints.
type versionInfo struct {
	Version string `json:"version"`
	Go      string `json:"go"`
	OS      string `json:"os"`
	Arch    string `json:"arch"`
	Commit  string `json:"commit,omitempty"` // the VCS revision, when built from a checkout
}

func buildInfo() versionInfo {
	v := versionInfo{Version: versionString(), Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				v.Commit = s.Value
			}
		}
	}
	return v
}

func versionString() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// flagsFirst lets flags follow paths, as in "citelint draft.md --format
// json": urfave/cli stops reading flags at the first path, so the
// arguments of check, links and baseline (which share check's flags) are
// reordered to put the flags first. "--" ends the flags as usual.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	rest := args[1:]
	head := []string{args[0]}
	switch {
	case rest[0] == "check" || rest[0] == "baseline" || rest[0] == "links":
		head, rest = append(head, rest[0]), rest[1:]
	case app.Command(rest[0]) != nil:
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range checkFlags() {
		_, isBool := f.(*cli.BoolFlag)
		for _, name := range f.Names() {
			takesValue[name] = !isBool
		}
	}
	var flags, paths []string
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			paths = append(paths, rest[i+1:]...)
			i = len(rest)
		case len(a) > 1 && a[0] == '-':
			// urfave/cli refuses a slice flag given under both of its names
			// ("two forms of the same flag"): -f becomes --format, so that
			// -f json --format sarif=x.sarif asks for both formats.
			if a == "-f" || strings.HasPrefix(a, "-f=") {
				a = "--format" + strings.TrimPrefix(a, "-f")
			}
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if takesValue[name] && !strings.Contains(name, "=") && i+1 < len(rest) {
				i++
				flags = append(flags, rest[i])
			}
		default:
			paths = append(paths, a)
		}
	}
	out := append(head, flags...)
	if len(paths) > 0 {
		out = append(append(out, "--"), paths...)
	}
	return out
}
