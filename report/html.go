package report

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed" // the page's stylesheet and script
	"encoding/base64"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/citelint/citelint/claims"
	"github.com/citelint/citelint/lint"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

//go:embed htmlassets/report.css
var reportCSS string

//go:embed htmlassets/report.js
var reportJS string

// contentSecurityPolicy allows the page's own stylesheet and script, by
// their hashes, and nothing else: no remote load of any kind, no inline
// event handler, no script or style from a draft even if one got through.
var contentSecurityPolicy = sync.OnceValue(func() string {
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return "default-src 'none'; style-src " + hash(reportCSS) + "; script-src " + hash(reportJS) +
		"; base-uri 'none'; form-action 'none'"
})

// DefaultMaxQuote is how many bytes of a fix's old or new text the HTML
// report shows when Options.MaxQuote is 0; longer texts are cut with "…".
const DefaultMaxQuote = 200

// HTML writes one self-contained page for people: each draft rendered
// from its Markdown with its claims highlighted by status (from
// Options.Inventory) and its findings in notes beside the text, a summary
// with filters and keyboard navigation, and the documentation of the rules
// that ran. It loads nothing: its stylesheet and script are inline and
// allowed by hash in its Content-Security-Policy, and everything from the
// drafts is escaped (raw HTML is shown as text, images by their
// description).
type HTML struct {
	Options
}

// noteRef is a finding and its number in its file.
type noteRef struct{ finding, num int }

// htmlFile is one file's entry on the page.
type htmlFile struct {
	path     string
	inv      *claims.File
	findings []int // indices into the run's diagnostics
	err      error
	bySev    map[lint.Severity]int
	claims   int
	sourced  int
}

// htmlPage holds what rendering the page needs.
type htmlPage struct {
	res        *lint.Result
	o          Options
	maxOverlap int
	maxQuote   int
	rules      []*lint.Rule          // active rules, by ID, each once
	ruleByID   map[string]*lint.Rule // the same
	source     map[string][]byte     // each file's source, when known
}

// Format implements Formatter.
func (h *HTML) Format(w io.Writer, res *lint.Result) error {
	p := &htmlPage{res: res, o: h.Options, maxOverlap: h.MaxOverlap, maxQuote: h.MaxQuote,
		ruleByID: map[string]*lint.Rule{}, source: map[string][]byte{}}
	if p.maxOverlap <= 0 {
		p.maxOverlap = DefaultMaxOverlap
	}
	if p.maxQuote <= 0 {
		p.maxQuote = DefaultMaxQuote
	}
	for _, r := range h.Rules {
		if p.ruleByID[r.ID] == nil {
			p.ruleByID[r.ID] = r
			p.rules = append(p.rules, r)
		}
	}
	slices.SortFunc(p.rules, func(a, b *lint.Rule) int { return strings.Compare(a.ID, b.ID) })
	bw := bufio.NewWriterSize(w, 64<<10)
	p.write(bw, p.files())
	return bw.Flush()
}

// files lists every file of the run, sorted, with its findings, claims
// and error.
func (p *htmlPage) files() []*htmlFile {
	named := slices.Clone(p.o.Files)
	for _, f := range p.o.Inventory {
		named = append(named, f.Path)
	}
	paths := checkedFiles(p.res, named)
	byPath := make(map[string]*htmlFile, len(paths))
	files := make([]*htmlFile, len(paths))
	for i, path := range paths {
		files[i] = &htmlFile{path: path, bySev: map[lint.Severity]int{}}
		byPath[path] = files[i]
	}
	for i := range p.o.Inventory {
		inv := &p.o.Inventory[i]
		f := byPath[inv.Path]
		f.inv = inv
		if inv.Source != nil {
			p.source[inv.Path] = inv.Source
		}
		for _, c := range inv.Claims {
			if c.Kind == claims.Other {
				continue
			}
			f.claims++
			if c.Status == claims.Sourced {
				f.sourced++
			}
		}
	}
	for i, d := range p.res.Diagnostics {
		f := byPath[d.Path]
		f.findings = append(f.findings, i)
		f.bySev[d.Severity]++
	}
	for _, e := range p.res.Errors {
		byPath[e.Path].err = e.Err
	}
	return files
}

