package lint

// The text of raw HTML blocks. Drafts exported from a CMS write many of
// their paragraphs as HTML (<div>…</div>, <p>…</p>, lists of <li>), and a
// reader sees that text, so the rules must too: the block's bytes are
// tokenized with golang.org/x/net/html and its visible text becomes prose
// blocks, mapped back to the file byte for byte.

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlBreaks are the elements that end a run of prose and start another:
// a browser lays them out as blocks (or, for <br> and <hr>, breaks the
// line), so text on either side of them is not one sentence.
var htmlBreaks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Legend: true, atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true,
	atom.Ol: true, atom.Option: true, atom.P: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Td: true, atom.Tfoot: true, atom.Th: true,
	atom.Thead: true, atom.Tr: true, atom.Ul: true, atom.Body: true, atom.Html: true,
	atom.Head: true,
}

// htmlHidden are the elements whose content is not prose and takes no
// place in a sentence: code blocks, scripts, styles, form fields,
// templates and the document's title. They end a run of prose.
var htmlHidden = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Pre: true, atom.Textarea: true,
	atom.Template: true, atom.Noscript: true, atom.Title: true, atom.Iframe: true,
	atom.Noembed: true, atom.Noframes: true, atom.Xmp: true, atom.Plaintext: true,
	atom.Select: true,
}

// htmlObjects are the elements that stand in a sentence as one
// ObjectRune, as a code span or an image does in Markdown: their content
// (code, an image's alt text, a formula, a player's fallback) is not prose.
var htmlObjects = map[atom.Atom]bool{
	atom.Code: true, atom.Svg: true, atom.Math: true, atom.Img: true, atom.Video: true,
	atom.Audio: true, atom.Object: true, atom.Canvas: true, atom.Picture: true,
	atom.Embed: true, atom.Input: true, atom.Button: true,
}

// htmlVoid are the object elements that have no content and no end tag.
var htmlVoid = map[atom.Atom]bool{atom.Img: true, atom.Embed: true, atom.Input: true}

// piece maps n bytes of the HTML block's text, from buf on, to the
// parser's input from src on: a block inside a blockquote or a list item
// is made of the line segments left after the markers.
type piece struct{ buf, src, n int }

// htmlBlockReader turns the tokens of one HTML block into prose blocks.
type htmlBlockReader struct {
	w      *walker
	parent *Container
	buf    []byte
	pieces []piece
	// b is the block being built, nil between blocks: one is started by
	// the first text, object or link after a break.
	b *Block
	// level is the heading level of an open <h1>…<h6>, 0 outside one.
	level int
	// space is the white space waiting to become one space before the
	// next word, [spaceStart, spaceEnd) of buf; spaceEnd 0 when none.
	spaceStart, spaceEnd int
	// skip is the element whose content is being skipped, 0 when none;
	// skipDepth counts its nesting and skipStart is where it began.
	skip      atom.Atom
	skipDepth int
	skipStart int
	// opened are the elements open in the block that make containers
	// (<blockquote>, <li>) or hold list items (<ul>, <ol>), outermost
	// first; past maxHTMLNesting of them, over counts the rest.
	opened []htmlOpen
	over   int
}

// htmlOpen is an open <blockquote> or <li>, with its container, or an open
// <ul> or <ol> (c nil), whose items are siblings.
type htmlOpen struct {
	a atom.Atom
	c *Container
}

// maxHTMLNesting bounds the blockquotes and lists of one HTML block that
// become containers, so that the cost of a block (each is listed in every
// container around it) and of Block.Within does not grow with nesting.
// Deeper ones are read as prose of the deepest.
const maxHTMLNesting = 32

