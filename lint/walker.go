package lint

// The Markdown walker: it turns goldmark's tree into the Document model
// (prose blocks with their text, containers, citations, link definitions
// and comments), keeping byte offsets into the file from the start. Its
// handling of markup that is not Markdown (template directives, HTML
// links) is in markup.go, its reading of raw HTML blocks in htmlblock.go.

import (
	"bytes"
	"cmp"
	"html"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/citelint/citelint/prose"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
)

// MarkdownParser returns the parser drafts are read with: CommonMark with
// GitHub's extensions, footnotes and front matter. It is safe for
// concurrent use; a driver that shows a draft (the HTML report) parses it
// with this one, so that what it shows is what the rules read.
var MarkdownParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithParser(defaultParser()), goldmark.WithExtensions(
		// extension.GFM, with a faster front to its autolinks.
		fastLinkify{},
		extension.Table,
		extension.Strikethrough,
		extension.TaskList,
		extension.Footnote,
		&frontmatter.Extender{},
	)).Parser()
})

func (d *Document) parseMarkdown() {
	// goldmark does not skip a byte order mark, and front matter must start
	// the input: parse the body after it and shift offsets back.
	base := 0
	if bytes.HasPrefix(d.Source, bom) {
		base = len(bom)
	}
	body := d.Source[base:]
	root := MarkdownParser().Parse(text.NewReader(body))
	w := &walker{d: d, src: body, base: base}
	pooled := textBuffers.Get().(*textBufferPair)
	w.tb.buf, w.tb.segs = pooled.buf[:0], pooled.segs[:0]
	w.walk(root, nil)
	w.resolveReferences()
	pooled.buf, pooled.segs = nil, nil
	if cap(w.tb.buf) <= maxPooledText && cap(w.tb.segs) <= maxPooledText/16 {
		pooled.buf, pooled.segs = w.tb.buf, w.tb.segs
	}
	textBuffers.Put(pooled)
	d.sortBySource()
}

// textBuffers recycles the text builder's buffers between documents:
// every block's text and map are copied out of them, so they are free
// once the walk is done, and without the pool each document grows new
// ones from nothing.
var textBuffers = sync.Pool{New: func() any { return new(textBufferPair) }}

type textBufferPair struct {
	buf  []byte
	segs []segment
}

// maxPooledText bounds the text buffer kept for the next document (and
// its map, a sixteenth as many segments), so that one huge block does
// not pin its memory.
const maxPooledText = 1 << 16

// sortBySource puts blocks, containers and citations in source order:
// goldmark moves footnote definitions to the end of the tree.
func (d *Document) sortBySource() {
	sortCitations(d.Citations)
	if slices.IsSortedFunc(d.Blocks, byStart) {
		return
	}
	slices.SortStableFunc(d.Blocks, byStart)
	slices.SortStableFunc(d.Containers, func(a, b *Container) int { return cmp.Compare(a.Start, b.Start) })
	renumber := make([]int, len(d.Blocks))
	for i, b := range d.Blocks {
		renumber[b.Index] = i
		b.Index = i
	}
	for _, c := range d.Containers {
		for i, old := range c.Blocks {
			c.Blocks[i] = renumber[old]
		}
		slices.Sort(c.Blocks)
	}
	for _, c := range d.Citations {
		c.Block = renumber[c.Block]
	}
}

func byStart(a, b *Block) int { return cmp.Compare(a.Start, b.Start) }

// walker turns the goldmark tree into blocks, containers and citations.
// Offsets in the tree are into src; base shifts them into the file.
type walker struct {
	d    *Document
	src  []byte
	base int
	// pending are reference links waiting for their definitions.
	pending []pendingRef
	tb      textBuilder
	// masks are the template directives of the current block; mask is
	// the first that may still lie ahead, maskShown whether its
	// placeholder is in the text already.
	masks     []span
	mask      int
	maskShown bool
	// spans holds the directives templateSpans found for the current
	// block, its array reused from block to block: masks is made of it.
	spans []span
	// openLink is an HTML link whose </a> is still to come.
	openLink *Citation
	// The slabs of Blocks, Containers and Citations not handed out yet.
	slab       slab[Block]
	containers slab[Container]
	citations  slab[Citation]
	// current is the block being built.
	current *Block
	// kids spans the containers met so far directly inside the container
	// being walked (offsets in the parser's input).
	kids kidSpan
	// allText and segs hold every block's text and map, one after another:
	// each block's Text and map are slices of them, not allocations of
	// their own. Both are only ever appended to, so the slices handed out
	// stay as they are; each is the chunk being filled.
	allText strings.Builder
	segs    []segment
	// sentences is the free room of the chunk that holds the blocks'
	// sentences, one block after another.
	sentences []prose.Sentence
	// cites is the free room of the chunk the blocks' Citations are
	// appended into, one block after another (see record).
	cites []*Citation
	// blockNums is the free room of the chunk the containers' Blocks are
	// cut from.
	blockNums []int
	// htmlToks is the token buffer of HTML blocks (see fastHTMLTokens),
	// reused from block to block.
	htmlToks []htmlToken
	// backslash and amp are where the next "\\" and "&" of src lie (see
	// nextByte), so that the text of a run of segments is searched for
	// escapes and entities once, not segment by segment.
	backslash, amp byteAhead
}

