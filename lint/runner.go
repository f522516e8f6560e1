package lint

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// ActiveRule is a rule that will run, with its configured severity and
// options.
type ActiveRule struct {
	Rule     *Rule
	Severity Severity
	Options  Options
}

// Selection says which rules run beyond their defaults.
type Selection struct {
	Enable, Disable []string
	// Offline skips Network rules, for callers that check no links at all.
	// A driver that keeps link results between runs leaves it false when
	// offline: Network rules then judge links from cached results and still
	// make their checks that need no network (relative links).
	Offline bool
}

// Configure resolves the rules that run and how: each rule's defaults,
// then the config file, then the selection. Every rule is on by default.
func Configure(rules []*Rule, cfg *Config, sel Selection) ([]ActiveRule, error) {
	byID := make(map[string]*Rule, len(rules))
	for _, r := range rules {
		byID[r.ID] = r
	}
	for _, list := range [][]string{sel.Enable, sel.Disable} {
		for _, id := range list {
			if byID[id] == nil {
				return nil, fmt.Errorf("unknown rule %q: run \"citelint rules\" for the list", id)
			}
		}
	}
	var out []ActiveRule
	for _, r := range rules {
		a := ActiveRule{Rule: r, Severity: r.Severity}
		if r.DefaultOptions != nil {
			a.Options = r.DefaultOptions()
		}
		on := true
		if cfg != nil {
			if s, ok := cfg.Rules[r.ID]; ok {
				on = !s.Off
				if s.Severity != 0 {
					a.Severity = s.Severity
				}
				if s.Options != nil {
					a.Options = s.Options
				}
			}
		}
		on = (on || slices.Contains(sel.Enable, r.ID)) && !slices.Contains(sel.Disable, r.ID)
		if on && (!sel.Offline || !r.Network) {
			out = append(out, a)
		}
	}
	return out, nil
}

// Input is one file to check.
type Input struct {
	// Path is the name shown in output: as given, with forward slashes.
	Path   string
	Format Format
	// Read returns the file's bytes. It is called by the worker that
	// checks the file, so at most Jobs files are held at once, and may be
	// called once before that (to collect the links to check): it must
	// return the same bytes each time.
	Read func() ([]byte, error)
	// Parsed, when set, is the document already parsed from this input
	// (by a driver that read it before the run): it is checked as it is,
	// and Read is not called.
	Parsed *Document
}

// FileError is a file that could not be checked.
type FileError struct {
	Path string
	Err  error
}

func (e FileError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }

// Result is the outcome of a run.
type Result struct {
	// Files counts the files checked, errors included.
	Files int
	// Diagnostics are sorted by path, line, column and rule.
	Diagnostics []Diagnostic
	// Errors are the files that could not be checked, in input order.
	Errors []FileError
}

// Runner checks files concurrently with a set of rules.
type Runner struct {
	Rules []ActiveRule
	// Known reports whether a rule ID exists, for suppression comments.
	Known func(string) bool
	// Jobs bounds how many files are checked at once; 0 means one per CPU.
	Jobs int
	// Values are facts computed before the run and offered to every rule
	// through Pass.Value.
	Values map[any]any
	// Files serves Pass.Stat and Pass.ReadFile; nil means OSFiles.
	Files Files
	// MaxFindings bounds the findings kept per file; past it, one
	// too-many-findings finding says how many more there were. 0 means no
	// bound: the command line sets DefaultMaxFindings unless told
	// otherwise.
	MaxFindings int
	// Progress, when set, is called with each file's path once Run has
	// checked it, from several goroutines at once.
	Progress func(path string)

	// Inspect, when set, is called by Run once for each document whose
	// rules ran, with its findings as Check returns them, from several
	// goroutines at once. It lets a driver ask the rules' own code about
	// the document (through Runner.Pass) while it is parsed, as the claims
	// inventory does, rather than parse it again. It must not keep doc; a
	// panic in it is that file's error, and its findings are dropped, as
	// for a file that could not be checked.
	Inspect func(doc *Document, diags []Diagnostic)

	// describe fills a finding's positions and excerpt; nil means the
	// package's describe. Tests replace it to inject a failure.
	describe func(*Document, *Diagnostic)
}

// DefaultMaxFindings is the command line's Runner.MaxFindings: more
// findings than this in one file are noise, and each costs memory and
// output.
const DefaultMaxFindings = 10000

