package lint

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// fastRawHTML is goldmark's inline raw HTML parser with a quicker first
// try. goldmark matches a tag with a regular expression read rune by rune
// through the block reader, which may span lines: about a tenth of its
// parse of a typical post. A tag that closes on its own line — nearly all
// of them — is matched here with the same expression on that line's
// bytes; anything else (a tag running onto the next line, no match, a
// comment, a declaration) goes to goldmark's parser, so the tree is the
// one it builds.
//
// The two agree because a tag's match ends at its first ">" outside a
// quoted attribute value, and the quotes are fixed by the text before it:
// a match found in a line is the match found in the whole block.
type fastRawHTML struct {
	inner parser.InlineParser
}

// matchOpenTag returns the end of the start tag at the start of b, or -1:
// a tag as CommonMark's "Raw HTML" section defines it, written for one
// line (white space is spaces and tabs only, since a match must end
// inside its line anyway), so that every match is one goldmark's own
// expression makes too; a tag it misses goes to goldmark's parser. It is
// the regular expression openTagRegexp of the tests read in one pass,
// without the matcher's backtracking: the expression has one way to
// match, since a name or an unquoted value taken shorter leaves a byte
// nothing after it can read, and a quote is read only by a quoted value.
// TestTagMatchersMatchRegexps holds the two together.
//
// It returns noTag, not -1, when no tag starts at b whatever follows it:
// the byte the tag cannot go on with is inside b and is no line break
// (goldmark's expression reads line breaks as white space and reads on
// into the next line; nothing else can follow where that byte stands).
// TestNoTagFailsGoldmark holds that to goldmark's own parser.
func matchOpenTag(b []byte) int {
	if len(b) == 0 || b[0] != '<' {
		return -1
	}
	i := tagNameEnd(b, 1)
	if i < 0 {
		return failAt(b, 1)
	}
	for {
		ws := skipBlanks(b, i)
		switch {
		case ws < len(b) && b[ws] == '>':
			return ws + 1
		case ws < len(b) && b[ws] == '/':
			if ws+1 < len(b) && b[ws+1] == '>' {
				return ws + 2
			}
			return failAt(b, ws+1) // "/" and no ">"
		case ws == i || ws == len(b) || !attrNameStart[b[ws]]:
			return failAt(b, ws) // an attribute needs white space before it
		}
		i = ws + 1
		for i < len(b) && attrNameByte[b[i]] {
			i++
		}
		eq := skipBlanks(b, i)
		if eq == len(b) || b[eq] != '=' {
			continue // no value
		}
		v := skipBlanks(b, eq+1)
		if v == len(b) {
			return -1
		}
		switch c := b[v]; c {
		case '"', '\'':
			end := bytes.IndexByte(b[v+1:], c)
			if end < 0 {
				return -1
			}
			i = v + 1 + end + 1
		default:
			if !unquotedByte(c) {
				return failAt(b, v)
			}
			for i = v + 1; i < len(b) && unquotedByte(b[i]); i++ {
			}
		}
	}
}

// noTag is what the tag matchers return when no tag can start at the
// line whatever follows it; -1 means only that none ends within it.
const noTag = -2

// failAt is the result of a tag matcher that can go no further at b[i]:
// noTag when that byte is in b and is no line break, else -1.
func failAt(b []byte, i int) int {
	if i < len(b) && b[i] != '\n' && b[i] != '\r' {
		return noTag
	}
	return -1
}

// matchCloseTag is matchOpenTag for an end tag (closeTagRegexp).
func matchCloseTag(b []byte) int {
	if len(b) < 2 || b[0] != '<' || b[1] != '/' {
		return -1
	}
	i := tagNameEnd(b, 2)
	if i < 0 {
		return failAt(b, 2)
	}
	if i = skipBlanks(b, i); i < len(b) && b[i] == '>' {
		return i + 1
	}
	return failAt(b, i)
}