// byteAhead is where a byte next occurs in src at or after from: at, or
// len(src) when it does not; set is false until first asked.
type byteAhead struct {
	from, at int
	set      bool
}

// nextByte reports whether byte c (whose byteAhead is a) occurs in
// src[start:stop]. Asked in source order, as the walk reads segments, it
// searches each stretch of src once: it looks ahead from start to the next
// c and keeps the answer for the segments before it. Asked about an
// earlier segment (goldmark moves footnote definitions last), it searches
// only that segment, as a plain IndexByte would: the work stays linear in
// the source.
func nextByte(a *byteAhead, src []byte, c byte, start, stop int) bool {
	if a.set && start < a.from {
		return bytes.IndexByte(src[start:stop], c) >= 0
	}
	if a.set && a.at >= start {
		return a.at < stop
	}
	a.from, a.at, a.set = start, len(src), true
	if i := bytes.IndexByte(src[start:], c); i >= 0 {
		a.at = start + i
	}
	return a.at < stop
}

// kidSpan is where a container's child containers start and end.
type kidSpan struct{ start, end int }

type pendingRef struct {
	c     *Citation
	label string
}

// walk visits the blocks under n and returns the offset (in the parser's
// input) where the last of them ends, or -1 when there is none. Ends are
// computed bottom-up so that deep nesting costs linear time.
func (w *walker) walk(n ast.Node, parent *Container) int {
	end := -1
	row := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		var e int
		switch c := c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			e = w.block(c, Paragraph, 0, parent).End - w.base
		case *ast.Heading:
			e = w.block(c, Heading, c.Level, parent).End - w.base
		case *ast.Blockquote:
			e = w.container(c, Blockquote, parent)
		case *ast.ListItem:
			e = w.container(c, ListItem, parent)
		case *east.Table:
			e = w.container(c, Table, parent)
		case *east.TableHeader, *east.TableRow:
			e = w.tableRow(c, row, parent)
			row++
		case *east.Footnote:
			e = w.container(c, FootnoteDefinition, parent)
		case *ast.LinkReferenceDefinition:
			w.definition(c)
			e = w.leafEnd(c)
		case *ast.HTMLBlock:
			w.htmlBlock(c, parent)
			e = w.leafEnd(c)
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
			e = w.leafEnd(c)
		default:
			e = w.walk(c, parent)
		}
		end = max(end, e)
	}
	return end
}

// leafEnd returns where a block with no prose (code, HTML, a definition,
// a thematic break) ends in the parser's input: after its last line, its
// HTML closing line or its position, whichever is last, snapped like
// every offset taken from goldmark ("*\t  0": a tab's expansion puts the
// code block's position past the end of the input). -1 when it has none.
func (w *walker) leafEnd(n ast.Node) int {
	end := n.Pos()
	if l := n.Lines(); l.Len() > 0 {
		end = max(end, l.At(l.Len()-1).Stop)
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		// goldmark keeps the line that closes an HTML block apart from
		// its lines ("> <!--\n> x -->").
		end = max(end, h.ClosureLine.Stop)
	}
	return w.snap(end)
}

// tableRow walks one row of cells; row 0 is the header.
func (w *walker) tableRow(r ast.Node, row int, parent *Container) int {
	end, column := -1, 0
	for c := r.FirstChild(); c != nil; c = c.NextSibling() {
		if cell, ok := c.(*east.TableCell); ok {
			b := w.block(cell, TableCell, 0, parent)
			b.Row, b.Column = row, column
			column++
			end = max(end, b.End-w.base)
		}
	}
	return end
}

