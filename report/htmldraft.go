package report

// The HTML report's draft renderer: goldmark's HTML renderer, with the
// text of every node split at the boundaries of claims and findings so
// that each stretch is wrapped in the marks that cover it. Offsets come
// from goldmark's segments, never from searching the output.

import (
	"bufio"
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strconv"

	"github.com/citelint/citelint/claims"
	"github.com/citelint/citelint/lint"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// DefaultMaxOverlap is how many claims and findings one stretch of a
// draft's text is highlighted for when Options.MaxOverlap is 0.
const DefaultMaxOverlap = 8

// idPrefixAttr is the document attribute holding the prefix of the ids a
// draft's footnotes get, so that two drafts on one page never share one.
var idPrefixAttr = []byte("citelint-id-prefix")

// span is a stretch of the draft to highlight: a claim or a finding.
type span struct {
	start, end int // offsets into the parsed body
	claim      *claims.Claim
	finding    int // index into the run's diagnostics, for a finding
	num        int // the finding's number in its file
	opened     bool
	referenced bool
}

// unit is a leaf block of the draft (a paragraph, a heading, a table
// cell, a code block, a link definition): the spans starting in it that
// show no text of their own are marked at its end.
type unit struct {
	start, end int
	spans      []int // span indices by start
	cursor     int
}

// draftRenderer renders one file.
type draftRenderer struct {
	h     *htmlPage
	w     *bufio.Writer
	src   []byte // the body: the file as read after any byte order mark
	base  int    // offset of src in the file
	file  int    // the file's index on the page
	spans []span
	// bounds are the sorted offsets where some span starts or ends;
	// active[k] lists the spans covering [bounds[k], bounds[k+1]).
	bounds []int
	active [][]int
	units  []unit
	unitOf map[ast.Node]int
	cur    int       // the unit being rendered, or -1
	refs   []int     // opened findings whose reference is still to write
	notes  []noteRef // findings referenced in the current top-level block
	funcs  map[ast.NodeKind]renderer.NodeRendererFunc
	writer html.Writer
}

// registry collects the functions of goldmark's renderers.
type registry map[ast.NodeKind]renderer.NodeRendererFunc

func (r registry) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { r[k] = f }

func newDraft(h *htmlPage, w *bufio.Writer, file int, source []byte, cs []claims.Claim, findings []int) *draftRenderer {
	base := 0
	if bytes.HasPrefix(source, bom) {
		base = len(bom)
	}
	d := &draftRenderer{h: h, w: w, src: source[base:], base: base, file: file, cur: -1, writer: html.DefaultWriter}
	for i := range cs {
		c := &cs[i]
		if c.Kind == claims.Other {
			continue // it holds findings only, highlighted as such
		}
		s, e := d.clamp(c.Start), d.clamp(c.End)
		d.spans = append(d.spans, span{start: s, end: max(s, e), claim: c, finding: -1})
	}
	for n, i := range findings {
		f := h.res.Diagnostics[i]
		s, e := d.clamp(f.Start), d.clamp(f.End)
		d.spans = append(d.spans, span{start: s, end: max(s, e), finding: i, num: n + 1})
	}
	slices.SortStableFunc(d.spans, func(a, b span) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(b.end, a.end) // the longer one outside
	})
	d.sweep(h.maxOverlap)
	d.funcs = registry{}
	for _, nr := range []renderer.NodeRenderer{
		html.NewRenderer(),
		extension.NewTableHTMLRenderer(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
		extension.NewStrikethroughHTMLRenderer(),
		extension.NewTaskCheckBoxHTMLRenderer(),
		extension.NewFootnoteHTMLRenderer(extension.WithFootnoteIDPrefixFunction(func(n ast.Node) []byte {
			v, _ := n.OwnerDocument().AttributeString(string(idPrefixAttr))
			b, _ := v.([]byte)
			return b
		})),
	} {
		nr.RegisterFuncs(registry(d.funcs))
	}
	return d
}

var bom = []byte("\xef\xbb\xbf")

// clamp turns an offset into the file into one into the body.
func (d *draftRenderer) clamp(off int) int {
	return min(max(off-d.base, 0), len(d.src))
}

// sweep computes, for every stretch between two span boundaries, the
// spans covering it: at most maxOverlap of them, outer ones first.
func (d *draftRenderer) sweep(maxOverlap int) {
	if len(d.spans) == 0 {
		return
	}
	bounds := make([]int, 0, 2*len(d.spans))
	for _, s := range d.spans {
		bounds = append(bounds, s.start, s.end)
	}
	slices.Sort(bounds)
	d.bounds = slices.Compact(bounds)
	d.active = make([][]int, len(d.bounds))
	var open []int // spans covering the current stretch, in span order
	next := 0      // the next span to open
	for k, b := range d.bounds {
		open = slices.DeleteFunc(open, func(i int) bool { return d.spans[i].end <= b })
		for next < len(d.spans) && d.spans[next].start <= b {
			if d.spans[next].end > b {
				open = append(open, next)
			}
			next++
		}
		// open stays in span order: spans are added in that order and
		// removed in place.
		if len(open) > 0 {
			d.active[k] = slices.Clone(open[:min(len(open), maxOverlap)])
		}
	}
}

// render writes the draft as a grid of blocks, each followed by the notes
// of the findings in it.
func (d *draftRenderer) render() error {
	// The same parse as the rules' (lint.MarkdownParser): raw HTML stays
	// in the tree and is shown as text by the renderer.
	doc := lint.MarkdownParser().Parse(text.NewReader(d.src))
	doc.SetAttributeString(string(idPrefixAttr), []byte("d"+strconv.Itoa(d.file)+"-"))
	d.prepare(doc)
	if d.hasPrelude() {
		d.prelude()
	}
	if err := ast.Walk(doc, d.visit); err != nil {
		return err
	}
	d.unshown()
	return nil
}

// prepare lists the leaf blocks as units, gives each span to the unit it
// starts in, and moves the draft's headings under the page's.
func (d *draftRenderer) prepare(doc ast.Node) {
	d.unitOf = map[ast.Node]int{}
	var leaves []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if h, ok := n.(*ast.Heading); ok {
			h.Level = min(h.Level+2, 6)
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			leaves = append(leaves, n)
		}
		return ast.WalkContinue, nil
	})
	slices.SortStableFunc(leaves, func(a, b ast.Node) int { return cmp.Compare(leafStart(a), leafStart(b)) })
	// The prelude (front matter) is unit 0 whether shown or not.
	first := len(d.src)
	if len(leaves) > 0 {
		first = leafStart(leaves[0])
	}
	d.units = append(d.units, unit{start: 0, end: first})
	for _, n := range leaves {
		d.unitOf[n] = len(d.units)
		d.units = append(d.units, unit{start: leafStart(n), end: leafEnd(n)})
	}
	for i, s := range d.spans {
		u := sort.Search(len(d.units), func(j int) bool { return d.units[j].start > s.start }) - 1
		if u >= 0 && (s.start < d.units[u].end || s.start == d.units[u].end && s.end == s.start) {
			d.units[u].spans = append(d.units[u].spans, i)
		}
	}
}

