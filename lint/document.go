package lint

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/citelint/citelint/prose"
)

// Format is the kind of input a document was read as.
type Format int

const (
	// Markdown is CommonMark with GitHub's extensions, footnotes and front matter.
	Markdown Format = iota
	// PlainText is text whose paragraphs are separated by blank lines.
	PlainText
)

// FormatOf picks the format from a file name: .txt is plain text, anything
// else Markdown.
func FormatOf(path string) Format {
	if strings.EqualFold(filepath.Ext(path), ".txt") {
		return PlainText
	}
	return Markdown
}

// BlockKind says what kind of Markdown block holds a run of prose.
type BlockKind int

// Kinds of prose blocks.
const (
	Paragraph BlockKind = iota // a paragraph, or the text of a tight list item
	Heading
	TableCell
)

func (k BlockKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case TableCell:
		return "table cell"
	}
	return "paragraph"
}

// ContainerKind says what kind of block holds other blocks.
type ContainerKind int

// Kinds of containers.
const (
	Blockquote ContainerKind = iota
	ListItem
	Table
	FootnoteDefinition
)

// Container is a block that holds other blocks: a blockquote, a list item,
// a table or a footnote definition.
type Container struct {
	Kind       ContainerKind
	Start, End int // source offsets
	Parent     *Container
	// Blocks are the indices, in Document.Blocks, of the prose blocks
	// inside the container at any depth, in source order.
	Blocks []int
}

// Sentence is a span of a block's prose text.
type Sentence = prose.Sentence

// Quote is a quotation in a block's prose text.
type Quote = prose.Quote

// Block is the prose of one Markdown block: its plain text, with a map back
// to source offsets, split into sentences.
type Block struct {
	Index      int // position in Document.Blocks
	Kind       BlockKind
	Level      int // heading level, 0 for other blocks
	Start, End int // source offsets of the block's lines
	// Text is the block's prose: link text is kept, while code spans,
	// images, autolinks and footnote references each stand as one
	// ObjectRune. Line breaks are spaces.
	Text string
	// Sentences split Text. A block with no prose (a paragraph that is
	// only an HTML tag) has none: check before indexing.
	Sentences []Sentence
	// Quotes are the quotations in Text, in order of their opening marks.
	Quotes []Quote
	// Citations are the citations found in the block, in order.
	Citations []*Citation
	// Parent is the innermost container holding the block, or nil.
	Parent *Container
	// Row and Column place a table cell (row 0 is the header).
	Row, Column int

	m textMap
}

// SourceSpan maps a span of Text to source offsets.
func (b *Block) SourceSpan(start, end int) (int, int) {
	if len(b.m) == 0 {
		return b.Start, b.Start // no prose: the block's start stands for it
	}
	s, e := b.m.start(start), b.m.end(end)
	if e < s {
		e = s
	}
	return s, e
}

// TextOffset maps a source offset into Text: to the text made from that
// byte, or else to the text made from the next source byte that has any.
func (b *Block) TextOffset(src int) int { return b.m.textOffset(src) }

// SentenceAt returns the index of the sentence holding the text offset, or
// of the nearest sentence before it; 0 when the block has no sentence.
func (b *Block) SentenceAt(off int) int { return prose.SentenceAt(b.Sentences, off) }

// Within reports whether the block lies inside a container of kind k.
func (b *Block) Within(k ContainerKind) bool {
	for c := b.Parent; c != nil; c = c.Parent {
		if c.Kind == k {
			return true
		}
	}
	return false
}

// CitationKind says how a citation is written.
type CitationKind int

// Kinds of citations.
const (
	InlineLink    CitationKind = iota // [text](url)
	ReferenceLink                     // [text][label], [text][], [label]
	Autolink                          // <https://…>
	BareURL                           // https://… or www.… in running text
	FootnoteRef                       // [^label] with a definition
	PandocCite                        // [@key] or [see @key, p. 3]
	HTMLLink                          // <a href="url">text</a>
	TemplateLink                      // [text]({{< ref "page" >}}): a site generator's link
)

func (k CitationKind) String() string {
	return [...]string{"inline link", "reference link", "autolink", "bare URL", "footnote", "citation", "HTML link", "template link"}[k]
}