// container records a container block and walks into it. It returns the
// offset where the container's content ends.
func (w *walker) container(n ast.Node, kind ContainerKind, parent *Container) int {
	c := w.newContainer(Container{Kind: kind, Parent: parent, Start: -1})
	if p := w.snap(n.Pos()); p >= 0 {
		c.Start = w.base + p // for now: blocks with no position start here
	}
	if w.d.Containers == nil {
		// Sized like Blocks, at a container per 1 KB (digitalgov
		// averages one per 1,080 bytes).
		w.d.Containers = make([]*Container, 0, len(w.src)/1024+4)
	}
	w.d.Containers = append(w.d.Containers, c)
	first := len(w.d.Blocks)
	outer := w.kids
	w.kids = kidSpan{start: math.MaxInt, end: -1}
	end := w.walk(n, c)
	kids := w.kids
	w.kids = outer
	start := w.snap(n.Pos())
	if start < 0 { // goldmark gives no position to some nodes
		start = max(end, 0)
	}
	if first < len(w.d.Blocks) {
		// A container holds its blocks, whatever goldmark's position
		// says (">\t>0": a tab's expansion puts the inner quote after
		// its own text).
		start = min(start, w.d.Blocks[first].Start-w.base)
	}
	if kids.end >= 0 {
		// And its containers, even empty ones (">\t>*").
		start, end = min(start, kids.start), max(end, kids.end)
	}
	end = max(end, start)
	if end > start {
		// Take in the rest of the last line (a table's closing pipe),
		// never cutting off a block that goldmark placed after the line
		// end ("*\n\t#\n": an empty heading at the end of the file).
		end = max(end, w.d.Lines.LineEnd(w.d.Lines.LineOf(w.base+end-1))-w.base)
	}
	c.Start, c.End = w.base+start, w.base+end
	w.kids.start, w.kids.end = min(w.kids.start, start), max(w.kids.end, end)
	if n := len(w.d.Blocks) - first; n > 0 {
		// The container's block numbers are cut from the free room of a
		// chunk shared by the document's containers, at their exact
		// length (an append elsewhere copies them out).
		if len(w.blockNums) < n {
			w.blockNums = make([]int, max(n, len(w.src)/512+16))
		}
		c.Blocks = w.blockNums[:n:n]
		w.blockNums = w.blockNums[n:]
		for k := range c.Blocks {
			c.Blocks[k] = first + k
		}
	}
	return end
}

// snap turns a node position from goldmark into an offset in the parser's
// input that can bound a span: goldmark counts a tab's expansion into
// some positions ("*\n\t #" puts the heading past the end of the input),
// so a position is clamped to the input and moved back to the start of a
// character and off the middle of a CRLF. -1 (no position) stays -1.
func (w *walker) snap(off int) int {
	if off < 0 {
		return -1
	}
	off = min(off, len(w.src))
	for off > 0 && off < len(w.src) && !utf8.RuneStart(w.src[off]) {
		off--
	}
	if off > 0 && off < len(w.src) && w.src[off-1] == '\r' && w.src[off] == '\n' {
		off--
	}
	return off
}

// extent returns the source span of a prose block node: its lines, or its
// position when it has none, or else the end of the block before it or
// the start of its container.
func (w *walker) extent(n ast.Node, parent *Container) (int, int) {
	start, end := w.snap(n.Pos()), -1
	if l := n.Lines(); l.Len() > 0 {
		_, cell := n.(*east.TableCell)
		if start < 0 || cell {
			// goldmark places a cell by its offset in the row with the
			// row's indentation trimmed off, so in an indented row the
			// position lies before the cell, inside the one before it
			// ("0\n-|-\n  0|0"); the cell's line is placed right.
			start = w.snap(l.At(0).Start)
		}
		// goldmark may end a line's segment after the \r of its CRLF.
		end = w.snap(l.At(l.Len() - 1).Stop)
	}
	if start < 0 {
		// No position and no lines (an empty cell that pads a table row):
		// place it where the block before it ends, or where its
		// container starts if that is later.
		start = 0
		if k := len(w.d.Blocks); k > 0 {
			start = w.d.Blocks[k-1].End - w.base
		}
		for c := parent; c != nil; c = c.Parent {
			if c.Start >= 0 {
				start = max(start, c.Start-w.base)
				break
			}
		}
	}
	return start + w.base, max(start, end) + w.base
}

func (w *walker) block(n ast.Node, kind BlockKind, level int, parent *Container) *Block {
	start, end := w.extent(n, parent)
	b := w.newBlock(kind, level, start, end, parent)
	w.spans = templateSpans(w.spans[:0], w.src, start-w.base, end-w.base)
	w.masks, w.mask, w.maskShown = w.spans, 0, false
	w.inline(n, &w.tb, b)
	w.finishBlock(b)
	return b
}

