// Package check runs a whole check: it finds the files to check, reads
// the config, checks the links, runs the rules over every file and keeps
// the findings a reviewer asked for. It is the library every driver
// shares: the command line (cmd/citelint) maps its flags onto Options and
// picks formatters; a language server or an HTML report would do the same.
//
// # Architecture
//
// Packages import downwards only:
//
//	cmd/citelint                  flags, formatters, exit codes: wiring only
//	check (this package)          a whole check: paths, config, links, limits, filters
//	rules, report, baseline,      the rules; output formats; adoption (baseline
//	fingerprint, gitdiff,         files, fingerprints, git diffs); the HTTP
//	linkcheck                     link checker
//	lint                          the engine: document model, Markdown walker,
//	                              rule interface, config, suppressions, runner
//	internal/safefile,            bounded reads, safe output files; counts
//	internal/english              in words: used at every level, importing no
//	                              citelint package
//
// The packages beside the engine are top-level rather than internal/: each
// is a room a driver may enter on its own (a formatter for a language
// server's diagnostics, the link checker for a link report), and none of
// them reaches into another's internals.
package check

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/citelint/citelint/baseline"
	"github.com/citelint/citelint/claims"
	"github.com/citelint/citelint/gitdiff"
	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
)

// LinkMode says how the link rules learn what a web link leads to.
type LinkMode int

// Link modes.
const (
	// LinksOnline checks every distinct link over the network before the
	// rules run, and keeps the results in the cache.
	LinksOnline LinkMode = iota
	// LinksOffline makes no request: links are judged from cached results
	// only, and the rest are not checked.
	LinksOffline
	// LinksNone runs no rule that judges links at all.
	LinksNone
)

// DefaultMaxHeldSource is Options.MaxHeldSource by default: a parsed
// document costs several times its source, and 32 MB of drafts is some
// thousands of posts.
const DefaultMaxHeldSource = 32 << 20

// Source is a document held in memory, checked as if read from Path.
type Source struct {
	Path string
	Text []byte
}

// Options say what to check and how.
type Options struct {
	// Paths are files, folders (walked for Markdown files) and glob
	// patterns; "-" is Stdin. With neither Paths nor Documents, the
	// current folder is checked.
	Paths []string
	// Documents are checked as given, after the files of Paths.
	Documents []Source
	// Stdin is read for the path "-"; StdinName is the name shown for it
	// ("<stdin>" when empty).
	Stdin     io.Reader
	StdinName string

	// Config is the config to use; when nil, ConfigPath is read, or the
	// nearest config file when ConfigPath is empty.
	Config     *lint.Config
	ConfigPath string
	// Rules are the rules to choose from; nil means rules.All().
	Rules []*lint.Rule
	// Enable and Disable turn rules on and off over the config.
	Enable, Disable []string
	// NetworkOnly runs only the rules that judge links.
	NetworkOnly bool

	// Links says how links are checked; Refresh checks again links whose
	// cached result is still fresh ("citelint links --refresh").
	Links   LinkMode
	Refresh bool
	// AllowPrivate and SuggestArchive turn on the links section's settings
	// of the same name; LinkDeadline, when positive, replaces its deadline.
	AllowPrivate   bool
	SuggestArchive bool
	LinkDeadline   time.Duration
	// Version names the tool in the link checker's User-Agent.
	Version string

	// Baseline is a baseline file: the findings it records are left out.
	Baseline string
	// ChangedSince is a git revision: only findings on lines added or
	// changed since it are kept.
	ChangedSince string

	// Files serves the files rules read beside the one they check (the
	// targets of relative links); nil means the file system.
	Files lint.Files

	// Jobs bounds the files checked at once; 0 means one per CPU.
	Jobs int
	// MaxFileSize and MaxFindings override the config's limits when
	// positive.
	MaxFileSize int64
	MaxFindings int
	// MaxHeldSource bounds the source, in bytes, of the documents an
	// online run holds between the link pass and the rules; 0 means
	// DefaultMaxHeldSource.
	MaxHeldSource int64

	// Inventory asks for every checked file's claims (Result.Inventory):
	// its figures, quotations and cited links, with the findings attached;
	// KeepSource keeps each file's text in them (claims.File.Source), for
	// a report that shows the draft.
	Inventory  bool
	KeepSource bool

	// Notify receives what the user should be told during the run (a
	// folder with nothing to check, a link cache that cannot be used). It
	// is called from one goroutine at a time; nil drops the notes.
	Notify func(Note)
	// Progress is called once each file is checked, from one goroutine at
	// a time, with how many of how many are done; nil means none.
	Progress func(path string, done, total int)
	// LinkProgress receives the link checker's progress bar when many
	// links need the network; nil means none.
	LinkProgress io.Writer
}