// Citation is evidence of sourcing: a link, a footnote reference or a
// Pandoc citation in a block of prose.
type Citation struct {
	Kind CitationKind
	// Target is the link destination, the footnote label or the Pandoc
	// citation's content.
	Target string
	// Start and End span the whole citation in the source.
	Start, End int
	// TargetStart and TargetEnd span the destination as written in the
	// source: in the link itself, or in its reference definition. They
	// equal Start and End for footnotes and Pandoc citations.
	TargetStart, TargetEnd int
	// Block is the index of the block holding the citation, Sentence the
	// index of the sentence within it (0 in a block with no sentence);
	// TextStart and TextEnd its span in the block's text.
	Block, Sentence    int
	TextStart, TextEnd int
}

// LinkDefinition is a link reference definition: [label]: url "title".
type LinkDefinition struct {
	Label            string
	URL              string
	Start, End       int
	URLStart, URLEnd int
	Used             bool // some reference link uses it
}

// Comment is an HTML comment in the Markdown (outside code).
type Comment struct {
	Start, End int
	Text       string // the text between <!-- and -->
}

// Document is one parsed file, shared read-only by every rule.
type Document struct {
	Path   string
	Source []byte // the file exactly as read
	Format Format
	Lines  *LineIndex

	// Blocks are the prose blocks in source order.
	Blocks []*Block
	// Containers are the blockquotes, list items, tables and footnote
	// definitions in source order.
	Containers []*Container
	// Citations are all citations in source order.
	Citations []*Citation
	// Definitions are the link reference definitions in source order.
	Definitions []*LinkDefinition
	// Comments are the HTML comments, where suppressions live.
	Comments []Comment

	memoMu sync.Mutex
	// The entries of memo, in the order first asked for: the first memoN
	// in memoBuf, inside the Document's own allocation, and any further
	// ones in memoMore. A document has a handful (one per analysis or Memo
	// key its rules ask for), so a search of them is cheaper than a map;
	// every document asks, and a map with an allocation per entry cost a
	// microsecond a document. TestMemoManyKeys asks for more than memoBuf
	// holds.
	memoN    int
	memoBuf  [8]memoEntry
	memoMore []*memoEntry
}

// memoEntry is one value of Document.memo, computed once.
type memoEntry struct {
	key  any
	once sync.Once
	val  any
	// panicked holds what a computation that panicked panicked with:
	// every rule that asks for the value then fails the same way.
	panicked any
}

// memo returns what compute returns for key, computing it once per
// document: the store behind Compute, ResultOf and Memo. The lock guards
// the entries only, so that one computation may ask for another key's value
// (never its own).
func (d *Document) memo(key any, compute func() any) any {
	d.memoMu.Lock()
	e := d.memoEntry(key)
	d.memoMu.Unlock()
	e.once.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				e.panicked = r
				panic(r)
			}
		}()
		e.val = compute()
	})
	if e.panicked != nil {
		panic(e.panicked)
	}
	return e.val
}

// memoEntry returns the entry of key, adding it when there is none; the
// caller holds memoMu.
func (d *Document) memoEntry(key any) *memoEntry {
	for i := range d.memoBuf[:d.memoN] {
		if d.memoBuf[i].key == key {
			return &d.memoBuf[i]
		}
	}
	for _, e := range d.memoMore {
		if e.key == key {
			return e
		}
	}
	if d.memoN < len(d.memoBuf) {
		e := &d.memoBuf[d.memoN]
		d.memoN++
		e.key = key
		return e
	}
	e := &memoEntry{key: key}
	d.memoMore = append(d.memoMore, e)
	return e
}

// BlockAt returns the prose block whose source span holds offset, or nil.
func (d *Document) BlockAt(offset int) *Block {
	i, _ := slices.BinarySearchFunc(d.Blocks, offset, func(b *Block, off int) int {
		if b.End <= off {
			return -1
		}
		if b.Start > off {
			return 1
		}
		return 0
	})
	if i < len(d.Blocks) && d.Blocks[i].Start <= offset && offset < d.Blocks[i].End {
		return d.Blocks[i]
	}
	return nil
}

// MaxListDepth bounds how deeply lists and block quotes may nest in a
// checked file. The Markdown parser's time grows with the cube of list
// depth and the square of block-quote depth on a line; no draft nests
// either anywhere near this deep.
const MaxListDepth = 64

// MaxBracketDepth bounds how deeply matched square brackets may nest in a
// paragraph of a checked file (outside fenced code). The Markdown
// parser's link parsing grows with the square of that depth: 2,000
// brackets nested in each paragraph of a 4 MB file took it 30 seconds and
// a gigabyte. A draft's links nest one or two deep.
const MaxBracketDepth = 64

// MaxDefinitionRun bounds the link reference definitions ("[label]: url")
// one paragraph may hold. The Markdown parser takes them out of their
// paragraph one at a time, moving the lines after each: time that grows
// with the square of their number (200,000 in a row took 50 seconds;
// 10,000 take a tenth of one). A blank line between them ends a paragraph.
const MaxDefinitionRun = 10000

