// Package report renders a run's diagnostics for people and for tools.
// Formatters know nothing of rules beyond the diagnostics they produce.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/citelint/citelint/lint"
)

// Formatter writes a run's result in one format.
type Formatter interface {
	Format(w io.Writer, res *lint.Result) error
}

// Names lists the formats Get knows.
func Names() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Options tune formatters that serve people.
type Options struct {
	Color bool
	Quiet bool // no summary line
}

var formats = map[string]func(Options) Formatter{
	"text": func(o Options) Formatter { return &Text{Color: o.Color, Quiet: o.Quiet} },
	"json": func(Options) Formatter { return JSON{} },
}

// Get returns the formatter of a format name.
func Get(name string, o Options) (Formatter, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q: use %s", name, strings.Join(Names(), ", "))
	}
	return f(o), nil
}

// Count returns how many diagnostics have each severity.
func Count(ds []lint.Diagnostic) (errors, warnings, infos int) {
	for _, d := range ds {
		switch d.Severity {
		case lint.Error:
			errors++
		case lint.Warning:
			warnings++
		case lint.Info:
			infos++
		}
	}
	return errors, warnings, infos
}
