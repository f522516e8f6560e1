package lint

import (
	"bytes"
	"math"
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
// "ftp:") or "www." right there, and an e-mail address an "@" within 65
// bytes with no space before it; fastLinkify remembers where the next
// "@" lies on the line and hands only positions that may start a link to
// goldmark's parser, so the tree is the one extension.Linkify builds.
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

// linkifyScan is where the next "@" lies on the line being parsed, at or
// after from; math.MaxInt stands for none.
type linkifyScan struct {
	src  *byte // the parser's input, whose offsets these are
	stop int   // the line's end in src
	from int   // the first position at holds for
	at   int
	// parent is the block whose inlines are being parsed; plain says that
	// its lines hold no backslash (see skipPlain).
	parent ast.Node
	plain  bool
}

func (p *linkifyFilter) Trigger() []byte { return p.inner.Trigger() }

func (p *linkifyFilter) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 || seg.Padding != 0 { // a tab's padding shifts the line
		return p.inner.Parse(parent, block, pc)
	}
	// The word starts at pos or, after the trigger byte, at pos+1. Its
	// scheme ends with a colon at most 5 bytes further ("https:"), or it
	// starts with "www.".
	for _, c := range line[:min(len(line), 9)] { // too short for IndexByte's setup
		if c == ':' {
			return p.inner.Parse(parent, block, pc)
		}
	}
	if line[0] == 'w' && bytes.HasPrefix(line, wwwDot) || len(line) > 1 && line[1] == 'w' && bytes.HasPrefix(line[1:], wwwDot) {
		return p.inner.Parse(parent, block, pc)
	}
	// An address has at most 64 bytes before its "@", and no space: where
	// the next "@" lies is looked for again only once parsing has passed
	// it, so a line is read once.
	s, _ := pc.Get(linkifyScanKey).(*linkifyScan)
	if s == nil {
		s = &linkifyScan{}
		pc.Set(linkifyScanKey, s)
	}
	src := unsafe.SliceData(block.Source())
	pos := seg.Start
	if s.src != src || s.stop != seg.Stop || pos < s.from {
		// A new line (or one read again from further back).
		*s = linkifyScan{src: src, stop: seg.Stop, from: pos, at: -1, parent: s.parent, plain: s.plain}
	}
	if s.at < pos {
		s.at = math.MaxInt // none
		if i := bytes.IndexByte(line, '@'); i >= 0 {
			s.at = pos + i
		}
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
	return s.skipPlain(parent, block, line, seg)
}

// skipPlain takes, when no link starts at the trigger, the plain words
// that follow it in one step. goldmark asks every inline parser
// registered for a space at every space, and each time splits off and
// merges back the text before it: a fifth of its time on prose. Where the
// next words hold no byte at which another parser starts (inlineTrigger)
// and none that may start a link (a ":", an "@", "www."), linkify is the
// only parser goldmark asks at their spaces and finds nothing there, so
// the text up to the last of those spaces is handed back as the node
// found, exactly as goldmark would merge it space by space: the parent's
// last text node grown, or a new one (textNode). The tree is node for
// node the one extension.GFM builds, but for plain text split in fewer
// nodes; TestFastLinkifyMatchesGFM checks it.
//
// It declines (nil: goldmark goes on byte by byte) at a trigger of
// another parser ("*", "_", "~", "(") and in a block holding a
// backslash, whose escapes goldmark tracks across the bytes skipped.
// When the rest of the line is plain and ends in no space, it takes the
// line whole, as the text node goldmark ends the line with (soft break
// and all): goldmark would split it off at the last space, a node and a
// byte-by-byte scan of the line's last word for nothing, on nearly every
// line of prose. Otherwise it stops short of the last four bytes of the
// line: goldmark reads a hard line break (two spaces or a backslash
// before the line's end) from where it resumes, and never tries the
// triggers inside it.
func (s *linkifyScan) skipPlain(parent ast.Node, block text.Reader, line []byte, seg text.Segment) ast.Node {
	if c := line[0]; c == '*' || c == '_' || c == '~' || c == '(' || c == '\t' {
		return nil
	}
	if s.parent != parent {
		s.parent, s.plain = parent, true
		src, lines := block.Source(), parent.Lines()
		for i := 0; i < lines.Len(); i++ {
			if l := lines.At(i); bytes.IndexByte(src[l.Start:l.Stop], '\\') >= 0 {
				s.plain = false
				break
			}
		}
	}
	if !s.plain {
		return nil
	}
	// The skip ends before the first byte that stops it, or at the space
	// before the first word after the trigger's that may start a link.
	end := len(line)
	spaceless := 1 // line[1:spaceless] holds no space
scan:
	for i := 1; i < len(line); i++ {
		// The common case, in tight loops: eight bytes a test while they
		// are all plain (their kinds ORed stay at most plainSpace), then
		// byte by byte.
		for i+8 <= len(line) {
			b := line[i : i+8 : i+8]
			if plainBytes[b[0]]|plainBytes[b[1]]|plainBytes[b[2]]|plainBytes[b[3]]|
				plainBytes[b[4]]|plainBytes[b[5]]|plainBytes[b[6]]|plainBytes[b[7]] > plainSpace {
				break
			}
			i += 8
		}
		for i < len(line) && plainBytes[line[i]] <= plainSpace {
			i++
		}
		if i == len(line) {
			break
		}
		switch plainBytes[line[i]] {
		case plainStop:
			end = i // a control byte, an escape or another parser's trigger
			break scan
		case plainRisky: // ":" or "@"
			if ws := bytes.LastIndexByte(line[spaceless:i], ' '); ws >= 0 {
				end = spaceless + ws + 1 // linkify may find a link at that space: goldmark tries it there
				break scan
			}
			// In the trigger's own word, which linkify was asked about; a
			// later ":" looks back only this far.
			spaceless = i
		case plainDot: // "www." after a space
			if i >= 5 && line[i-4] == ' ' && line[i-3]|0x20 == 'w' && line[i-2]|0x20 == 'w' && line[i-1]|0x20 == 'w' {
				end = i - 3
				break scan
			}
		}
	}
	// Plain to the end of the line, with no space before its end: no
	// hard line break either, so the rest of the line is the text node
	// goldmark ends the line with (merged with the words before it).
	content := len(line)
	if line[content-1] == '\n' {
		content--
	}
	if end == content && content > 1 && line[content-1] != ' ' {
		last := textNode(parent, text.NewSegment(seg.Start, seg.Start+content))
		last.SetSoftLineBreak(content < len(line))
		block.AdvanceLine()
		return last
	}
	// The last space before end, short of the line's last four bytes.
	last := bytes.LastIndexByte(line[:max(1, min(end, len(line)-4))], ' ')
	if last <= 0 {
		return nil
	}
	block.Advance(last)
	return textNode(parent, text.NewSegment(seg.Start, seg.Start+last))
}

// textNode returns the text node that holds s once skipPlain returns it
// and goldmark appends it to parent, as ast.MergeOrAppendTextSegment
// would make it: the parent's last text node, grown, when s continues it
// (goldmark then appends it again where it is), or else a new node, which
// goldmark appends. Appended here, the new node would be taken out of the
// parent and appended again: at the start of every line of prose.
func textNode(parent ast.Node, s text.Segment) *ast.Text {
	if t, ok := parent.LastChild().(*ast.Text); ok && t.Segment.Stop == s.Start && !t.SoftLineBreak() {
		t.Segment = t.Segment.WithStop(s.Stop)
		return t
	}
	return ast.NewTextSegment(s)
}

var wwwDot = []byte("www.")

// inlineTrigger marks the bytes at which an inline parser of
// MarkdownParser starts (TestInlineTriggers checks the list against the
// parser): skipPlain reads past every other punctuation mark, at which
// goldmark only collects text.
var inlineTrigger = [256]bool{' ': true, '!': true, '(': true, '*': true, '<': true, '[': true, ']': true, '_': true, '`': true, '~': true}

// What skipPlain makes of each byte. plainText and plainSpace are 0 and
// 1, and every other kind has a higher bit set, so that ORing the kinds of
// several bytes tells whether all are plain.
const (
	plainText  = iota // a letter, a digit, other text or punctuation no parser starts at
	plainSpace        // a space: linkify's trigger
	plainRisky        // ":" or "@", which may make the word a link
	plainDot          // ".", which ends a "www."
	plainStop         // a control byte, a backslash or another parser's trigger
)

var plainBytes = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c == ' ':
			t[c] = plainSpace
		case c == ':' || c == '@':
			t[c] = plainRisky
		case c == '.':
			t[c] = plainDot
		case c < 0x20 || c == 0x7f || c == '\\' || inlineTrigger[c]:
			t[c] = plainStop
		}
	}
	return t
}()