// slab hands out values of T from chunks: one allocation serves many of
// the document's blocks, containers or citations.
type slab[T any] struct{ free []T }

// next returns a zero T; have is how many the document has so far, so
// that chunks grow with it and small files waste little.
func (s *slab[T]) next(have int) *T {
	if len(s.free) == 0 {
		s.free = make([]T, min(max(have, 4), 64))
	}
	p := &s.free[0]
	s.free = s.free[1:]
	return p
}

// newCitation returns a citation of the document's, set to c.
func (w *walker) newCitation(c Citation) *Citation {
	p := w.citations.next(len(w.d.Citations))
	*p = c
	return p
}

// newContainer returns a container of the document's, set to c.
func (w *walker) newContainer(c Container) *Container {
	p := w.containers.next(len(w.d.Containers))
	*p = c
	return p
}

// newBlock adds a block to the document and makes it the one whose text
// the builder collects.
func (w *walker) newBlock(kind BlockKind, level, start, end int, parent *Container) *Block {
	// The slab's blocks are zero: setting the fields one by one spares
	// copying (and, while the collector runs, write-barriering) a whole
	// Block of mostly zeros.
	b := w.slab.next(len(w.d.Blocks))
	b.Index, b.Kind, b.Level, b.Start, b.End, b.Parent = len(w.d.Blocks), kind, level, start, end, parent
	if w.d.Blocks == nil {
		// Sized for the document at a block per 256 bytes (digitalgov
		// averages one per 290): grown from nothing, the list took five or
		// six allocations a document.
		w.d.Blocks = make([]*Block, 0, len(w.src)/256+4)
	}
	w.d.Blocks = append(w.d.Blocks, b)
	// One builder serves every block of the document: its buffers grow
	// once and are copied out at their final size.
	t := &w.tb
	t.buf, t.segs, t.base = t.buf[:0], t.segs[:0], w.base
	w.current = b
	return b
}

// finishBlock copies the collected text out to the block and splits it
// into sentences and quotations.
func (w *walker) finishBlock(b *Block) {
	t := &w.tb
	w.closeHTMLLink(t)
	if w.allText.Cap()-w.allText.Len() < len(t.buf) {
		// A new chunk, sized for the rest of the document at 60% of its
		// source: digitalgov's prose is 48% of its source, and one chunk
		// of the whole source's size left 2.8 MB of the corpus unused.
		// The strings of the blocks before keep the chunk they are in.
		w.allText = strings.Builder{}
		w.allText.Grow(max(len(t.buf), (len(w.src)-b.Start+w.base)*60/100+256))
	}
	start := w.allText.Len()
	w.allText.Write(t.buf)
	b.Text = w.allText.String()[start:]
	// The map and the sentences go into the free room of a chunk; a full
	// chunk is left to the blocks using it and a new one started, so
	// nothing is copied twice.
	if cap(w.segs)-len(w.segs) < len(t.segs) {
		// Sized for the rest of the document at a segment per 96 bytes of
		// source (digitalgov averages one per 120), at least.
		w.segs = make([]segment, 0, max(len(t.segs), (len(w.src)-b.Start+w.base)/96+16))
	}
	lo := len(w.segs)
	w.segs = append(w.segs, t.segs...)
	b.m = w.segs[lo:len(w.segs):len(w.segs)]
	if cap(w.sentences) < 4 {
		// Likewise at a sentence per 128 bytes (digitalgov: one per 155).
		w.sentences = make([]prose.Sentence, 0, (len(w.src)-b.Start+w.base)/128+8)
	}
	// Split into the free room only: should it run out, append copies this
	// block's sentences alone to a new array, whose room is used next.
	if got := prose.AppendSentences(w.sentences, b.Text); len(got) > 0 {
		b.Sentences = got[:len(got):len(got)]
		w.sentences = got[len(got):]
	}
	b.Quotes = prose.FindQuotes(b.Text)
	w.pandoc(b)
	for _, c := range b.Citations {
		c.Sentence = b.SentenceAt(c.TextStart)
	}
	if n := len(b.Citations); n > 0 {
		// The room after the block's citations is the next block's.
		w.cites = b.Citations[n:]
		b.Citations = b.Citations[:n:n]
	}
}