func leafStart(n ast.Node) int {
	s := n.Lines().At(0).Start
	if p := n.Pos(); p >= 0 && p < s {
		s = p
	}
	return s
}

func leafEnd(n ast.Node) int {
	e := n.Lines().At(n.Lines().Len() - 1).Stop
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		e = max(e, h.ClosureLine.Stop)
	}
	return e
}

// hasPrelude reports whether the draft starts with text that is not
// Markdown: front matter.
func (d *draftRenderer) hasPrelude() bool {
	return len(bytes.TrimSpace(d.src[:d.units[0].end])) > 0
}

// prelude shows the front matter as it is written.
func (d *draftRenderer) prelude() {
	d.cur = 0
	put(d.w, `<pre class="front-matter" aria-label="Front matter">`)
	end := d.units[0].start + len(bytes.TrimRight(d.src[:d.units[0].end], " \t\r\n"))
	d.text(0, end, d.rawWrite)
	d.flushUnit()
	put(d.w, "</pre>\n")
	d.cur = -1
	d.writeNotes()
}

// visit renders one node: goldmark's function for it, with the draft's
// text and raw HTML shown through text, and after each top-level block
// the notes of the findings in it.
func (d *draftRenderer) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	u, isUnit := d.unitOf[n]
	if isUnit && entering {
		d.cur = u
	}
	if isUnit && !entering {
		d.flushUnit()
	}
	status, err := d.node(n, entering)
	if isUnit && !entering {
		d.cur = -1
	}
	if !entering && n.Parent() != nil && n.Parent().Kind() == ast.KindDocument {
		d.writeNotes()
	}
	return status, err
}