func (p *htmlPage) write(w *bufio.Writer, files []*htmlFile) {
	errs, warns, infos := Count(p.res.Diagnostics)
	total := len(p.res.Diagnostics)
	put(w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	put(w, `<meta http-equiv="Content-Security-Policy" content="`)
	put(w, contentSecurityPolicy())
	put(w, "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	put(w, "<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>citelint report: ")
	put(w, plural(total, "finding")+" in "+plural(len(files), "file"))
	put(w, "</title>\n<style>")
	put(w, reportCSS)
	put(w, "</style>\n</head>\n<body>\n")
	put(w, `<a class="skip" href="#main">Skip to the report</a>`)
	if total > 0 {
		put(w, `<a class="skip" href="#f0">Skip to the first finding</a>`)
	}
	put(w, "\n<header>\n<h1>citelint report</h1>\n<p class=\"byline\">")
	put(w, plural(total, "finding")+" ("+plural(errs, "error")+", "+plural(warns, "warning")+", "+strconv.Itoa(infos)+" info) in "+plural(len(files), "file"))
	if v := p.o.ToolVersion; v != "" {
		put(w, " · citelint ")
		escape(w, v)
	}
	put(w, "</p>\n</header>\n")
	put(w, `<nav class="toolbar js-only" aria-label="Findings"><button type="button" id="prev-finding">Previous finding (k)</button> <button type="button" id="next-finding">Next finding (j)</button> <label><input type="checkbox" id="show-labels"> Show status labels in the text</label><span id="navstatus" role="status" aria-live="polite"></span></nav>`)
	put(w, "\n<main id=\"main\">\n")
	p.writeSummary(w, files)
	p.writeFiles(w, files)
	p.writeRules(w)
	put(w, "</main>\n<footer><p class=\"byline\">Written by citelint. Everything on this page comes from the files checked; it loads nothing from the network.</p></footer>\n<script>")
	put(w, reportJS)
	put(w, "</script>\n</body>\n</html>\n")
}

func (p *htmlPage) writeSummary(w *bufio.Writer, files []*htmlFile) {
	put(w, "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n")
	// Findings by rule and severity, with the filters beside.
	byRule := map[string]map[lint.Severity]int{}
	var ruleIDs []string
	for _, d := range p.res.Diagnostics {
		if byRule[d.Rule] == nil {
			byRule[d.Rule] = map[lint.Severity]int{}
			ruleIDs = append(ruleIDs, d.Rule)
		}
		byRule[d.Rule][d.Severity]++
	}
	slices.Sort(ruleIDs)
	if len(ruleIDs) > 0 {
		put(w, "<table class=\"counts\">\n<caption>Findings by rule and severity</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Info</th><th scope=\"col\">Total</th></tr></thead>\n<tbody>\n")
		for _, id := range ruleIDs {
			put(w, "<tr><th scope=\"row\">")
			p.ruleLink(w, id)
			put(w, "</th>")
			sum := 0
			for _, s := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
				numCell(w, byRule[id][s])
				sum += byRule[id][s]
			}
			numCell(w, sum)
			put(w, "</tr>\n")
		}
		errs, warns, infos := Count(p.res.Diagnostics)
		put(w, "</tbody>\n<tfoot><tr><th scope=\"row\">All rules</th>")
		numCell(w, errs)
		numCell(w, warns)
		numCell(w, infos)
		numCell(w, len(p.res.Diagnostics))
		put(w, "</tr></tfoot>\n</table>\n")
		put(w, "<fieldset class=\"filters js-only\"><legend>Show findings of these severities and rules</legend>\n")
		for _, s := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
			n := 0
			for _, id := range ruleIDs {
				n += byRule[id][s]
			}
			if n > 0 {
				put(w, `<label><input type="checkbox" checked data-filter="sev" value="`+s.String()+`"> `+s.String()+" ("+strconv.Itoa(n)+")</label>\n")
			}
		}
		put(w, "<br>\n")
		for _, id := range ruleIDs {
			n := 0
			for _, c := range byRule[id] {
				n += c
			}
			put(w, `<label><input type="checkbox" checked data-filter="rule" value="`)
			escape(w, id)
			put(w, `"> `)
			escape(w, id)
			put(w, " ("+strconv.Itoa(n)+")</label>\n")
		}
		put(w, "</fieldset>\n<p class=\"keys js-only\">Keys: <kbd>j</kbd> or <kbd>n</kbd> goes to the next finding, <kbd>k</kbd> or <kbd>p</kbd> to the previous one.</p>\n")
	} else {
		put(w, "<p>No findings.</p>\n")
	}
	// Claims by status: the legend of the highlights.
	byStatus := map[claims.Status]int{}
	for _, inv := range p.o.Inventory {
		for _, c := range inv.Claims {
			if c.Kind != claims.Other {
				byStatus[c.Status]++
			}
		}
	}
	put(w, "<table class=\"legend\">\n<caption>Claims by status (the highlights in the text)</caption>\n<thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Meaning</th><th scope=\"col\">Claims</th></tr></thead>\n<tbody>\n")
	for _, st := range statusStyles {
		if st.status == claims.Finding {
			continue
		}
		put(w, `<tr><th scope="row"><mark class="c legend-sample st-`+st.class+`"><span class="ico" aria-hidden="true">`+st.icon+"</span>"+st.word+"</mark></th><td>"+st.meaning+"</td>")
		numCell(w, byStatus[st.status])
		put(w, "</tr>\n")
	}
	put(w, "</tbody>\n</table>\n")
	if len(files) > 1 {
		put(w, "<table class=\"files\" id=\"files\">\n<caption>Files</caption>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Info</th><th scope=\"col\">Claims</th><th scope=\"col\">Sourced</th></tr></thead>\n<tbody>\n")
		for i, f := range files {
			put(w, "<tr><th scope=\"row\">")
			if p.hasSection(f) {
				put(w, `<a href="#file-`+strconv.Itoa(i)+`">`)
				escape(w, f.path)
				put(w, "</a>")
			} else {
				escape(w, f.path)
			}
			if f.err != nil {
				put(w, " (not checked)")
			}
			put(w, "</th>")
			numCell(w, f.bySev[lint.Error])
			numCell(w, f.bySev[lint.Warning])
			numCell(w, f.bySev[lint.Info])
			numCell(w, f.claims)
			numCell(w, f.sourced)
			put(w, "</tr>\n")
		}
		put(w, "</tbody>\n</table>\n")
	}
	if len(p.res.Errors) > 0 {
		put(w, "<h3>Files not checked</h3>\n<ul class=\"errors\">\n")
		for _, e := range p.res.Errors {
			put(w, "<li><code>")
			escape(w, e.Path)
			put(w, "</code>: ")
			escape(w, e.Err.Error())
			put(w, "</li>\n")
		}
		put(w, "</ul>\n")
	}
	put(w, "</section>\n")
}