// inline appends the prose of n's inline children to t.
func (w *walker) inline(n ast.Node, t *textBuilder, b *Block) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			w.text(t, c.Segment.Start, c.Segment.Stop)
			if c.SoftLineBreak() || c.HardLineBreak() {
				t.addAtomic(" ", w.base+c.Segment.Stop, w.base+c.Segment.Stop)
			}
		case *ast.String:
			// Synthetic text has no place of its own: pin it to the end so far.
			at := w.base
			if k := len(t.segs); k > 0 {
				at = t.segs[k-1].srcEnd
			}
			t.addAtomic(string(c.Value), at, at)
		case *ast.CodeSpan:
			start := w.base + c.Pos()
			t.addAtomic(string(ObjectRune), start, w.base+w.codeSpanEnd(c))
		case *ast.Link:
			w.link(c, t, b)
		case *ast.Image:
			start := c.Pos()
			// The image starts at its "!"; linkEnd wants the "[" after it.
			open := start
			if open < len(w.src) && w.src[open] == '!' {
				open++
			}
			t.addAtomic(string(ObjectRune), w.base+start, w.base+w.linkEnd(c, open, c.Reference))
		case *ast.AutoLink:
			w.autolink(c, t, b)
		case *east.FootnoteLink:
			w.footnote(c, t, b)
		case *ast.RawHTML:
			w.rawHTML(c, t, b)
		default:
			w.inline(c, t, b)
		}
	}
}

// text appends source text, dropping the backslash of escapes and decoding
// entities, each mapped to its whole source run.
func (w *walker) text(t *textBuilder, start, stop int) {
	if len(w.masks) > 0 {
		w.addMasked(t, start, stop, func(from, to int) { w.unmaskedText(t, from, to, true) })
		return
	}
	w.unmaskedText(t, start, stop, true)
}

// unmaskedText appends source text as text does, with no template
// directive inside it. HTML has entities but no backslash escapes: with
// escapes false, a backslash is a character like any other.
func (w *walker) unmaskedText(t *textBuilder, start, stop int, escapes bool) {
	s := w.src
	if (!escapes || !nextByte(&w.backslash, s, '\\', start, stop)) && !nextByte(&w.amp, s, '&', start, stop) {
		t.addSource(s, start, stop) // the common case: nothing to decode
		return
	}
	from := start
	for i := start; i < stop; i++ {
		n := 0
		var repl string
		switch s[i] {
		case '\\':
			if escapes && i+1 < stop && isASCIIPunct(s[i+1]) {
				n, repl = 2, string(s[i+1])
			}
		case '&':
			if n = entityLen(s[i:stop]); n > 0 {
				repl = html.UnescapeString(string(s[i : i+n]))
			}
		}
		if n > 0 {
			t.addSource(s, from, i)
			t.addAtomic(repl, w.base+i, w.base+i+n)
			i += n - 1
			from = i + 1
		}
	}
	t.addSource(s, from, stop)
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// entityLen returns the length of the HTML entity that b starts with
// (&amp; &#39; &#x2019;), or 0.
func entityLen(b []byte) int {
	for i := 1; i < len(b) && i <= 32; i++ {
		c := b[i]
		switch {
		case c == ';':
			if i == 1 {
				return 0
			}
			if html.UnescapeString(string(b[:i+1])) == string(b[:i+1]) {
				return 0 // not a known entity
			}
			return i + 1
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '#' && i == 1:
		default:
			return 0
		}
	}
	return 0
}

// lastStop returns the end of the last text inside an inline node, or -1.
func lastStop(n ast.Node) int {
	stop := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			stop = max(stop, t.Segment.Stop)
		}
		return ast.WalkContinue, nil
	})
	return stop
}

// codeSpanEnd returns the offset after a code span's closing backticks.
func (w *walker) codeSpanEnd(c *ast.CodeSpan) int {
	s := w.src
	i := c.Pos()
	ticks := 0
	for i < len(s) && s[i] == '`' {
		i++
		ticks++
	}
	if stop := lastStop(c); stop > i {
		i = stop
	}
	for ; i < len(s); i++ {
		if s[i] != '`' {
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if j-i == ticks {
			return j
		}
		i = j - 1
	}
	return len(s)
}

// linkEnd returns the offset after a link or image whose text opens with
// the "[" at start: after its "]", then after the "(destination title)"
// of an inline link or the "[label]" of a full or collapsed reference.
// ref is the link's reference, nil for an inline link.
func (w *walker) linkEnd(n ast.Node, start int, ref *ast.ReferenceLink) int {
	s := w.src
	i := start + 1
	if stop := lastStop(n); stop > i {
		i = stop
	}
	// Skip to the closing bracket of the text, past emphasis or code marks.
	for depth := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == '[' {
			depth++
		} else if s[i] == ']' {
			if depth == 0 {
				break
			}
			depth--
		}
	}
	if i >= len(s) {
		return len(s)
	}
	i++ // past ']'
	switch {
	case ref == nil:
		if end, ok := inlineLinkTail(s, i); ok {
			return end
		}
	case ref.Type == ast.ReferenceLinkFull || ref.Type == ast.ReferenceLinkCollapsed:
		if end, ok := linkLabelEnd(s, i); ok {
			return end
		}
	}
	return i
}