// TooManyFindings is the rule ID of the finding that stands for the
// findings past Runner.MaxFindings in one file.
const TooManyFindings = "too-many-findings"

// IssuesURL is where internal errors are to be reported.
const IssuesURL = "https://github.com/citelint/citelint/issues"

// InternalError is a panic caught while checking one file: a bug in
// citelint rather than in the file. It is reported as that file's error so
// that every other file is still checked and reported.
type InternalError struct {
	// Stage names the part that failed: "the parser", "rule dead-link",
	// "positions and excerpts", "the text formatter"...
	Stage string
	// Value is what was passed to panic.
	Value any
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error in %s: %v; please report this at %s", e.Stage, e.Value, IssuesURL)
}

// Guard runs fn and turns a panic in it into an *InternalError naming
// stage.
func Guard(stage string, fn func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &InternalError{Stage: stage, Value: p}
		}
	}()
	fn()
	return nil
}

// runRule is Guard("rule "+rule.ID, ...) for one rule's pass, without
// building the stage's name or a closure for every rule of every file.
func runRule(rule *Rule, pass *Pass) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &InternalError{Stage: "rule " + rule.ID, Value: p}
		}
	}()
	rule.Run(pass)
	return nil
}

// Run checks every input. Files are read, parsed and checked once each, in
// parallel; the result does not depend on the order they finish in.
func (r *Runner) Run(ctx context.Context, inputs []Input) *Result {
	type fileResult struct {
		diags []Diagnostic
		err   error
	}
	results := make([]fileResult, len(inputs))
	r.Each(ctx, inputs, func(i int, doc *Document, err error) {
		if err == nil {
			results[i].diags, err = r.Check(doc)
		}
		if err == nil && r.Inspect != nil {
			if err = Guard("processing the parsed file", func() { r.Inspect(doc, results[i].diags) }); err != nil {
				results[i].diags = nil // the file is an error, as one not checked
			}
		}
		results[i].err = err
		if r.Progress != nil {
			r.Progress(inputs[i].Path)
		}
	})
	res := &Result{Files: len(inputs)}
	n := 0
	for _, fr := range results {
		n += len(fr.diags)
	}
	if n > 0 {
		res.Diagnostics = make([]Diagnostic, 0, n) // a finding is large: no copies while growing
	}
	for i, fr := range results {
		if fr.err != nil {
			res.Errors = append(res.Errors, FileError{inputs[i].Path, fr.err})
		}
		res.Diagnostics = append(res.Diagnostics, fr.diags...)
	}
	SortDiagnostics(res.Diagnostics)
	return res
}

// Each reads and parses every input, Jobs at a time, and calls fn with
// each document, or with the error that kept it from being read or parsed
// (ctx's error for inputs not reached before ctx was done). fn runs on
// several goroutines at once, once per input; documents are not kept, so
// memory follows the largest file, not their sum. When fn panics on a
// document, it is called again for that input with the panic as an
// *InternalError, so that one file cannot stop the others.
func (r *Runner) Each(ctx context.Context, inputs []Input, fn func(i int, doc *Document, err error)) {
	jobs := r.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, max(len(inputs), 1)) {
		wg.Go(func() {
			for i := range next {
				doc, err := parseInput(inputs[i])
				if perr := Guard("processing the parsed file", func() { fn(i, doc, err) }); perr != nil {
					// fn failed on this document: tell it so, as for a
					// file that could not be parsed.
					_ = Guard("processing the parsed file", func() { fn(i, nil, perr) })
				}
			}
		})
	}
	fed := 0