func (d *draftRenderer) node(n ast.Node, entering bool) (ast.WalkStatus, error) {
	w := d.w
	switch n := n.(type) {
	case *ast.Text:
		if entering {
			d.textNode(n)
		}
		return ast.WalkContinue, nil
	case *ast.CodeSpan:
		if entering {
			put(w, "<code>")
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					seg := t.Segment
					stop := seg.Stop
					nl := stop > seg.Start && d.src[stop-1] == '\n'
					if nl {
						stop--
					}
					d.segment(seg.Start, stop, seg.Padding, d.rawWrite)
					if nl {
						putByte(w, ' ')
					}
				}
			}
			return ast.WalkSkipChildren, nil
		}
		put(w, "</code>")
		return ast.WalkContinue, nil
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		if entering {
			put(w, "<pre><code>")
			d.lines(n.Lines())
		} else {
			put(w, "</code></pre>\n")
		}
		return ast.WalkContinue, nil
	case *ast.HTMLBlock:
		if entering {
			put(w, `<pre class="raw-html"><code>`)
			d.lines(n.Lines())
			if n.HasClosure() {
				d.segment(n.ClosureLine.Start, n.ClosureLine.Stop, n.ClosureLine.Padding, d.rawWrite)
			}
		} else {
			put(w, "</code></pre>\n")
		}
		return ast.WalkContinue, nil
	case *ast.RawHTML:
		if entering {
			put(w, `<code class="raw-html">`)
			for i := range n.Segments.Len() {
				seg := n.Segments.At(i)
				d.segment(seg.Start, seg.Stop, seg.Padding, d.rawWrite)
			}
			put(w, "</code>")
		}
		return ast.WalkSkipChildren, nil
	case *ast.LinkReferenceDefinition:
		if entering {
			put(w, `<p class="refdef"><code>`)
			d.lines(n.Lines())
		} else {
			put(w, "</code></p>\n")
		}
		return ast.WalkContinue, nil
	case *ast.Image:
		// Never load an image: show its description.
		if entering {
			put(w, `<span class="image">[image: `)
		} else {
			put(w, "]</span>")
		}
		return ast.WalkContinue, nil
	case *ast.AutoLink:
		if !entering {
			return ast.WalkContinue, nil
		}
		url := n.URL(d.src)
		if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
			url = append([]byte("mailto:"), url...)
		}
		url = util.URLEscape(url, false)
		put(w, `<a href="`)
		if !html.IsDangerousURL(url) {
			putBytes(w, util.EscapeHTML(url))
		}
		put(w, `">`)
		label := n.Label(d.src)
		if at, ok := offsetIn(d.src, label); ok {
			d.text(at, at+len(label), d.rawWrite)
		} else {
			putBytes(w, util.EscapeHTML(label))
		}
		put(w, "</a>")
		return ast.WalkContinue, nil
	}
	if f := d.funcs[n.Kind()]; f != nil {
		return f(w, d.src, n, entering)
	}
	return ast.WalkContinue, nil
}

// offsetIn returns where b starts in src when b is a slice of src.
func offsetIn(src, b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	at := cap(src) - cap(b)
	if at < 0 || at+len(b) > len(src) || &src[at] != &b[0] {
		return 0, false
	}
	return at, true
}