// isMarkdownSpace reports whether c is white space between the parts of
// an inline link: spaces, tabs and line endings.
func isMarkdownSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// inlineLinkTail reads the "(destination "title")" of an inline link, as
// CommonMark defines it, from the "(" at i. It returns the offset after
// the ")" and whether there was one.
func inlineLinkTail(s []byte, i int) (int, bool) {
	if i >= len(s) || s[i] != '(' {
		return i, false
	}
	skip := func(j int) int {
		for j < len(s) && isMarkdownSpace(s[j]) {
			j++
		}
		return j
	}
	j := skip(i + 1)
	if j < len(s) && s[j] == '<' {
		// <destination>, on one line.
		for j++; j < len(s) && s[j] != '>'; j++ {
			switch s[j] {
			case '\\':
				if j+1 < len(s) && isASCIIPunct(s[j+1]) {
					j++
				}
			case '\n', '\r':
				return i, false
			}
		}
		if j >= len(s) {
			return i, false
		}
		j++
	} else {
		j = bareDestinationEnd(s, j, len(s))
	}
	k := skip(j)
	if k < len(s) && k > j && (s[k] == '"' || s[k] == '\'' || s[k] == '(') {
		// A title, set off from the destination by white space.
		closer := s[k]
		if closer == '(' {
			closer = ')'
		}
		for k++; k < len(s) && s[k] != closer; k++ {
			if s[k] == '\\' {
				k++
			}
		}
		if k >= len(s) {
			return i, false
		}
		k = skip(k + 1)
	}
	if k < len(s) && s[k] == ')' {
		return k + 1, true
	}
	return i, false
}

// linkLabelEnd returns the offset after the "[label]" at i.
func linkLabelEnd(s []byte, i int) (int, bool) {
	if i >= len(s) || s[i] != '[' {
		return i, false
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			return i, false
		case ']':
			return j + 1, true
		}
	}
	return i, false
}

// destinationSpan finds the destination of an inline link inside the
// "(…)" that follows its text, returning -1s when there is none.
func destinationSpan(s []byte, open, end int) (int, int) {
	i := min(open+1, end)
	for i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	if i < end && s[i] == '<' {
		if j := bytes.IndexByte(s[i:end], '>'); j >= 0 {
			return i + 1, i + j
		}
	}
	return i, bareDestinationEnd(s, i, end)
}

// bareDestinationEnd returns where the bare (not <…>) link destination
// starting at j ends, before end: at white space or at an unbalanced ")".
// A backslash escapes only ASCII punctuation: before a line end it is a
// character of its own, and the line end still ends the destination.
// goldmark, unlike CommonMark, takes control characters in a destination
// ("[](\x0f)"), so they do not end it here.
func bareDestinationEnd(s []byte, j, end int) int {
	for depth := 0; j < end; j++ {
		c := s[j]
		if !destinationByte[c] {
			continue // most of a URL, in one test
		}
		if c == '\\' && j+1 < end && isASCIIPunct(s[j+1]) {
			j++
			continue
		}
		if isMarkdownSpace(c) {
			break
		}
		if c == '(' {
			depth++
		} else if c == ')' {
			if depth == 0 {
				break
			}
			depth--
		}
	}
	return min(j, end)
}

// destinationByte marks the bytes bareDestinationEnd looks at: a
// backslash, white space and parentheses.
var destinationByte = [256]bool{'\\': true, ' ': true, '\t': true, '\n': true, '\r': true, '(': true, ')': true}