// DefinitionsError reports a paragraph of more link reference
// definitions than MaxDefinitionRun.
type DefinitionsError struct {
	Pos Position // the line of the first definition over the limit
}

func (e *DefinitionsError) Error() string {
	return fmt.Sprintf("line %d: more than %d link reference definitions in one paragraph, the most citelint checks (put a blank line between groups of them)", e.Pos.Line, MaxDefinitionRun)
}

// NestingError reports a file nested too deeply to check.
type NestingError struct {
	Pos   Position
	Depth int
	// Brackets tells square brackets nest too deeply; otherwise lists
	// and block quotes do.
	Brackets bool
}

func (e *NestingError) Error() string {
	if e.Brackets {
		return fmt.Sprintf("line %d: square brackets nest about %d levels deep; citelint checks paragraphs whose brackets nest at most %d levels", e.Pos.Line, e.Depth, MaxBracketDepth)
	}
	return fmt.Sprintf("line %d: lists and block quotes nest about %d levels deep; citelint checks files nested at most %d levels", e.Pos.Line, e.Depth, MaxListDepth)
}

// Parse reads src as a document of the given format. It fails for binary
// input, invalid UTF-8 and Markdown nested too deeply to parse in
// reasonable time.
func Parse(path string, src []byte, format Format) (*Document, error) {
	if err := CheckText(src); err != nil {
		return nil, err
	}
	d := &Document{Path: path, Source: src, Format: format, Lines: NewLineIndex(src)}
	if format == PlainText {
		d.parsePlain()
		return d, nil
	}
	if line, depth := listDepth(d.Lines); depth > MaxListDepth {
		return nil, &NestingError{Pos: Position{Line: line + 1, Column: 1}, Depth: depth}
	}
	p := scanParagraphs(d.Lines)
	if p.depth > MaxBracketDepth {
		return nil, &NestingError{Pos: Position{Line: p.depthLine + 1, Column: 1}, Depth: p.depth, Brackets: true}
	}
	if p.defsLine >= 0 {
		return nil, &DefinitionsError{Pos: Position{Line: p.defsLine + 1, Column: 1}}
	}
	d.parseMarkdown()
	return d, nil
}

// listDepth estimates the deepest list and block-quote nesting from line
// prefixes, without parsing: list markers, block-quote markers and
// indentation (two columns a level) at the start of each line. It returns the 0-based line and the depth. Lines are read
// from the document's line index, built already.
func listDepth(x *LineIndex) (line, depth int) {
	for n, start := range x.starts {
		if d := linePrefixDepth(x.src[start:x.LineEnd(n)]); d > depth {
			line, depth = n, d
		}
	}
	return line, depth
}

// linePrefixDepth estimates the list and block-quote depth of a line: the
// list and block-quote markers that open it, plus a level for each two
// columns of indentation before the first list marker (indented lines
// continue deeper items).
func linePrefixDepth(l []byte) int {
	width, markers := 0, 0
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ':
			if markers == 0 {
				width++
			}
			i++
		case c == '\t':
			if markers == 0 {
				width += 4 - width%4
			}
			i++
		case c == '>':
			width = 0
			markers++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			markers++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				markers++
				i = j + 1
				continue
			}
			return markers + width/2
		default:
			return markers + width/2
		}
	}
	return markers + width/2
}

// paragraphScan is what scanParagraphs found: the deepest nesting of
// matched square brackets in a paragraph and the 0-based line where it is
// reached, and the first line that holds a paragraph's link reference
// definition over MaxDefinitionRun, or -1. In a file of at most
// MaxBracketDepth "[" in all, the depth is left 0: no limit can be passed.
type paragraphScan struct {
	depthLine, depth int
	defsLine         int
}