// hasSection reports whether a file gets a section of its own: a clean
// file without its source has nothing to show.
func (p *htmlPage) hasSection(f *htmlFile) bool {
	return len(f.findings) > 0 || f.err != nil || f.inv != nil && f.inv.Source != nil
}

// writeFiles writes the files' sections in order, rendered in parallel:
// parsing and rendering the drafts is most of the report's cost. At most
// a few sections wait in memory for their turn.
func (p *htmlPage) writeFiles(w *bufio.Writer, files []*htmlFile) {
	type section struct {
		buf *bytes.Buffer
		err error // a panic while writing it
	}
	jobs := max(1, runtime.GOMAXPROCS(0))
	done := make([]chan section, len(files))
	for i := range done {
		done[i] = make(chan section, 1)
	}
	window := make(chan struct{}, 4*jobs) // sections rendered, not yet written
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range files {
			window <- struct{}{}
			next <- i
		}
	}()
	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	for range jobs {
		go func() {
			bw := bufio.NewWriterSize(nil, 32<<10)
			for i := range next {
				buf := pool.Get().(*bytes.Buffer)
				buf.Reset()
				bw.Reset(buf)
				err := lint.Guard("the html formatter", func() { p.writeFile(bw, buf, i, files[i]) })
				_ = bw.Flush()
				done[i] <- section{buf, err}
			}
		}()
	}
	var failed error
	for i := range files {
		s := <-done[i]
		if s.err != nil && failed == nil {
			failed = s.err
		}
		putBytes(w, s.buf.Bytes())
		pool.Put(s.buf)
		<-window
	}
	if failed != nil {
		// Raised here, on the caller's goroutine, where RenderAll finds
		// the file that caused it.
		panic(failed)
	}
}

