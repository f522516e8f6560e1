package lint

import (
	"fmt"
	"io/fs"
	"strings"
)

// Severity is how serious a diagnostic is.
type Severity int

// Severities, least serious first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q: use error, warning or info", s)
}

// Edit replaces the source bytes [Start, End) with New.
type Edit struct {
	Start, End int
	New        string
}

// Diagnostic is one finding. Rules fill Start, End, Message and optionally
// Severity (to lower or raise a finding's default), Suggestion and Fix; the
// runner fills the rest.
type Diagnostic struct {
	Path     string
	Rule     string
	Severity Severity
	Message  string
	// Start and End are byte offsets into the file as read, end exclusive.
	Start, End int
	// Pos and EndPos are the 1-based line and column of Start and End.
	Pos, EndPos Position
	// ByteColumn and EndByteColumn are the 1-based columns of Start and End
	// counted in UTF-8 bytes, for tools that count that way.
	ByteColumn, EndByteColumn int
	// Excerpt is the sentence or line around the span, shortened if long.
	Excerpt string
	// Suggestion says in words how to fix the finding.
	Suggestion string
	// Fix holds replacement edits that resolve the finding, if known.
	Fix []Edit
	// Snippet is the source line holding Start, for display.
	Snippet Snippet
	// Evidence is what a source says about the finding, for rules that
	// read the cited page; nil otherwise.
	Evidence *Evidence
}

// Evidence is the passage of a cited source that a finding rests on.
type Evidence struct {
	// URL is the source's address as cited.
	URL string
	// Text is the matching or nearest sentence of the source, "" when
	// none is near.
	Text string
	// Link opens the source at Text: URL with a text fragment
	// ("#:~:text="), "" when Text is "".
	Link string
}

// Snippet is a window on one source line. Column is the 1-based column of
// Text's first character; Text holds no line break.
type Snippet struct {
	Text   string
	Column int
	// More reports that the line goes on after Text.
	More bool
}

// Options is a rule's typed configuration. Config decoding fills a value
// returned by Rule.DefaultOptions and then calls Validate.
type Options interface {
	Validate() error
}

// Documentation returns the rule's Markdown documentation: Doc, or when
// it is empty, DocFunc's.
func (r *Rule) Documentation() string {
	if r.Doc == "" && r.DocFunc != nil {
		return r.DocFunc()
	}
	return r.Doc
}

// Rule is one check. Rules are values listed in package rules; they never
// print and keep no state between runs.
type Rule struct {
	// ID is the stable kebab-case name used in config, suppressions and output.
	ID string
	// Summary is a one-line description.
	Summary string
	// Doc is the Markdown documentation shown by "citelint explain"
	// (read it with Documentation). When it is empty, DocFunc makes it,
	// once it is first asked for: a run that shows no documentation does
	// not pay for making it at start-up.
	Doc     string
	DocFunc func() string
	// Severity is the default severity.
	Severity Severity
	// Network marks rules that judge links with the link checker's
	// results (Pass.Value): the driver checks links before the run only
	// when such a rule is active. Offline, they judge from cached results.
	Network bool
	// NeedsPageText marks Network rules that read what the pages and
	// files a document cites say (linkrule's Facts.Page): when one is
	// active the driver has the link check keep each page's text, from
	// the same GET that judges the link.
	NeedsPageText bool
	// DefaultOptions returns a new options value holding the defaults, or
	// is nil for a rule without options.
	DefaultOptions func() Options
	// Requires lists the shared analyses the rule reads with ResultOf.
	Requires []Requirement
	// Run checks one document and reports through the pass.
	Run func(*Pass)
}

// Pass is one rule's run over one document.
type Pass struct {
	Doc *Document
	// Options is the rule's configured options (nil when it has none).
	Options Options
	// Severity is the rule's configured severity.
	Severity Severity
	// Suppressions are the document's suppression comments.
	Suppressions *Suppressions
	// Findings go to sink, as rule ruleID of severity sev, or else (a
	// pass made by Runner.Pass) to report.
	sink     *findings
	ruleID   string
	sev      Severity
	report   func(Diagnostic)
	values   map[any]any
	requires []Requirement
	files    Files
}

// Stat describes the file name, slash-separated and relative to the
// working folder, as the driver's Files sees it: rules reach other files
// only through the engine.
func (p *Pass) Stat(name string) (fs.FileInfo, error) { return p.filesOrOS().Stat(name) }

// ReadFile reads the regular file name of at most maxBytes through the
// driver's Files.
func (p *Pass) ReadFile(name string, maxBytes int64) ([]byte, error) {
	return p.filesOrOS().ReadFile(name, maxBytes)
}

func (p *Pass) filesOrOS() Files {
	if p.files == nil {
		return OSFiles{}
	}
	return p.files
}

// Value returns what the driver computed for key before the run (the link
// checker's results, for one), or nil. Keys are unexported types of the
// package that defines them, as with context values.
func (p *Pass) Value(key any) any { return p.values[key] }

// Report records a diagnostic. A zero Severity takes the rule's configured
// severity.
func (p *Pass) Report(d Diagnostic) {
	if p.sink != nil {
		p.sink.add(p.ruleID, p.sev, d)
		return
	}
	p.report(d)
}

// Reportf records a diagnostic over [start, end) with a formatted message.
func (p *Pass) Reportf(start, end int, format string, args ...any) {
	p.Report(Diagnostic{Start: start, End: end, Message: fmt.Sprintf(format, args...)})
}