// scanParagraphs reads the lines for what makes the Markdown parser slow,
// without parsing: brackets nested deep, and a line that starts, after
// block quote markers and white space, with "[" and holds "]:" (a link
// reference definition, maybe). A "]" closes the last "[" still open (a
// backslash escapes the next byte), and a pair's depth is one more than
// the deepest pair it holds: a "[" never closed counts for nothing, as
// the half-open intervals of "[0, 10) and [10, 20)" cost the parser
// nothing, while pairs nested deep cost it their depth squared. A blank
// line ends the paragraph, leaving its brackets and its run of
// definitions; fenced code blocks are skipped. It overestimates where
// brackets sit in code spans or a definition's title, which is safe: the
// limits are far above any draft's.
func scanParagraphs(x *LineIndex) paragraphScan {
	r := paragraphScan{defsLine: -1}
	src := x.src
	if bytes.Count(src, []byte("[")) <= MaxBracketDepth {
		// Nothing here can pass either limit (MaxDefinitionRun is
		// higher): nearly every draft, found in one fast count.
		return r
	}
	defs := 0
	// open holds, for each "[" still open, the depth of the deepest pair
	// closed inside it.
	var open []int32
	var fence byte // the fence character of the code block the line is in, or 0
	fenceLen := 0
	for n, start := range x.starts {
		l := src[start:x.LineEnd(n)]
		if c, k := codeFence(l); k > 0 && (fence == 0 || c == fence && k >= fenceLen) {
			if fence == 0 {
				fence, fenceLen = c, k
			} else {
				fence, fenceLen = 0, 0
			}
			open, defs = open[:0], 0
			continue
		}
		if fence != 0 {
			continue
		}
		body := bytes.TrimLeft(l, " \t>")
		if len(bytes.TrimSpace(body)) == 0 {
			open, defs = open[:0], 0
			continue
		}
		if body[0] == '[' && bytes.Contains(body, []byte("]:")) {
			defs++
			if defs > MaxDefinitionRun && r.defsLine < 0 {
				r.defsLine = n
			}
		}
		if len(open) == 0 && bytes.IndexByte(l, '[') < 0 {
			continue // most lines: nothing opens, and a "]" closes nothing
		}
		for i := 0; i < len(l); i++ {
			switch l[i] {
			case '\\':
				i++
			case '[':
				open = append(open, 0)
			case ']':
				if len(open) == 0 {
					break
				}
				d := open[len(open)-1] + 1
				open = open[:len(open)-1]
				if int(d) > r.depth {
					r.depthLine, r.depth = n, int(d)
				}
				if k := len(open) - 1; k >= 0 && d > open[k] {
					open[k] = d
				}
			}
		}
	}
	return r
}

// codeFence returns the character and length of the code fence (three or
// more backticks or tildes after at most three spaces) that opens line l,
// or 0, 0. Fences indented as a list item's content are not recognised,
// so their lines are counted: the safe side.
func codeFence(l []byte) (byte, int) {
	i := 0
	for i < len(l) && i < 3 && l[i] == ' ' {
		i++
	}
	if i == len(l) || l[i] != '`' && l[i] != '~' {
		return 0, 0
	}
	c, k := l[i], 0
	for i+k < len(l) && l[i+k] == c {
		k++
	}
	if k < 3 || c == '`' && bytes.IndexByte(l[i+k:], '`') >= 0 {
		return 0, 0 // a backtick fence's info string holds no backtick
	}
	return c, k
}

// crlf is a Windows line end.
var crlf = []byte("\r\n")

// parsePlain splits plain text into paragraphs at blank lines.
func (d *Document) parsePlain() {
	src := d.Source
	n := d.Lines.Lines()
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		b := &Block{Index: len(d.Blocks), Kind: Paragraph, Start: start, End: end}
		// Line ends and tabs read as one space each; a CRLF is one line
		// end, so "[citation\r\nneeded]" reads as with LF, and a span
		// never ends between its \r and \n.
		var t textBuilder
		run := start
		for i := bytes.Index(src[start:end], crlf); i >= 0; i = bytes.Index(src[run:end], crlf) {
			i += run
			t.addSource(src, run, i)
			t.addAtomic(" ", i, i+2)
			run = i + 2
		}
		t.addSource(src, run, end)
		for i, c := range t.buf {
			if c == '\n' || c == '\r' || c == '\t' {
				t.buf[i] = ' '
			}
		}
		b.Text = string(t.buf)
		b.m = t.segs
		b.Sentences = prose.SplitSentences(b.Text)
		b.Quotes = prose.FindQuotes(b.Text)
		d.Blocks = append(d.Blocks, b)
		start = -1
	}
	for line := 0; line < n; line++ {
		ls, le := d.Lines.LineStart(line), d.Lines.LineEnd(line)
		if line == 0 && bytes.HasPrefix(src, bom) {
			ls += len(bom)
		}
		if len(bytes.TrimSpace(src[ls:le])) == 0 {
			flush(d.Lines.LineEnd(max(line-1, 0)))
			continue
		}
		if start < 0 {
			start = ls
		}
		w := &walker{d: d, src: src}
		w.comments(src[ls:le], ls)
	}
	if start >= 0 {
		flush(d.Lines.LineEnd(n - 1))
	}
}