// tagNameEnd returns the end of the tag name starting at b[i], or -1.
func tagNameEnd(b []byte, i int) int {
	if i >= len(b) || !isASCIILetter(b[i]) {
		return -1
	}
	for i++; i < len(b) && (isASCIILetter(b[i]) || b[i] >= '0' && b[i] <= '9' || b[i] == '-'); i++ {
	}
	return i
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// skipBlanks skips spaces and tabs from b[i].
func skipBlanks(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i
}

// unquotedByte reports whether c may be in an unquoted attribute value:
// any byte but white space, controls and "'=<>`; every byte of a
// multi-byte rune is outside that ASCII set.
func unquotedByte(c byte) bool {
	return c > 0x20 && c != '"' && c != '\'' && c != '=' && c != '<' && c != '>' && c != '`'
}

// The bytes that start (attrNameStart) and continue (attrNameByte) an
// attribute name.
var attrNameStart, attrNameByte = func() (start, more [256]bool) {
	for c := range 256 {
		b := byte(c)
		start[c] = isASCIILetter(b) || b == '_' || b == ':'
		more[c] = start[c] || b >= '0' && b <= '9' || b == '.' || b == '-'
	}
	return start, more
}()

// maxFastTag bounds the bytes of a line the fast path reads: a longer
// tag is left to goldmark.
const maxFastTag = 256

func (p *fastRawHTML) Trigger() []byte { return p.inner.Trigger() }

func (p *fastRawHTML) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if seg.Padding == 0 && len(line) == seg.Stop-seg.Start {
		var match func([]byte) int
		switch {
		case len(line) > 1 && util.IsAlphaNumeric(line[1]):
			match = matchOpenTag
		case len(line) > 2 && line[1] == '/' && util.IsAlphaNumeric(line[2]):
			match = matchCloseTag
		}
		if match != nil {
			window := line[:min(len(line), maxFastTag)]
			// The match must end inside the line (goldmark's reader moves to
			// the next line after its last byte) and read no byte its rune
			// reader stops at: invalid UTF-8 or U+FFFD.
			end := match(window)
			if end >= 0 && end < len(line) && readable(window[:end]) {
				node := ast.NewRawHTML()
				node.Segments.Append(text.NewSegment(seg.Start, seg.Start+end))
				block.Advance(end)
				return node
			}
			if end == noTag && readable(window) {
				// goldmark's expression fails too, but only after making
				// a reader and a matcher: about 20 µs a tag, and the
				// digitalgov corpus has 153 such, most of them links
				// whose quoted href holds a Hugo shortcode's quotes.
				return nil
			}
		}
	}
	return p.inner.Parse(parent, block, pc)
}

// readable reports whether goldmark's rune reader reads all of b: valid
// UTF-8 without U+FFFD, which it takes for the end of input.
func readable(b []byte) bool {
	return utf8.Valid(b) && !bytes.Contains(b, []byte("\uFFFD"))
}

// defaultParser is goldmark's default parser (goldmark.DefaultParser) with
// fastRawHTML in place of its raw HTML parser, fastHTMLBlock in front of
// its HTML block parser and linkReferenceFilter in front of its link
// reference definition transformer.
func defaultParser() parser.Parser {
	inline := parser.DefaultInlineParsers()
	for i, v := range inline {
		if v.Value == parser.NewRawHTMLParser() {
			inline[i] = util.Prioritized(&fastRawHTML{inner: parser.NewRawHTMLParser()}, v.Priority)
		}
	}
	blocks := parser.DefaultBlockParsers()
	for i, v := range blocks {
		if v.Value == parser.NewHTMLBlockParser() {
			blocks[i] = util.Prioritized(fastHTMLBlock{inner: parser.NewHTMLBlockParser()}, v.Priority)
		}
	}
	transformers := parser.DefaultParagraphTransformers()
	for i, v := range transformers {
		if v.Value == parser.LinkReferenceParagraphTransformer {
			transformers[i] = util.Prioritized(linkReferenceFilter{}, v.Priority)
		}
	}
	return parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(inline...),
		parser.WithParagraphTransformers(transformers...),
	)
}

// linkReferenceFilter hands goldmark's link reference definition
// transformer only the paragraphs that may start with a definition: their
// first character other than white space is "[". goldmark makes a block
// reader for every paragraph of the document to find that out, and leaves
// the others as they were.
type linkReferenceFilter struct{}

func (linkReferenceFilter) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if lines := node.Lines(); lines.Len() > 0 {
		src := reader.Source()
		first := lines.At(0)
		for _, c := range src[first.Start:first.Stop] {
			if !util.IsSpace(c) {
				if c != '[' {
					return
				}
				break
			}
		}
	}
	parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
}

// fastHTMLBlock is goldmark's HTML block parser with a quicker first try.
// goldmark tries up to seven regular expressions on every line that
// starts with "<". A line that opens one of CommonMark's block tags
// ("<div>", "</p>", "<table class=x>"), the HTML of most drafts
// exported from a CMS, makes a block of type 6 whichever of its last two
// expressions reads it (the name is the same longest run either way, and
// both take a block tag for type 6), and none of the first five can read
// it (they need "!", "?" or script, pre, style or textarea): that line is
// opened here, as goldmark opens it. Any other line goes to goldmark.
type fastHTMLBlock struct {
	inner parser.BlockParser
}

func (p fastHTMLBlock) Trigger() []byte { return p.inner.Trigger() }