func (w *walker) link(l *ast.Link, t *textBuilder, b *Block) {
	start := l.Pos()
	textStart := len(t.buf)
	w.inline(l, t, b)
	end := w.linkEnd(l, start, l.Reference)
	c := w.newCitation(Citation{
		Kind:      InlineLink,
		Target:    string(l.Destination),
		Start:     w.base + start,
		End:       w.base + end,
		TextStart: textStart,
		TextEnd:   len(t.buf),
	})
	if l.Reference != nil {
		c.Kind = ReferenceLink
		label := l.Reference.Value
		if len(label) == 0 {
			// Collapsed and shortcut references use the link text as label.
			label = w.src[start+1 : max(start+1, end-1)]
			if l.Reference.Type == ast.ReferenceLinkCollapsed {
				label = w.src[start+1 : max(start+1, end-3)]
			}
		}
		c.TargetStart, c.TargetEnd = c.Start, c.End
		// Definitions may follow their use: resolve once the walk is done.
		w.pending = append(w.pending, pendingRef{c, normalizeLabel(string(label))})
	} else {
		ds, de := destinationSpan(w.src, w.closingParen(start, end), end)
		c.TargetStart, c.TargetEnd = w.base+ds, w.base+de
	}
	if c.TextEnd == c.TextStart {
		// A link with no text still sits in the sentence.
		t.addAtomic(string(ObjectRune), c.Start, c.End)
		c.TextEnd = len(t.buf)
	}
	w.record(c, b)
}

// closingParen finds the "(" that opens an inline link's destination: the
// last "](" between the link's start and end.
func (w *walker) closingParen(start, end int) int {
	// The last "(" with a "]" before it, found with LastIndexByte: the
	// two-byte bytes.LastIndex hashed its way back through the URL.
	s := w.src[start:end]
	for i := len(s); ; {
		j := bytes.LastIndexByte(s[:i], '(')
		if j < 0 {
			return end
		}
		if j > 0 && s[j-1] == ']' {
			return start + j
		}
		i = j
	}
}

// resolveReferences points reference links at their definitions.
func (w *walker) resolveReferences() {
	if len(w.pending) == 0 {
		return
	}
	defs := make(map[string]*LinkDefinition, len(w.d.Definitions))
	for _, d := range w.d.Definitions {
		if label := normalizeLabel(d.Label); defs[label] == nil {
			defs[label] = d // the first definition wins
		}
	}
	for _, p := range w.pending {
		if def := defs[p.label]; def != nil {
			def.Used = true
			p.c.TargetStart, p.c.TargetEnd = def.URLStart, def.URLEnd
		}
	}
}

func normalizeLabel(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func (w *walker) autolink(a *ast.AutoLink, t *textBuilder, b *Block) {
	label := a.Label(w.src)
	// Linkify may report the byte before the URL as the position.
	start := a.Pos()
	if i := bytes.Index(w.src[start:min(len(w.src), start+len(label)+2)], label); i >= 0 {
		start += i
	}
	end := start + len(label)
	kind := BareURL
	if start > 0 && w.src[start-1] == '<' && end < len(w.src) && w.src[end] == '>' {
		kind = Autolink
	}
	target := string(a.URL(w.src))
	if a.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(target), "mailto:") {
		target = "mailto:" + target // as a renderer links it
	}
	c := w.newCitation(Citation{
		Kind:        kind,
		Target:      target,
		Start:       w.base + start,
		End:         w.base + end,
		TargetStart: w.base + start,
		TargetEnd:   w.base + end,
	})
	if kind == Autolink {
		c.Start--
		c.End++
	}
	w.objectCitation(c, t, b)
}

// objectCitation records a citation that stands in the prose as one
// ObjectRune: an autolink, a bare URL, a footnote reference.
func (w *walker) objectCitation(c *Citation, t *textBuilder, b *Block) {
	c.TextStart = len(t.buf)
	t.addAtomic(string(ObjectRune), c.Start, c.End)
	c.TextEnd = len(t.buf)
	w.record(c, b)
}

// record adds a citation to its block and to the document.
func (w *walker) record(c *Citation, b *Block) {
	c.Block = b.Index
	if b.Citations == nil {
		// Only the block being built records citations, so its list
		// starts in the free room of a chunk shared by the document's
		// blocks, as their sentences do: a list of its own took an
		// allocation for its first citation and for every doubling.
		// finishBlock hands the room after it to the next block.
		if cap(w.cites) < 4 {
			// Sized like the document's list, for the rest of it.
			w.cites = make([]*Citation, 0, (len(w.src)-b.Start+w.base)/512+4)
		}
		b.Citations = w.cites[:0]
	}
	b.Citations = append(b.Citations, c)
	if w.d.Citations == nil {
		// Likewise at a citation per 512 bytes (digitalgov: one per 650).
		w.d.Citations = make([]*Citation, 0, len(w.src)/512+4)
	}
	w.d.Citations = append(w.d.Citations, c)
}

func (w *walker) footnote(f *east.FootnoteLink, t *textBuilder, b *Block) {
	start := f.Pos()
	end := len(w.src)
	if i := bytes.IndexByte(w.src[start:], ']'); i >= 0 {
		end = start + i + 1
	}
	label := strings.TrimPrefix(strings.Trim(string(w.src[start:end]), "[]"), "^")
	w.objectCitation(w.newCitation(Citation{
		Kind:        FootnoteRef,
		Target:      label,
		Start:       w.base + start,
		End:         w.base + end,
		TargetStart: w.base + start,
		TargetEnd:   w.base + end,
	}), t, b)
}