// writeFile writes one file's section to w, which writes to buf.
func (p *htmlPage) writeFile(w *bufio.Writer, buf *bytes.Buffer, i int, f *htmlFile) {
	if !p.hasSection(f) {
		return
	}
	id := "file-" + strconv.Itoa(i)
	put(w, `<section class="file" id="`+id+`" aria-labelledby="`+id+`-h">`+"\n")
	put(w, `<h2 id="`+id+`-h"><code>`)
	escape(w, f.path)
	put(w, "</code></h2>\n<p class=\"file-sum\">")
	put(w, plural(len(f.findings), "finding")+" ("+plural(f.bySev[lint.Error], "error")+", "+plural(f.bySev[lint.Warning], "warning")+", "+strconv.Itoa(f.bySev[lint.Info])+" info)")
	if f.inv != nil {
		put(w, " · "+plural(f.claims, "claim")+", "+strconv.Itoa(f.sourced)+" sourced")
	}
	put(w, "</p>\n")
	if f.err != nil {
		put(w, "<p>Not checked: ")
		escape(w, f.err.Error())
		put(w, "</p>\n")
	}
	if f.inv != nil && f.inv.Source != nil {
		// A bug while rendering one draft costs that draft only: its
		// findings are still listed.
		_ = w.Flush()
		mark := buf.Len()
		var rerr error
		gerr := lint.Guard("the html formatter on "+f.path, func() {
			put(w, "<div class=\"draft\">\n")
			rerr = newDraft(p, w, i, f.inv.Source, f.inv.Claims, f.findings).render()
			put(w, "</div>\n")
		})
		if gerr == nil && rerr == nil {
			put(w, "</section>\n")
			return
		}
		w.Reset(buf) // drop what was rendered of the draft
		buf.Truncate(mark)
		put(w, "<p>This draft could not be shown: ")
		escape(w, cmpErr(gerr, rerr).Error())
		put(w, "</p>\n")
	}
	if len(f.findings) > 0 {
		put(w, "<div class=\"draft\">\n<ul class=\"unshown\">\n")
		var notes []noteRef
		for n, fi := range f.findings {
			put(w, "<li>")
			p.writeSnippet(w, fi)
			p.writeRef(w, fi, n+1)
			put(w, "</li>\n")
			notes = append(notes, noteRef{finding: fi, num: n + 1})
		}
		put(w, "</ul>\n")
		p.writeNotes(w, notes)
		put(w, "</div>\n")
	}
	put(w, "</section>\n")
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

var sevIcons = map[lint.Severity]string{lint.Error: "✖", lint.Warning: "▲", lint.Info: "ℹ"}

// writeRef writes a finding's numbered reference in the text: a link to
// its note, named for screen readers.
func (p *htmlPage) writeRef(w *bufio.Writer, finding, num int) {
	d := p.res.Diagnostics[finding]
	sev := d.Severity.String()
	fs := strconv.Itoa(finding)
	put(w, `<a class="fref s-`+sev+`" id="f`+fs+`" href="#n`+fs+`" data-rule="`)
	escape(w, d.Rule)
	put(w, `" data-sev="`+sev+`"><span aria-hidden="true">`+sevIcons[d.Severity]+"</span>"+strconv.Itoa(num)+`<span class="vh"> (`)
	put(w, sev+": ")
	escape(w, d.Rule)
	put(w, ")</span></a>")
}

// writeNotes writes the notes of findings beside the block they concern.
func (p *htmlPage) writeNotes(w *bufio.Writer, notes []noteRef) {
	put(w, `<aside class="notes" aria-label="Findings">`+"\n")
	for _, n := range notes {
		p.writeNote(w, n)
	}
	put(w, "</aside>\n")
}

func (p *htmlPage) writeNote(w *bufio.Writer, n noteRef) {
	d := p.res.Diagnostics[n.finding]
	sev := d.Severity.String()
	fs := strconv.Itoa(n.finding)
	put(w, `<div class="note s-`+sev+`" id="n`+fs+`" role="note" data-rule="`)
	escape(w, d.Rule)
	put(w, `" data-sev="`+sev+`">`+"\n")
	put(w, `<p><a class="back" href="#f`+fs+`" aria-label="Finding `+strconv.Itoa(n.num)+` in the text">`+strconv.Itoa(n.num)+`</a> <span class="sev"><span aria-hidden="true">`+sevIcons[d.Severity]+"</span> "+sev+"</span> · ")
	p.ruleLink(w, d.Rule)
	put(w, ` · <span class="loc">line `+strconv.Itoa(d.Pos.Line)+", column "+strconv.Itoa(d.Pos.Column)+"</span></p>\n")
	put(w, `<p class="msg">`)
	escape(w, d.Message)
	put(w, "</p>\n")
	if d.Suggestion != "" {
		put(w, `<p class="help"><span class="k">To fix:</span> `)
		escape(w, d.Suggestion)
		put(w, "</p>\n")
	}
	if len(d.Fix) > 0 {
		put(w, `<p class="fix"><span class="k">Automatic fix (citelint fix):</span> `)
		src := p.source[d.Path]
		for i, e := range d.Fix {
			if i > 0 {
				put(w, "; ")
			}
			old := ""
			if e.Start >= 0 && e.Start <= e.End && e.End <= len(src) {
				old = string(src[e.Start:e.End])
			}
			switch {
			case e.Start == e.End:
				put(w, "insert <code>")
				escape(w, p.quote(e.New))
				put(w, "</code>")
			case e.New == "":
				put(w, "delete")
				p.oldText(w, old)
			default:
				put(w, "replace")
				p.oldText(w, old)
				put(w, " with <code>")
				escape(w, p.quote(e.New))
				put(w, "</code>")
			}
		}
		put(w, "</p>\n")
	}
	put(w, "</div>\n")
}

func (p *htmlPage) oldText(w *bufio.Writer, old string) {
	if old == "" {
		put(w, " the marked text")
		return
	}
	put(w, " <code>")
	escape(w, p.quote(old))
	put(w, "</code>")
}

// quote cuts s to the quote limit, on a character boundary.
func (p *htmlPage) quote(s string) string {
	if len(s) <= p.maxQuote {
		return s
	}
	cut := p.maxQuote
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// writeSnippet writes a finding's line, from its snippet, with the
// finding's span marked: for findings outside the rendered text.
func (p *htmlPage) writeSnippet(w *bufio.Writer, finding int) {
	d := p.res.Diagnostics[finding]
	put(w, `<span class="loc">line `+strconv.Itoa(d.Pos.Line)+`</span> <code class="snippet">`)
	line := d.Snippet.Text
	if line == "" {
		line = d.Excerpt
	}
	from, to := 0, len(line)
	if d.Snippet.Text != "" {
		from = runeOffset(line, d.Pos.Column-d.Snippet.Column)
		if d.EndPos.Line == d.Pos.Line {
			to = runeOffset(line, d.EndPos.Column-d.Snippet.Column)
		}
		to = max(to, from)
	}
	sev := d.Severity.String()
	escape(w, line[:from])
	put(w, `<span class="fs s-`+sev+`" data-f="`+strconv.Itoa(finding)+`" data-rule="`)
	escape(w, d.Rule)
	put(w, `" data-sev="`+sev+`">`)
	escape(w, line[from:to])
	put(w, "</span>")
	escape(w, line[to:])
	put(w, "</code> ")
}

// runeOffset returns the byte offset of the n-th character of s, clamped
// to s.
func runeOffset(s string, n int) int {
	if n <= 0 {
		return 0
	}
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// ruleLink writes a rule's ID, linked to its documentation on the page
// when it ran.
func (p *htmlPage) ruleLink(w *bufio.Writer, id string) {
	if p.ruleByID[id] == nil {
		put(w, "<code>")
		escape(w, id)
		put(w, "</code>")
		return
	}
	put(w, `<a href="#rule-`)
	escape(w, id)
	put(w, `"><code>`)
	escape(w, id)
	put(w, "</code></a>")
}

// writeRules writes the documentation of every rule that ran, once.
func (p *htmlPage) writeRules(w *bufio.Writer) {
	if len(p.rules) == 0 {
		return
	}
	put(w, "<section id=\"rules\" aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">Rules</h2>\n")
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	for _, r := range p.rules {
		put(w, `<section class="rule" id="rule-`)
		escape(w, r.ID)
		put(w, `" aria-labelledby="rule-`)
		escape(w, r.ID)
		put(w, `-h"><h3 id="rule-`)
		escape(w, r.ID)
		put(w, `-h"><code>`)
		escape(w, r.ID)
		put(w, "</code>: ")
		escape(w, r.Summary)
		put(w, "</h3>\n<p>Default severity: "+r.Severity.String())
		if u := p.o.ruleURL(r.ID); u != "" {
			put(w, ` · <a href="`)
			escape(w, u)
			put(w, `">online documentation</a>`)
		}
		put(w, "</p>\n<div class=\"rule-doc\">\n")
		src := []byte(r.Documentation())
		doc := md.Parser().Parse(text.NewReader(src))
		if h, ok := doc.FirstChild().(*ast.Heading); ok && h.Level == 1 {
			doc.RemoveChild(doc, h) // the summary, said above
		}
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if h, ok := n.(*ast.Heading); ok && entering {
				h.Level = min(h.Level+3, 6)
			}
			return ast.WalkContinue, nil
		})
		if err := md.Renderer().Render(w, src, doc); err != nil {
			escape(w, r.Documentation())
		}
		put(w, "</div>\n</section>\n")
	}
	put(w, "</section>\n")
}

// statusStyle is how the page shows a claim's status: a class for its
// colour and underline, an icon and words, so that colour is never all.
type statusStyle struct {
	status            claims.Status
	class, icon, word string
	meaning           string
}

var statusStyles = []statusStyle{
	{claims.Sourced, "sourced", "✓", "sourced", "a link, footnote or named source backs it"},
	{claims.Unsourced, "unsourced", "✗", "unsourced", "no source at all"},
	{claims.VagueSource, "vague-source", "≈", "vague source", "attributed to no one in particular (“studies show”)"},
	{claims.Unattributed, "unattributed", "❞", "unattributed", "a quotation with no speaker or source"},
	{claims.Dead, "dead", "†", "dead", "its link is broken"},
	{claims.Paywalled, "paywalled", "¤", "paywalled", "its link leads to a paywall"},
	{claims.Moved, "moved", "↪", "moved", "its link redirects elsewhere"},
	{claims.Unverified, "unverified", "?", "unverified", "its link could not be checked"},
	{claims.NotInSource, "not-in-source", "≠", "not in source", "its cited source does not contain it"},
	{claims.Finding, "unverified", "⚑", "finding", "see the finding"},
}

func statusOf(s claims.Status) statusStyle {
	for _, st := range statusStyles {
		if st.status == s {
			return st
		}
	}
	return statusStyle{status: s, class: "unverified", icon: "?", word: "unknown status"}
}

// claimLabel is what a claim's highlight says: "figure: unsourced".
func claimLabel(c *claims.Claim) string {
	kind := "claim"
	switch c.Kind {
	case claims.Figure, claims.Quotation, claims.Link:
		kind = string(c.Kind)
	}
	return kind + ": " + statusOf(c.Status).word
}

// put, putByte and putBytes write to the page's bufio.Writer, which keeps
// the first error and returns it from Flush, where Format checks it.
func put(w *bufio.Writer, s string)      { _, _ = w.WriteString(s) }
func putByte(w *bufio.Writer, b byte)    { _ = w.WriteByte(b) }
func putBytes(w *bufio.Writer, b []byte) { _, _ = w.Write(b) }

func numCell(w *bufio.Writer, n int) {
	put(w, `<td class="n">`+strconv.Itoa(n)+"</td>")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// escape writes s with the characters HTML gives meaning to escaped, in
// text and in quoted attributes alike.
func escape(w *bufio.Writer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&#34;"
		case '\'':
			rep = "&#39;"
		case 0:
			rep = "\uFFFD"
		default:
			continue
		}
		put(w, s[last:i])
		put(w, rep)
		last = i + 1
	}
	put(w, s[last:])
}