// htmlBlock reads the visible text of an HTML block into prose blocks of
// the Paragraph kind (Heading inside <h1>…<h6>): the rules then read it
// as they read a Markdown paragraph. <blockquote> and <li> make
// Blockquote and ListItem containers, as their Markdown forms do, so
// that quoted material and list items are treated alike whatever their
// spelling. A <td> is a paragraph, not a table cell: that kind comes with
// rows and columns that HTML written by hand does not reliably give.
// Comments go to Document.Comments, read from the source as written.
func (w *walker) htmlBlock(h *ast.HTMLBlock, parent *Container) {
	l := h.Lines()
	if l.Len() == 0 {
		return
	}
	start, stop := l.At(0).Start, l.At(l.Len()-1).Stop
	if h.HasClosure() {
		stop = max(stop, h.ClosureLine.Stop)
	}
	w.comments(w.src[start:stop], start)

	r := &htmlBlockReader{w: w, parent: parent}
	add := func(s, e int) {
		e = min(e, len(w.src))
		if s >= e {
			return
		}
		if k := len(r.pieces) - 1; k >= 0 && r.pieces[k].src+r.pieces[k].n == s {
			r.pieces[k].n += e - s
			return
		}
		n := 0
		if k := len(r.pieces) - 1; k >= 0 {
			n = r.pieces[k].buf + r.pieces[k].n
		}
		r.pieces = append(r.pieces, piece{buf: n, src: s, n: e - s})
	}
	last := -1
	for i := 0; i < l.Len(); i++ {
		s := l.At(i)
		add(max(s.Start, last), s.Stop)
		last = max(last, s.Stop)
	}
	if h.HasClosure() {
		add(max(h.ClosureLine.Start, last), h.ClosureLine.Stop)
	}
	if len(r.pieces) == 0 {
		return
	}
	w.spans = templateSpans(w.spans[:0], w.src, start, stop)
	w.masks, w.mask, w.maskShown = htmlMasks(w.spans), 0, false
	if len(r.pieces) == 1 && len(w.masks) == 0 {
		p := r.pieces[0]
		r.buf = w.src[p.src : p.src+p.n] // the common case: read in place
	} else {
		r.buf = r.join()
	}
	r.read()
	w.masks = nil
}

// htmlMasks keeps the template directives of an HTML block, making plain
// ones of those read as Markdown link destinations: HTML has no
// [text](…) links, so such a directive is markup and no citation.
func htmlMasks(ms []span) []span {
	out := ms[:0]
	for _, m := range ms {
		switch {
		case m.drop:
			continue // the brackets stay text, as the link does
		case m.link && m.target[0] == m.start+2:
			m = span{start: m.start + 1, end: m.end} // after the "]"
		}
		out = append(out, m)
	}
	return out
}

// join copies the pieces into one buffer, with the bytes of template
// directives made letters, so that the tokenizer reads a directive
// ({{< figure src="x" >}}) as one word that the text builder masks.
func (r *htmlBlockReader) join() []byte {
	p := r.pieces[len(r.pieces)-1]
	buf := make([]byte, 0, p.buf+p.n)
	for _, p := range r.pieces {
		buf = append(buf, r.w.src[p.src:p.src+p.n]...)
	}
	k := 0
	for _, p := range r.pieces {
		for k < len(r.w.masks) && r.w.masks[k].end <= p.src {
			k++
		}
		for j := k; j < len(r.w.masks) && r.w.masks[j].start < p.src+p.n; j++ {
			m := r.w.masks[j]
			from, to := max(m.start, p.src), min(m.end, p.src+p.n)
			for i := from; i < to; i++ {
				buf[p.buf+i-p.src] = 'x'
			}
		}
	}
	return buf
}

// at returns the piece holding buf offset off (the last one for the end).
func (r *htmlBlockReader) at(off int) int {
	if len(r.pieces) == 1 {
		return 0
	}
	i := sort.Search(len(r.pieces), func(i int) bool { return r.pieces[i].buf+r.pieces[i].n > off })
	return min(i, len(r.pieces)-1)
}

// srcStart maps a buf offset that starts a span to the parser's input.
func (r *htmlBlockReader) srcStart(off int) int {
	p := r.pieces[r.at(off)]
	return p.src + min(off-p.buf, p.n)
}

// srcEnd maps a buf offset that ends a span (exclusive).
func (r *htmlBlockReader) srcEnd(off int) int {
	if off <= 0 {
		return r.pieces[0].src
	}
	return r.srcStart(off-1) + 1
}

// fileSpan maps [start, end) of buf to file offsets, taking in the whole
// of a CRLF that it would cut.
func (r *htmlBlockReader) fileSpan(start, end int) (int, int) {
	s, e := r.srcStart(start), r.srcEnd(end)
	src := r.w.src
	if s > 0 && s < len(src) && src[s-1] == '\r' && src[s] == '\n' {
		s--
	}
	if e > 0 && e < len(src) && src[e-1] == '\r' && src[e] == '\n' {
		e++
	}
	return r.w.base + s, r.w.base + e
}

// isHTMLSpace reports whether c is white space that a browser collapses.
func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// read tokenizes the block, with fastHTMLTokens or else the tokenizer.
// The tokenizer hands back every byte of its input as the raw text of
// some token, in order, so a token's offset is the sum of the lengths
// before it. Every token costs time linear in its length and no state
// grows with nesting, so a huge or deeply nested block costs time linear
// in its size.
func (r *htmlBlockReader) read() {
	w := r.w
	if toks, ok := fastHTMLTokens(r.buf, w.htmlToks[:0]); ok {
		w.htmlToks = toks
		for _, t := range toks {
			if t.tt == html.TextToken {
				if r.skip == 0 {
					r.text(t.start, t.end)
				}
			} else {
				r.tag(t.tt, t.a, r.buf[t.start:t.end], t.start, t.end)
			}
		}
	} else {
		w.htmlToks = toks
		r.tokenize()
	}
	if r.skip != 0 && htmlObjects[r.skip] {
		r.object(r.skipStart, len(r.buf)) // an unclosed <code>: to the end
	}
	r.close()
	// Elements left open end with the HTML block.
	_, end := r.fileSpan(len(r.buf), len(r.buf))
	r.popFrom(0, end)
}