// textNode writes a Text node as goldmark would, through text.
func (d *draftRenderer) textNode(n *ast.Text) {
	seg := n.Segment
	write := d.textWrite
	if n.IsRaw() {
		write = d.rawWrite
	}
	d.segment(seg.Start, seg.Stop, seg.Padding, write)
	switch {
	case n.HardLineBreak():
		put(d.w, "<br>\n")
	case n.SoftLineBreak() && lineBreakAt(d.src, seg.Stop) > 0:
		// The line break itself, so that a span across it stays whole.
		d.text(seg.Stop, seg.Stop+lineBreakAt(d.src, seg.Stop), d.rawWrite)
	case n.SoftLineBreak():
		putByte(d.w, '\n')
	}
}

// lineBreakAt returns the length of the line break at src[i:]: 1 for
// "\n", 2 for "\r\n", 0 for none.
func lineBreakAt(src []byte, i int) int {
	switch {
	case i < len(src) && src[i] == '\n':
		return 1
	case i+1 < len(src) && src[i] == '\r' && src[i+1] == '\n':
		return 2
	}
	return 0
}

func (d *draftRenderer) lines(ls *text.Segments) {
	for i := range ls.Len() {
		l := ls.At(i)
		d.segment(l.Start, l.Stop, l.Padding, d.rawWrite)
	}
}

// segment writes a segment's padding (spaces standing for a tab) and its
// text.
func (d *draftRenderer) segment(start, stop, padding int, write func([]byte)) {
	for range padding {
		putByte(d.w, ' ')
	}
	d.text(start, stop, write)
}

func (d *draftRenderer) textWrite(b []byte) { d.writer.Write(d.w, b) }
func (d *draftRenderer) rawWrite(b []byte)  { d.writer.RawWrite(d.w, b) }

// text writes src[start:stop], split where spans start and end, each
// piece inside the marks of the spans covering it. Before it, the spans
// of the current unit that ended in markup (a link's destination) are
// marked.
func (d *draftRenderer) text(start, stop int, write func([]byte)) {
	start, stop = min(max(start, 0), len(d.src)), min(max(stop, 0), len(d.src))
	if start >= stop {
		return
	}
	d.flushBefore(start)
	k := sort.SearchInts(d.bounds, start+1) - 1 // the stretch holding start
	for start < stop {
		end := stop
		var active []int
		if k >= 0 && k < len(d.active) {
			active = d.active[k]
		}
		if k+1 < len(d.bounds) {
			end = min(stop, d.bounds[k+1])
		}
		if len(active) == 0 {
			write(d.src[start:end])
		} else {
			for _, i := range active {
				d.open(i)
			}
			write(d.src[start:end])
			for j := len(active) - 1; j >= 0; j-- {
				if d.spans[active[j]].claim != nil {
					put(d.w, "</mark>")
				} else {
					put(d.w, "</span>")
				}
			}
			for _, i := range active {
				if s := &d.spans[i]; s.finding >= 0 && !s.referenced && s.end <= end {
					d.ref(i)
				}
			}
		}
		start = end
		k++
	}
}

// open writes the opening tag of span i's mark; the first piece of a
// claim carries its id, icon and label.
func (d *draftRenderer) open(i int) {
	s := &d.spans[i]
	first := !s.opened
	s.opened = true
	w := d.w
	if s.claim == nil {
		sev := d.h.res.Diagnostics[s.finding].Severity.String()
		put(w, `<span class="fs s-`)
		put(w, sev)
		put(w, `" data-f="`)
		put(w, strconv.Itoa(s.finding))
		put(w, `" data-rule="`)
		escape(w, d.h.res.Diagnostics[s.finding].Rule)
		put(w, `" data-sev="`)
		put(w, sev)
		put(w, `">`)
		if first {
			d.refs = append(d.refs, i)
		}
		return
	}
	d.claimTag(i, first)
}