// Note is something to tell the user that is no finding.
type Note struct {
	// Important is true for what must be said even to a quiet run, such as
	// a check that checked nothing.
	Important bool
	Text      string
}

// Result is the outcome of a check.
type Result struct {
	lint.Result
	// Rules are the rules that ran.
	Rules []*lint.Rule
	// Paths are every file named or found, checked or not.
	Paths []string
	// ConfigPath is the config file read, or "".
	ConfigPath string
	// Inventory holds, when Options.Inventory asks, one entry per file
	// checked, in path order: its claims, with every finding the run
	// reports attached to exactly one of them.
	Inventory []claims.File
	// Published are the published pages checked as drafts (URLs among
	// the paths), with the text their findings point into.
	Published []Published
}

// Protect lists the files an output must not replace: every file read.
func (r *Result) Protect() []string {
	if r.ConfigPath == "" {
		return r.Paths
	}
	return append(slices.Clip(r.Paths), r.ConfigPath)
}

// Linter is a check ready to run: its config read, its rules chosen and
// its filters loaded, so that a mistake in any of them is reported
// before a file is read.
type Linter struct {
	// published tells the run checks published pages (URLs among the
	// paths): with no links deadline set, their link checks get
	// publishedLinkDeadline.
	published bool
	opts      Options
	cfg       *lint.Config
	links     linkcheck.Section
	limits    limits
	active    []lint.ActiveRule
	filters   filters
}

// New prepares a check.
func New(ctx context.Context, opts Options) (*Linter, error) {
	l := &Linter{opts: opts}
	l.published = slices.ContainsFunc(opts.Paths, isPageURL)
	if opts.Rules == nil {
		l.opts.Rules = rules.All()
	}
	if opts.Jobs < 0 {
		return nil, errors.New("--jobs must be at least 1")
	}
	if l.opts.Jobs == 0 {
		l.opts.Jobs = runtime.NumCPU()
	}
	var err error
	if l.filters, err = loadFilters(ctx, opts.Baseline, opts.ChangedSince); err != nil {
		return nil, err
	}
	var limitsCfg limitsConfig
	l.cfg = opts.Config
	if l.cfg == nil {
		l.cfg, err = loadConfig(opts.ConfigPath, l.opts.Rules, map[string]any{"links": &l.links, "limits": &limitsCfg})
		if err != nil {
			return nil, err
		}
	}
	l.limits = resolveLimits(&l.opts, &limitsCfg)
	l.active, err = lint.Configure(l.opts.Rules, l.cfg, lint.Selection{Enable: opts.Enable, Disable: opts.Disable, Offline: opts.Links == LinksNone})
	if err != nil {
		return nil, err
	}
	if opts.NetworkOnly {
		l.active = slices.DeleteFunc(l.active, func(a lint.ActiveRule) bool { return !a.Rule.Network })
	}
	return l, nil
}

// Run checks every file once: each is read and parsed once, the link
// check included.
func (l *Linter) Run(ctx context.Context) (*Result, error) {
	o := &l.opts
	paths, pageURLs := splitPageURLs(o.Paths)
	if len(paths) == 0 && len(pageURLs) == 0 && len(o.Documents) == 0 {
		paths = []string{"."}
	}
	pageInputs, pageErrs, published, err := l.fetchPublished(ctx, pageURLs)
	if err != nil {
		return nil, err
	}
	checker, err := l.runChecker()
	if err != nil {
		return nil, err
	}
	inputs, pathErrs := collect(paths, l.cfg, o.Stdin, o.StdinName, l.limits.maxFileSize)
	inputs = append(inputs, pageInputs...)
	pathErrs = append(pathErrs, pageErrs...)
	for _, dir := range emptyFolders(paths, inputs, pathErrs) {
		l.notify(true, fmt.Sprintf("warning: nothing to check in %s: no .md or .markdown file there (or every one is ignored); name .txt files or match them with a glob", dir))
	}
	for _, d := range o.Documents {
		inputs = append(inputs, memoryInput(d, l.limits.maxFileSize))
	}

	runner := &lint.Runner{Rules: l.active, Known: rules.Known, Jobs: o.Jobs, MaxFindings: l.limits.maxFindings, Files: o.Files}
	if o.Progress != nil {
		var mu sync.Mutex
		done := 0
		runner.Progress = func(path string) {
			mu.Lock()
			defer mu.Unlock()
			done++
			o.Progress(path, done, len(inputs))
		}
	}
	inventory := l.startInventory(runner)
	values, checkInputs, afterRun := l.prepareLinks(ctx, checker, runner, inputs)
	runner.Values = values
	res := runner.Run(ctx, checkInputs)
	afterRun()
	res.Errors = append(pathErrs, res.Errors...)
	for _, e := range pathErrs {
		// A pattern that matches nothing, or a folder that cannot be read,
		// is no file: the summary must not count it as one.
		if !errors.Is(e.Err, errNoMatch) && !errors.Is(e.Err, errFolder) {
			res.Files++
		}
	}
	res.Diagnostics = l.filters.apply(res.Diagnostics)

	out := &Result{Result: *res, ConfigPath: l.cfg.Path, Inventory: inventory.finish(res.Diagnostics), Published: published}
	for _, a := range l.active {
		out.Rules = append(out.Rules, a.Rule)
	}
	for _, in := range inputs {
		out.Paths = append(out.Paths, in.Path)
	}
	for _, e := range pathErrs {
		if !errors.Is(e.Err, errNoMatch) && !errors.Is(e.Err, errFolder) {
			out.Paths = append(out.Paths, e.Path)
		}
	}
	return out, nil
}