// tokenize reads the block with golang.org/x/net/html's tokenizer: the
// blocks fastHTMLTokens leaves to it.
func (r *htmlBlockReader) tokenize() {
	z := html.NewTokenizer(bytes.NewReader(r.buf))
	pos := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start, end := pos, pos+len(raw)
		pos = end
		switch tt {
		case html.TextToken:
			if r.skip == 0 {
				r.text(start, end)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			r.tag(tt, atom.Lookup(name), raw, start, end)
		}
	}
}

// tag handles a start, self-closing or end tag at [start, end) of buf.
func (r *htmlBlockReader) tag(tt html.TokenType, a atom.Atom, raw []byte, start, end int) {
	opening := tt == html.StartTagToken
	if r.skip != 0 {
		if a != r.skip || tt == html.SelfClosingTagToken {
			return
		}
		if opening {
			r.skipDepth++
			return
		}
		if r.skipDepth--; r.skipDepth == 0 {
			if htmlObjects[a] {
				r.object(r.skipStart, end)
			}
			r.skip = 0
		}
		return
	}
	switch {
	case a == atom.A:
		r.link(tt, raw, start, end)
	case htmlBreaks[a]:
		r.close()
		r.nest(tt, a, start, end)
		if level := headingLevel(a); level > 0 {
			r.level = 0
			if opening {
				r.level = level
			}
		}
	case htmlHidden[a]:
		r.close()
		if tt != html.EndTagToken {
			// A browser ignores the "/" of <script/>: its content still
			// runs to </script>.
			r.skip, r.skipDepth = a, 1
		}
	case htmlObjects[a]:
		if tt == html.EndTagToken {
			return // a stray end tag
		}
		if opening && !htmlVoid[a] {
			r.skip, r.skipDepth, r.skipStart = a, 1, start
			return
		}
		r.object(start, end)
	}
}

// nest opens and closes the containers of <blockquote> and <li> and the
// lists that hold list items, at the tag [start, end) of buf. A browser
// closes an item at the next one's <li> and at the end of its list, and an
// end tag closes what is open inside its element.
func (r *htmlBlockReader) nest(tt html.TokenType, a atom.Atom, start, end int) {
	if a != atom.Blockquote && a != atom.Li && a != atom.Ul && a != atom.Ol {
		return
	}
	s, e := r.fileSpan(start, end)
	if tt == html.EndTagToken {
		if r.over > 0 {
			r.over--
			return
		}
		for i := len(r.opened) - 1; i >= 0; i-- {
			if r.opened[i].a == a {
				r.popFrom(i, e)
				return
			}
		}
		return // a stray end tag
	}
	if k := len(r.opened) - 1; a == atom.Li && k >= 0 && r.opened[k].a == atom.Li {
		r.popFrom(k, s) // the item before ends here
	}
	if len(r.opened) == maxHTMLNesting {
		r.over++
		return
	}
	var c *Container
	switch a {
	case atom.Blockquote:
		c = &Container{Kind: Blockquote}
	case atom.Li:
		c = &Container{Kind: ListItem}
	}
	if c != nil {
		c.Parent, c.Start, c.End = r.container(), s, e
		r.w.d.Containers = append(r.w.d.Containers, c)
	}
	r.opened = append(r.opened, htmlOpen{a: a, c: c})
}

// popFrom closes the open elements from the i-th on at file offset end.
func (r *htmlBlockReader) popFrom(i, end int) {
	for _, o := range r.opened[i:] {
		if o.c != nil {
			o.c.End = max(o.c.End, end)
		}
	}
	r.opened = r.opened[:i]
}