func (d *draftRenderer) claimTag(i int, first bool) {
	s := &d.spans[i]
	w := d.w
	st := statusOf(s.claim.Status)
	put(w, `<mark class="c st-`)
	put(w, st.class)
	put(w, `" data-c="`)
	put(w, strconv.Itoa(d.file))
	putByte(w, '-')
	put(w, strconv.Itoa(i))
	if !first {
		put(w, `">`)
		return
	}
	put(w, `" id="c`)
	put(w, strconv.Itoa(d.file))
	putByte(w, '-')
	put(w, strconv.Itoa(i))
	put(w, `"><span class="ico" aria-hidden="true">`)
	put(w, st.icon)
	put(w, `</span><span class="lbl">`)
	put(w, claimLabel(s.claim))
	put(w, `: </span>`)
}

// ref writes the numbered reference of finding span i, which leads to its
// note, and lists the note for the current block.
func (d *draftRenderer) ref(i int) {
	s := &d.spans[i]
	s.opened, s.referenced = true, true
	d.h.writeRef(d.w, s.finding, s.num)
	d.notes = append(d.notes, noteRef{finding: s.finding, num: s.num})
}

// flushBefore marks, before text at start in the current unit, the spans
// that ended without showing any text, and writes the references of the
// findings that ended.
func (d *draftRenderer) flushBefore(start int) {
	d.refs = slices.DeleteFunc(d.refs, func(i int) bool {
		if s := &d.spans[i]; !s.referenced && s.end <= start {
			d.ref(i)
		}
		return d.spans[i].referenced
	})
	if d.cur < 0 {
		return
	}
	u := &d.units[d.cur]
	for u.cursor < len(u.spans) && d.spans[u.spans[u.cursor]].start < start {
		if i := u.spans[u.cursor]; !d.spans[i].opened && d.spans[i].end <= start {
			d.empty(i)
		}
		u.cursor++
	}
}

// flushUnit marks, at the end of the current unit, every span of it that
// is still to be marked.
func (d *draftRenderer) flushUnit() {
	for _, i := range d.refs {
		if !d.spans[i].referenced {
			d.ref(i)
		}
	}
	d.refs = d.refs[:0]
	if d.cur < 0 {
		return
	}
	// All of them: one that covered text but was left out of its
	// highlights (past MaxOverlap) was passed over by flushBefore.
	u := &d.units[d.cur]
	for _, i := range u.spans {
		if !d.spans[i].opened {
			d.empty(i)
		}
	}
	u.cursor = len(u.spans)
}

// empty marks a span that shows no text: a claim's icon and label alone,
// a finding's reference.
func (d *draftRenderer) empty(i int) {
	if d.spans[i].claim == nil {
		d.ref(i)
		return
	}
	d.spans[i].opened = true
	d.claimTag(i, true)
	put(d.w, "</mark>")
}

// writeNotes writes the notes of the findings referenced since the last
// call, beside the block just written.
func (d *draftRenderer) writeNotes() {
	if len(d.notes) == 0 {
		return
	}
	d.h.writeNotes(d.w, d.notes)
	d.notes = d.notes[:0]
}

// unshown lists the claims and findings in parts of the draft that are
// not rendered (an HTML comment's insides, a stray offset), with their
// lines.
func (d *draftRenderer) unshown() {
	var left []int
	for i := range d.spans {
		if !d.spans[i].opened {
			left = append(left, i)
		}
	}
	if len(left) == 0 {
		return
	}
	w := d.w
	put(w, `<div class="unshown"><h3>Not in the text above</h3><ul>`+"\n")
	for _, i := range left {
		s := &d.spans[i]
		put(w, "<li>")
		if s.claim != nil {
			put(w, `<span class="loc">line `)
			put(w, strconv.Itoa(s.claim.Pos.Line))
			put(w, `</span> `)
			d.empty(i)
			put(w, " <code>")
			escape(w, s.claim.Text)
			put(w, "</code>")
		} else {
			d.h.writeSnippet(w, s.finding)
			d.ref(i)
		}
		put(w, "</li>\n")
	}
	put(w, "</ul></div>\n")
	d.writeNotes()
}