// Check prepares and runs a check.
func Check(ctx context.Context, opts Options) (*Result, error) {
	l, err := New(ctx, opts)
	if err != nil {
		return nil, err
	}
	return l.Run(ctx)
}

// notify passes a note to Options.Notify, one at a time.
func (l *Linter) notify(important bool, text string) {
	if l.opts.Notify != nil {
		l.opts.Notify(Note{Important: important, Text: text})
	}
}

// memoryInput is an input read from memory, bounded as files are.
func memoryInput(s Source, maxSize int64) lint.Input {
	path := filepath.ToSlash(s.Path)
	return lint.Input{Path: path, Format: lint.FormatOf(path), Read: func() ([]byte, error) {
		if int64(len(s.Text)) > maxSize {
			return nil, errTooLarge(int64(len(s.Text)), maxSize)
		}
		return s.Text, nil
	}}
}

// loadConfig reads the config file at path, or the nearest one; sections
// receive the top-level sections beyond rules and ignore.
func loadConfig(path string, all []*lint.Rule, sections map[string]any) (*lint.Config, error) {
	if path == "" {
		found, err := lint.FindConfig(".")
		if err != nil {
			return nil, fmt.Errorf("look for config: %w", err)
		}
		if found == "" {
			return &lint.Config{}, nil
		}
		path = found
		// Name the config as the user would: relative to where they are.
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, found); err == nil && !strings.HasPrefix(rel, "..") {
				path = rel
			}
		}
	}
	limits, err := lint.ConfigLimitsFromEnv(os.Getenv)
	if err != nil {
		return nil, err
	}
	return limits.Load(path, all, sections)
}

// filters narrow a run's findings to the ones a reviewer needs to see.
type filters struct {
	baseline *baseline.Baseline // nil: no baseline
	changes  *gitdiff.Changes   // nil: every line counts
}

// loadFilters reads the baseline file and the git changes, before any
// file is checked, so that a mistake in either is reported at once.
func loadFilters(ctx context.Context, baselineFile, rev string) (filters, error) {
	var f filters
	if baselineFile != "" {
		b, err := readBaseline(baselineFile)
		if err != nil {
			return f, err
		}
		f.baseline = b
	}
	if rev != "" {
		changes, err := gitdiff.Since(ctx, ".", rev)
		if err != nil {
			return f, fmt.Errorf("--changed-since: %w", err)
		}
		f.changes = changes
	}
	return f, nil
}

func readBaseline(path string) (*baseline.Baseline, error) {
	file, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("--baseline %s: no such file; create it with \"citelint baseline %s PATH...\"", path, path)
	}
	if err != nil {
		return nil, fmt.Errorf("--baseline: %w", err)
	}
	defer file.Close()
	b, err := baseline.Read(file)
	if err != nil {
		return nil, fmt.Errorf("--baseline %s: %w", path, err)
	}
	return b, nil
}

// apply returns the findings on changed lines that the baseline does not
// hold. The baseline sees every finding first, so that which of several
// identical findings counts as known does not depend on the changed lines.
func (f *filters) apply(ds []lint.Diagnostic) []lint.Diagnostic {
	if f.baseline != nil {
		ds = f.baseline.Filter(ds)
	}
	if f.changes != nil {
		ds = slices.DeleteFunc(ds, func(d lint.Diagnostic) bool {
			return !f.changes.Changed(d.Path, d.Pos.Line, max(d.Pos.Line, d.EndPos.Line))
		})
	}
	return ds
}