func (w *walker) rawHTML(r *ast.RawHTML, t *textBuilder, b *Block) {
	if r.Segments.Len() == 0 {
		return
	}
	start, stop := r.Segments.At(0).Start, r.Segments.At(r.Segments.Len()-1).Stop
	if w.inMask(start) {
		return // a tag inside a template directive: {{<figure src="…">}}
	}
	raw := w.src[start:stop]
	w.comments(raw, start)
	w.htmlLink(raw, start, stop, t, b)
	if isBreakTag(raw) && t.lastByte() != ' ' {
		t.addAtomic(" ", w.base+start, w.base+stop)
	}
}

// isBreakTag reports whether raw is a <br>, <p> or <li> tag (or an end
// tag of one), in any case. It compares ASCII letters folded, without the
// copies strings.ToLower made: no other rune lowercases to these letters.
func isBreakTag(raw []byte) bool {
	tag := bytes.Trim(raw, "</> \t")
	return equalASCIIFold(tag, brTag) || equalASCIIFold(tag, pTag) || equalASCIIFold(tag, liTag)
}

var brTag, pTag, liTag = []byte("br"), []byte("p"), []byte("li")

// comments records the HTML comments in raw, which starts at offset at.
func (w *walker) comments(raw []byte, at int) {
	for {
		i := bytes.Index(raw, []byte("<!--"))
		if i < 0 {
			return
		}
		j := bytes.Index(raw[i+4:], []byte("-->"))
		if j < 0 {
			return
		}
		start, end := at+i, at+i+4+j+3
		w.d.Comments = append(w.d.Comments, Comment{
			Start: w.base + start,
			End:   w.base + end,
			Text:  string(raw[i+4 : i+4+j]),
		})
		raw = raw[i+4+j+3:]
		at = end
	}
}

func (w *walker) definition(n *ast.LinkReferenceDefinition) {
	l := n.Lines()
	if l.Len() == 0 {
		return
	}
	start, stop := l.At(0).Start, l.At(l.Len()-1).Stop
	def := &LinkDefinition{Label: string(n.Label), URL: string(n.Destination), Start: w.base + start, End: w.base + stop}
	// The destination follows "]:" and optional white space; it may be in <…>.
	raw := w.src[start:stop]
	if i := bytes.Index(raw, []byte("]:")); i >= 0 {
		ds, de := destinationSpan(w.src, start+i+1, stop)
		def.URLStart, def.URLEnd = w.base+ds, w.base+de
	} else {
		def.URLStart, def.URLEnd = def.Start, def.End
	}
	w.d.Definitions = append(w.d.Definitions, def)
}

// pandocCitation matches [@key], [see @key, p. 33; -@other] and the like.
// It is compiled when first needed (its Unicode classes make it slow to
// compile), not at every start-up.
var pandocCitation = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\[(?:[^\[\]\n]{0,200}?[\s;-])?-?@[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[^\[\]\n]{0,200}?\]`)
})

// pandoc records Pandoc citations, which goldmark leaves as text.
func (w *walker) pandoc(b *Block) {
	if !mayHoldPandoc(b.Text) {
		return
	}
	for _, m := range pandocCitation().FindAllStringIndex(b.Text, -1) {
		start, end := b.SourceSpan(m[0], m[1])
		c := w.newCitation(Citation{
			Kind: PandocCite, Target: strings.Trim(b.Text[m[0]:m[1]], "[]"),
			Start: start, End: end, TargetStart: start, TargetEnd: end,
			TextStart: m[0], TextEnd: m[1],
		})
		w.record(c, b)
	}
	sortCitations(b.Citations)
}

// mayHoldPandoc reports whether some "@" in text has a "[" before it in
// the same bracket, so that the regular expression runs only where it may
// match: most "@"s are in e-mail addresses and handles.
func mayHoldPandoc(text string) bool {
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '@')
		if j < 0 {
			return false
		}
		i += j
		for k := i - 1; k >= 0 && k >= i-200; k-- {
			if c := text[k]; c == '[' {
				return true
			} else if c == ']' {
				break
			}
		}
		i++
	}
}

func sortCitations(cs []*Citation) {
	slices.SortStableFunc(cs, func(a, b *Citation) int { return cmp.Compare(a.Start, b.Start) })
}
