package lint

import (
	"bytes"
	"regexp"
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

// A tag as CommonMark's "Raw HTML" section defines it, written for one
// line: white space is spaces and tabs only, since a match must end
// inside its line anyway. Every match is one goldmark's own expression
// would make too; a tag these miss goes to goldmark's parser.
var (
	tagName        = `[A-Za-z][A-Za-z0-9-]*`
	attributeName  = `[A-Za-z_:][A-Za-z0-9_.:-]*`
	attributeValue = `(?:[^"'=<>` + "`" + `\x00-\x20]+|'[^']*'|"[^"]*")`
	attribute      = `[ \t]+` + attributeName + `(?:[ \t]*=[ \t]*` + attributeValue + `)?`
	openTagRegexp  = regexp.MustCompile(`^<` + tagName + `(?:` + attribute + `)*[ \t]*/?>`)
	closeTagRegexp = regexp.MustCompile(`^</` + tagName + `[ \t]*>`)
)

// maxFastTag bounds the bytes of a line the fast path reads: a longer
// tag is left to goldmark.
const maxFastTag = 256

func (p *fastRawHTML) Trigger() []byte { return p.inner.Trigger() }

func (p *fastRawHTML) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if seg.Padding == 0 && len(line) == seg.Stop-seg.Start {
		var re *regexp.Regexp
		switch {
		case len(line) > 1 && util.IsAlphaNumeric(line[1]):
			re = openTagRegexp
		case len(line) > 2 && line[1] == '/' && util.IsAlphaNumeric(line[2]):
			re = closeTagRegexp
		}
		if re != nil {
			window := line[:min(len(line), maxFastTag)]
			// Without a quote before the first ">", a match ends there: the
			// matcher's work grows with the bytes it is given.
			if i := bytes.IndexByte(window, '>'); i >= 0 && !bytes.ContainsAny(window[:i], `"'`) {
				window = window[:i+1]
			}
			// The match must end inside the line (goldmark's reader moves to
			// the next line after its last byte) and read no byte its rune
			// reader stops at: invalid UTF-8 or U+FFFD.
			if m := re.FindIndex(window); m != nil && m[1] < len(line) && readable(window[:m[1]]) {
				node := ast.NewRawHTML()
				node.Segments.Append(text.NewSegment(seg.Start, seg.Start+m[1]))
				block.Advance(m[1])
				return node
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
// fastRawHTML in place of its raw HTML parser and linkReferenceFilter in
// front of its link reference definition transformer.
func defaultParser() parser.Parser {
	inline := parser.DefaultInlineParsers()
	for i, v := range inline {
		if v.Value == parser.NewRawHTMLParser() {
			inline[i] = util.Prioritized(&fastRawHTML{inner: parser.NewRawHTMLParser()}, v.Priority)
		}
	}
	transformers := parser.DefaultParagraphTransformers()
	for i, v := range transformers {
		if v.Value == parser.LinkReferenceParagraphTransformer {
			transformers[i] = util.Prioritized(linkReferenceFilter{}, v.Priority)
		}
	}
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
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