feed:
	for ; fed < len(inputs); fed++ {
		select {
		case next <- fed:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	for i := fed; i < len(inputs); i++ {
		fn(i, nil, ctx.Err())
	}
}

// parseInput reads and parses one input; a panic in either is that
// input's error.
func parseInput(in Input) (doc *Document, err error) {
	if in.Parsed != nil {
		return in.Parsed, nil
	}
	var src []byte
	if gerr := Guard("reading the file", func() { src, err = in.Read() }); gerr != nil {
		return nil, gerr
	}
	if err != nil {
		return nil, err
	}
	if gerr := Guard("the parser", func() { doc, err = Parse(in.Path, src, in.Format) }); gerr != nil {
		return nil, gerr
	}
	return doc, err
}

// Check runs the rules over a parsed document and returns its diagnostics,
// suppressions applied, at most MaxFindings of them (then one
// too-many-findings), and positions filled. A panic at any stage is
// returned as an *InternalError.
func (r *Runner) Check(doc *Document) ([]Diagnostic, error) {
	known := r.Known
	if known == nil {
		known = func(id string) bool {
			return slices.ContainsFunc(r.Rules, func(a ActiveRule) bool { return a.Rule.ID == id })
		}
	}
	var sup *Suppressions
	if err := Guard("suppression comments", func() { sup = ParseSuppressions(doc, known) }); err != nil {
		return nil, err
	}
	limit := r.MaxFindings
	if limit <= 0 {
		limit = math.MaxInt
	}
	sink := &findings{doc: doc, sup: sup, limit: limit}
	// One array holds every rule's pass, recycled from document to
	// document: no rule keeps its pass once it returns.
	buf := passBuffers.Get().(*[]Pass)
	if cap(*buf) < len(r.Rules) {
		*buf = make([]Pass, len(r.Rules))
	}
	passes := (*buf)[:len(r.Rules)]
	defer func() {
		clear(passes) // the pool must not keep the document alive
		passBuffers.Put(buf)
	}()
	for i, a := range r.Rules {
		if a.Rule.Run == nil {
			continue
		}
		pass := &passes[i]
		*pass = Pass{Doc: doc, Options: a.Options, Severity: a.Severity, Suppressions: sup, values: r.Values, requires: a.Rule.Requires, files: r.Files,
			sink: sink, ruleID: a.Rule.ID, sev: a.Severity}
		if err := runRule(a.Rule, pass); err != nil {
			return nil, err
		}
	}
	out := sink.out
	if sink.over.n > 0 {
		out = append(out, sink.over.diagnostic(doc.Path, limit))
	}
	// Resolve positions in offset order: the column table is built once.
	slices.SortFunc(out, func(a, b Diagnostic) int { return cmp.Compare(a.Start, b.Start) })
	fill := r.describe
	if fill == nil {
		fill = describe
	}
	if err := Guard("positions and excerpts", func() {
		for i := range out {
			fill(doc, &out[i])
		}
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// passBuffers recycles the passes Check makes for each document's rules.
var passBuffers = sync.Pool{New: func() any { return new([]Pass) }}

// Pass returns a pass of rule a over doc with the runner's values and
// files, whose findings are dropped: for an Inspect hook that runs part of
// a rule's judgement without reporting. Its Suppressions are empty.
func (r *Runner) Pass(doc *Document, a ActiveRule) *Pass {
	return &Pass{Doc: doc, Options: a.Options, Severity: a.Severity, Suppressions: &Suppressions{},
		values: r.Values, requires: a.Rule.Requires, files: r.Files, report: func(Diagnostic) {}}
}

// Excerpt returns the sentence around [start, end) in doc as a finding
// there shows it (Diagnostic.Excerpt): cut to maxExcerpt code points
// either side of the span, or the source line when it is not in prose.
func Excerpt(doc *Document, start, end int) string {
	d := Diagnostic{Start: max(0, min(start, len(doc.Source)))}
	d.End = max(d.Start, min(end, len(doc.Source)))
	describe(doc, &d)
	return d.Excerpt
}

// findings collects the diagnostics of one document's passes: one value
// for every rule, where a closure per rule was an allocation per rule and
// document.
type findings struct {
	doc   *Document
	sup   *Suppressions
	limit int
	out   []Diagnostic
	over  overflow
}

// add records d as a finding of rule id, whose configured severity is sev.
func (f *findings) add(id string, sev Severity, d Diagnostic) {
	doc := f.doc
	d.Rule = id
	if d.Severity == 0 {
		d.Severity = sev
	}
	d.Path = doc.Path
	d.Start = max(0, min(d.Start, len(doc.Source)))
	d.End = max(d.Start, min(d.End, len(doc.Source)))
	if f.sup.Suppressed(d.Rule, d.Start, doc.Lines.LineOf(d.Start)) {
		return
	}
	// Past the limit only a count is kept, so that a rule reporting every
	// word of a huge file costs no memory.
	if len(f.out) < f.limit {
		f.out = append(f.out, d)
	} else {
		f.over.add(d)
	}
}

// overflow counts the findings past the per-file limit.
type overflow struct {
	n     int
	start int      // the earliest dropped finding's offset
	sev   Severity // the highest dropped severity, so --fail-on still sees it
}

func (o *overflow) add(d Diagnostic) {
	if o.n == 0 || d.Start < o.start {
		o.start = d.Start
	}
	o.sev = max(o.sev, d.Severity)
	o.n++
}

func (o *overflow) diagnostic(path string, limit int) Diagnostic {
	return Diagnostic{
		Rule: TooManyFindings, Severity: o.sev, Path: path, Start: o.start, End: o.start,
		Message:    fmt.Sprintf("%d more findings in this file are not shown: citelint reports at most %d per file", o.n, limit),
		Suggestion: "fix the findings shown and run again, or raise the limit with --max-findings or limits.max-findings in the config",
	}
}

// maxExcerpt bounds excerpts and snippets, in code points either side of a
// span's start, so that huge lines cost no more than short ones.
const maxExcerpt = 100

// describe fills a diagnostic's positions, excerpt and snippet.
func describe(doc *Document, d *Diagnostic) {
	d.Pos = doc.Lines.Position(d.Start)
	d.EndPos = doc.Lines.Position(d.End)
	d.ByteColumn, d.EndByteColumn = doc.Lines.ByteColumn(d.Start), doc.Lines.ByteColumn(d.End)
	line := d.Pos.Line - 1
	ls, le := doc.Lines.LineStart(line), doc.Lines.LineEnd(line)
	if line == 0 && strings.HasPrefix(string(doc.Source[:min(3, len(doc.Source))]), string(bom)) {
		ls = min(len(bom), le)
	}
	from, to := window(doc.Source, ls, le, d.Start, d.End)
	d.Snippet = Snippet{
		Text:   strings.ReplaceAll(string(doc.Source[from:to]), "\r", " "),
		Column: doc.Lines.Position(from).Column,
		More:   len(bytes.TrimRight(doc.Source[to:le], "\r")) > 0,
	}
	d.Excerpt = excerpt(doc, d.Start, d.End, strings.TrimSpace(d.Snippet.Text))
}

// window returns the part of src[ls:le] to show around [start, end): the
// whole line when short, else maxExcerpt code points either side.
func window(src []byte, ls, le, start, end int) (int, int) {
	// An ASCII byte is one code point, as the decoders would read it: most
	// steps take it without the call.
	from := start
	for n := 0; from > ls && n < maxExcerpt; n++ {
		if src[from-1] < utf8.RuneSelf {
			from--
			continue
		}
		_, size := utf8.DecodeLastRune(src[ls:from])
		from -= size
	}
	to := min(max(end, start), le)
	for n := 0; to < le && n < maxExcerpt; n++ {
		if src[to] < utf8.RuneSelf {
			to++
			continue
		}
		_, size := utf8.DecodeRune(src[to:le])
		to += size
	}
	return from, to
}

// excerpt returns the sentence holding start, or fallback when start is not
// in prose; long sentences are cut around the span.
func excerpt(doc *Document, start, end int, fallback string) string {
	b := doc.BlockAt(start)
	if b == nil || len(b.Sentences) == 0 {
		// A block can hold no prose at all: an HTML block, or one of
		// punctuation only.
		return fallback
	}
	off := min(b.TextOffset(start), len(b.Text))
	s := b.Sentences[b.SentenceAt(off)]
	if off > s.End {
		return fallback
	}
	ts, te := s.Start, s.End
	spanEnd := max(off, min(b.TextOffset(end), te))
	// window only reads: a view of the text, not a copy of the block's.
	from, to := window(unsafe.Slice(unsafe.StringData(b.Text), len(b.Text)), ts, te, off, spanEnd)
	text := b.Text[from:to]
	if from > ts {
		text = "…" + text
	}
	if to < te {
		text += "…"
	}
	return Plain(text)
}

// Plain returns prose text as excerpts show it: each object stand-in
// (a code span, an image) as "…".
func Plain(text string) string { return strings.ReplaceAll(text, string(ObjectRune), "…") }

// SortDiagnostics sorts by path, line, column, end, rule and message.
func SortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Start, b.Start),
			cmp.Compare(a.End, b.End),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
