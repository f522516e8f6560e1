package lint

import (
	"bytes"
	"unsafe"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// fastLinkify is GitHub's autolink extension (extension.Linkify) with a
// cheap test in front. goldmark asks the linkify parser at every space of
// every paragraph whether a URL or an e-mail address starts there, and
// each answer reads the word ahead: a tenth of the whole offline check.
// A bare URL needs a colon within a few bytes ("http:", "https:",
// "ftp:"), "www." right there, or an e-mail address an "@" within 65
// bytes; fastLinkify remembers where the next of each lies on the line
// and hands only positions near one to goldmark's parser, so the tree is
// the one extension.Linkify builds.
type fastLinkify struct{}

func (fastLinkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(&linkifyFilter{inner: extension.NewLinkifyParser()}, 999),
	))
}

type linkifyFilter struct {
	inner parser.InlineParser
}

// linkifyScanKey keeps a document's *linkifyScan in its parser context.
var linkifyScanKey = parser.NewContextKey()

// linkifyScan is where the next colon, "@" and "www." lie on the line
// being parsed, at or after from; len(line) stands for none.
type linkifyScan struct {
	src            *byte // the parser's input, whose offsets these are
	stop           int   // the line's end in src
	from           int   // the first position the offsets below hold for
	colon, at, www int
}

func (p *linkifyFilter) Trigger() []byte { return p.inner.Trigger() }

func (p *linkifyFilter) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 || seg.Padding != 0 { // a tab's padding shifts the line
		return p.inner.Parse(parent, block, pc)
	}
	s, _ := pc.Get(linkifyScanKey).(*linkifyScan)
	if s == nil {
		s = &linkifyScan{}
		pc.Set(linkifyScanKey, s)
	}
	src := unsafe.SliceData(block.Source())
	pos := seg.Start
	if s.src != src || s.stop != seg.Stop || pos < s.from {
		// A new line (or one read again from further back).
		*s = linkifyScan{src: src, stop: seg.Stop, from: pos, colon: -1, at: -1, www: -1}
	}
	// Each mark is looked for again only once parsing has passed it, so a
	// line is read at most once for each.
	if s.colon < pos {
		s.colon = nextMark(line, pos, seg.Stop, bytes.IndexByte(line, ':'))
	}
	if s.at < pos {
		s.at = nextMark(line, pos, seg.Stop, bytes.IndexByte(line, '@'))
	}
	if s.www < pos {
		s.www = nextMark(line, pos, seg.Stop, bytes.Index(line, wwwDot))
	}
	// The word starts at pos or, after the trigger byte, at pos+1. Its
	// scheme ends with a colon at most 5 bytes further ("https:"); an
	// address has at most 64 bytes before its "@", and no space.
	if s.colon <= pos+8 || s.www <= pos+1 {
		return p.inner.Parse(parent, block, pc)
	}
	if s.at <= pos+66 {
		word := 0
		switch line[0] {
		case ' ', '*', '_', '~', '(': // linkify's triggers, which it skips
			word = 1
		}
		if bytes.IndexByte(line[word:s.at-pos], ' ') < 0 {
			return p.inner.Parse(parent, block, pc)
		}
	}
	return nil
}

var wwwDot = []byte("www.")

// nextMark turns an index into line (-1 for none), which starts at pos in
// the input and ends at stop, into an offset in the input.
func nextMark(line []byte, pos, stop, i int) int {
	if i < 0 {
		return stop
	}
	return pos + i
}
