// Package report renders a run's diagnostics for people and for tools.
// Formatters know nothing of rules beyond the diagnostics they produce.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/citelint/citelint/claims"
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

// Options tune formatters. Color and Quiet serve people; the rest serve
// formats that describe the tool, its rules or every file checked.
type Options struct {
	Color bool
	Quiet bool // no summary line
	// Width is the terminal's width in columns, for text; 0 means
	// DefaultWidth.
	Width int
	// ToolVersion is citelint's version, for SARIF's tool.driver.version.
	ToolVersion string
	// Rules are the rules that ran, for SARIF's tool.driver.rules. Only their
	// ID, Summary, Doc and Severity are read.
	Rules []*lint.Rule
	// RuleURL returns the address of a rule's documentation, or "" when
	// unknown. Nil means no addresses.
	RuleURL func(id string) string
	// Files lists the files checked, so that formats reporting clean files
	// (JUnit, checkstyle) can list them. Nil means the files with findings
	// or errors.
	Files []string
	// FailOn is the least severity that makes the run fail (--fail-on), for
	// formats that mark findings as failures (JUnit); 0 means none does.
	FailOn lint.Severity
	// Documents are checked texts that exist in no file (a published
	// page's extracted text), for formats that can carry them (JSON).
	Documents []Document
	// Inventory is every checked file's claims, with the file's source,
	// for the HTML report: it renders each draft from its source with the
	// claims highlighted by status. A file without an inventory (or
	// without its source) has its findings listed with their lines.
	Inventory []claims.File
	// MaxOverlap bounds how many claims and findings one stretch of a
	// draft's text is highlighted for in the HTML report, so that
	// overlapping spans cannot make the page grow with their square; the
	// others keep their mark and note. 0 means DefaultMaxOverlap.
	MaxOverlap int
	// MaxQuote bounds the bytes of a fix's old and new text the HTML
	// report quotes. 0 means DefaultMaxQuote.
	MaxQuote int
}

// Document is a checked text that no file holds, and a note on what part
// of its source it is.
type Document struct {
	Path, Text, Note string
}

// ruleURL returns o.RuleURL(id), or "" when o.RuleURL is nil.
func (o Options) ruleURL(id string) string {
	if o.RuleURL == nil {
		return ""
	}
	return o.RuleURL(id)
}

var formats = map[string]func(Options) Formatter{
	"text":       func(o Options) Formatter { return &Text{Color: o.Color, Quiet: o.Quiet, Width: o.Width} },
	"json":       func(o Options) Formatter { return JSON{Documents: o.Documents} },
	"sarif":      func(o Options) Formatter { return &SARIF{Options: o} },
	"github":     func(Options) Formatter { return GitHub{} },
	"checkstyle": func(o Options) Formatter { return &Checkstyle{Files: o.Files} },
	"junit":      func(o Options) Formatter { return &JUnit{Files: o.Files, FailOn: o.FailOn} },
	"rdjsonl":    func(o Options) Formatter { return &RDJSONL{RuleURL: o.RuleURL} },
	"gitlab":     func(Options) Formatter { return GitLab{} },
	"html":       func(o Options) Formatter { return &HTML{Options: o} },
}

// Get returns the formatter of a format name.
func Get(name string, o Options) (Formatter, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q: use %s", name, strings.Join(Names(), ", "))
	}
	return f(o), nil
}

// InformationURI is citelint's home page, named in formats that describe
// the tool.
const InformationURI = "https://github.com/citelint/citelint"

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

// checkedFiles returns every file to list in formats that report clean
// files: the files named, those with diagnostics and those with errors,
// sorted and each once.
func checkedFiles(res *lint.Result, named []string) []string {
	seen := make(map[string]bool, len(named))
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range named {
		add(p)
	}
	for _, d := range res.Diagnostics {
		add(d.Path)
	}
	for _, e := range res.Errors {
		add(e.Path)
	}
	sort.Strings(out)
	return out
}

// messageWithHelp returns a diagnostic's message followed, on a line of its
// own, by its suggestion if it has one: the whole advice, for formats read
// in code review.
func messageWithHelp(d lint.Diagnostic) string {
	if d.Suggestion == "" {
		return d.Message
	}
	return d.Message + "\nhelp: " + d.Suggestion
}
