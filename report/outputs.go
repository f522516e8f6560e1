package report

import (
	"io"
	"os"

	"github.com/citelint/citelint/internal/safefile"
	"github.com/citelint/citelint/lint"
	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

// Output is one report to write: a format and the file it goes to, or ""
// for the writer the caller holds (standard output).
type Output struct {
	Format, File string
}

// CheckOutputs refuses output files that would destroy something: a file
// in protect (the files read), a folder, a disk. See
// safefile.CheckDestination.
func CheckOutputs(outputs []Output, protect []string) error {
	for _, o := range outputs {
		if o.File == "" {
			continue
		}
		if err := safefile.CheckDestination("a report", o.File, protect); err != nil {
			return err
		}
	}
	return nil
}

// WriteAll renders res in every output's format, then writes each, so
// that a format that fails leaves no file half written. An output to out
// (File "") is colored when color says so and as wide as the terminal
// out is; a file is never colored.
func WriteAll(outputs []Output, res *lint.Result, opts Options, color string, out io.Writer) error {
	formatters := make([]Named, len(outputs))
	for i, o := range outputs {
		opts.Color = o.File == "" && UseColor(color, out)
		opts.Width = DefaultWidth
		if o.File == "" {
			opts.Width = TerminalWidth(out)
		}
		f, err := Get(o.Format, opts)
		if err != nil {
			return err
		}
		formatters[i] = Named{Name: o.Format, Formatter: f}
	}
	rendered, err := RenderAll(formatters, res)
	if err != nil {
		return err
	}
	for i, o := range outputs {
		if err := safefile.WriteFrom(rendered[i], o.File, out); err != nil {
			return err
		}
	}
	return nil
}

// ColorModes are the modes UseColor knows, as --color takes them.
var ColorModes = []string{"auto", "always", "never"}

// UseColor reports whether output to out is colored in mode (one of
// ColorModes): always, never, or auto — when out is a terminal and
// NO_COLOR is unset.
func UseColor(mode string, out io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if _, set := os.LookupEnv("NO_COLOR"); set {
		return false
	}
	return IsTerminal(out)
}

// TerminalWidth returns the width of the terminal out writes to, or
// DefaultWidth when it is not a terminal.
func TerminalWidth(out io.Writer) int {
	if f, ok := out.(*os.File); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return DefaultWidth
}

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