// container returns the innermost container open in the block, or the
// one holding the HTML block.
func (r *htmlBlockReader) container() *Container {
	for i := len(r.opened) - 1; i >= 0; i-- {
		if c := r.opened[i].c; c != nil {
			return c
		}
	}
	return r.parent
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// link opens an HTML link at <a href> and ends it at </a>, as in a
// Markdown paragraph (see htmlLink).
func (r *htmlBlockReader) link(tt html.TokenType, raw []byte, start, end int) {
	w := r.w
	if tt == html.EndTagToken {
		if c := w.openLink; c != nil && r.b != nil {
			_, e := r.fileSpan(start, end)
			r.keepLinkInProse(e)
			w.endHTMLLink(&w.tb, e)
		}
		return
	}
	target, vs, ve, ok := htmlHref(raw)
	if !ok {
		return
	}
	r.keepLinkInProse(-1)
	r.open()
	r.space() // before the link: its text starts with its first word
	s, e := r.fileSpan(start, end)
	ts, te := r.fileSpan(start+vs, start+ve)
	w.openHTMLLink(target, s, e, ts, te, &w.tb, r.b)
}

// keepLinkInProse gives the open link, if it has no text, one ObjectRune
// spanning the link (to end, its </a>, or its tag when end is -1), as a
// Markdown link with no text has: a link sits in its sentence even with
// nothing to show.
func (r *htmlBlockReader) keepLinkInProse(end int) {
	w := r.w
	if c := w.openLink; c != nil && c.TextStart == len(w.tb.buf) {
		if end < 0 {
			end = c.End
		}
		r.space()
		w.tb.addAtomic(string(ObjectRune), c.Start, end)
	}
}

// text reads a text token at [start, end) of buf: white space collapses
// to one space between words, as a browser shows it.
func (r *htmlBlockReader) text(start, end int) {
	b := r.buf
	for i := start; i < end; {
		j := i
		for j < end && isHTMLSpace(b[j]) {
			j++
		}
		if j > i {
			if r.spaceEnd == 0 {
				r.spaceStart, r.spaceEnd = i, j
			}
			i = j
			continue
		}
		// Words and the single spaces between them are copied as one run.
		for j < end && (!isHTMLSpace(b[j]) || b[j] == ' ' && j+1 < end && !isHTMLSpace(b[j+1])) {
			j++
		}
		r.word(i, j)
		i = j
	}
}

// word appends the text at [start, end) of buf, decoding entities.
func (r *htmlBlockReader) word(start, end int) {
	r.open()
	r.space()
	w := r.w
	for k := r.at(start); k < len(r.pieces) && r.pieces[k].buf < end; k++ {
		p := r.pieces[k]
		from, to := max(start, p.buf), min(end, p.buf+p.n)
		if from >= to {
			continue
		}
		s, e := p.src+from-p.buf, p.src+to-p.buf
		if len(w.masks) > 0 {
			w.addMasked(&w.tb, s, e, func(f, t int) { w.unmaskedText(&w.tb, f, t, false) })
		} else {
			w.unmaskedText(&w.tb, s, e, false)
		}
	}
}

// object appends one ObjectRune for the element at [start, end) of buf.
func (r *htmlBlockReader) object(start, end int) {
	r.open()
	r.space()
	s, e := r.fileSpan(start, end)
	r.w.tb.addAtomic(string(ObjectRune), s, e)
}

// space appends the white space waiting before a word as one space,
// unless the block has no text yet.
func (r *htmlBlockReader) space() {
	if r.spaceEnd == 0 {
		return
	}
	start, end := r.spaceStart, r.spaceEnd
	r.spaceEnd = 0
	t := &r.w.tb
	if len(t.buf) == 0 {
		return
	}
	if end-start == 1 && r.buf[start] == ' ' {
		p := r.pieces[r.at(start)]
		t.addSource(r.w.src, p.src+start-p.buf, p.src+start-p.buf+1)
		return
	}
	s, e := r.fileSpan(start, end)
	t.addAtomic(" ", s, e)
}

// open starts a block if none is being built.
func (r *htmlBlockReader) open() {
	if r.b != nil {
		return
	}
	kind := Paragraph
	if r.level > 0 {
		kind = Heading
	}
	r.b = r.w.newBlock(kind, r.level, 0, 0, r.container())
	r.spaceEnd = 0 // white space before a block's first word is none
}

// close finishes the block being built: it spans the text and the links
// it holds.
func (r *htmlBlockReader) close() {
	r.spaceEnd = 0
	b := r.b
	if b == nil {
		return
	}
	r.b = nil
	r.keepLinkInProse(-1)
	w := r.w
	start, end := -1, -1
	for _, s := range w.tb.segs {
		if start < 0 || s.src < start {
			start = s.src
		}
		end = max(end, s.srcEnd)
	}
	for _, c := range b.Citations {
		if start < 0 || c.Start < start {
			start = c.Start
		}
		end = max(end, c.End)
	}
	b.Start, b.End = start, max(start, end)
	w.finishBlock(b)
	for _, o := range r.opened {
		if o.c != nil {
			o.c.Blocks = append(o.c.Blocks, b.Index)
		}
	}
}