func (p fastHTMLBlock) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	if opensBlockTag(line) {
		node := ast.NewHTMLBlock(ast.HTMLBlockType6)
		reader.AdvanceToEOL()
		node.Lines().Append(segment)
		return node, parser.NoChildren
	}
	if opensNoBlock(line) {
		return nil, parser.NoChildren // what goldmark's parser returns for it
	}
	return p.inner.Open(parent, reader, pc)
}

// opensNoBlock reports whether line starts with a tag that none of
// goldmark's seven expressions opens a block with: most lines of prose
// that start with "<" ("<a href=…>text</a> and more", "<img …> caption",
// "<strong>Note:</strong> …"), which goldmark tries every expression on,
// and at every such line of a paragraph, since an HTML block may
// interrupt one. Such a line has, after up to three spaces, "<" and a
// letter (no "!", "?" or "/": types 2 to 5, and end tags), a name that is
// no block tag (type 6) and starts no script, pre, style or textarea
// (type 1, read here by its prefix, whatever follows it), and does not
// end with ">" (type 7, and type 6 for a block tag it reads, need the
// line to end with the tag).
func opensNoBlock(line []byte) bool {
	i := 0
	for i < 3 && i < len(line) && line[i] == ' ' {
		i++
	}
	if i+1 >= len(line) || line[i] != '<' || !isASCIILetter(line[i+1]) {
		return false
	}
	start := i + 1
	for _, prefix := range type1Names {
		if len(line)-start >= len(prefix) && equalASCIIFold(line[start:start+len(prefix)], prefix) {
			return false
		}
	}
	j := start
	for j < len(line) && (isASCIILetter(line[j]) || line[j] >= '0' && line[j] <= '9' || line[j] == '-') {
		j++
	}
	var name [16]byte
	if j-start <= len(name) {
		for k := start; k < j; k++ {
			name[k-start] = line[k] | 0x20 // a no-op on digits and "-"
		}
		if blockTags[string(name[:j-start])] {
			return false
		}
	}
	end := len(line)
	for end > 0 && (line[end-1] == ' ' || line[end-1] == '\t' || line[end-1] == '\r' || line[end-1] == '\n') {
		end--
	}
	return line[end-1] != '>'
}

// type1Names are the names of CommonMark's HTML blocks of type 1.
var type1Names = [][]byte{[]byte("script"), []byte("pre"), []byte("style"), []byte("textarea")}

func (p fastHTMLBlock) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return p.inner.Continue(node, reader, pc)
}

func (p fastHTMLBlock) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	p.inner.Close(node, reader, pc)
}

func (p fastHTMLBlock) CanInterruptParagraph() bool { return p.inner.CanInterruptParagraph() }

func (p fastHTMLBlock) CanAcceptIndentedLine() bool { return p.inner.CanAcceptIndentedLine() }

// opensBlockTag reports whether line is, as goldmark's type 6 expression
// reads it, up to three spaces, "<", perhaps "/" and spaces, a block tag's
// name (a longest run of letters, digits and "-", starting with a
// letter), then a space, ">", "/>" or the end of the line.
func opensBlockTag(line []byte) bool {
	i := 0
	for i < 3 && i < len(line) && line[i] == ' ' {
		i++
	}
	if i >= len(line) || line[i] != '<' {
		return false
	}
	if i++; i < len(line) && line[i] == '/' {
		for i++; i < len(line) && line[i] == ' '; i++ {
		}
	}
	start := i
	if i >= len(line) || !isASCIILetter(line[i]) {
		return false
	}
	for i < len(line) && (isASCIILetter(line[i]) || line[i] >= '0' && line[i] <= '9' || line[i] == '-') {
		i++
	}
	// The name in lowercase, without allocating: it is ASCII.
	var name [16]byte
	if i-start > len(name) {
		return false
	}
	for k := start; k < i; k++ {
		name[k-start] = line[k] | 0x20 // a no-op on digits and "-"
	}
	if !blockTags[string(name[:i-start])] {
		return false
	}
	rest := line[i:]
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '>' || bytes.HasPrefix(rest, []byte("/>")) ||
		string(rest) == "\n" || string(rest) == "\r\n"
}

// blockTags are the names CommonMark's HTML blocks of type 6 start with,
// as goldmark lists them (TestBlockTagsAreGoldmarks checks the list).
var blockTags = map[string]bool{}

func init() {
	for _, name := range strings.Fields(`address article aside base basefont blockquote body caption center col
		colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4
		h5 h6 head header hr html iframe legend li link main menu menuitem meta nav noframes ol optgroup option p
		param search section summary table tbody td tfoot th thead title tr track ul`) {
		blockTags[name] = true
	}
}
