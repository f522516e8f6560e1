package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
)

// stockParser is goldmark with extension.GFM itself, which fastLinkify
// must match node for node, up to where plain text is split (see
// mergeText).
var stockParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, &frontmatter.Extender{})).Parser()

// mergeText joins each text node to the one before it when they are
// adjacent in the source and the first ends no line: goldmark ends a line
// with a node of its own from its last trigger on, where skipPlain takes
// a plain line whole. Such nodes read, render and walk as one.
func mergeText(n ast.Node) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, ok := c.(*ast.Text)
		prev, prevOK := c.PreviousSibling().(*ast.Text)
		if ok && prevOK && prev.Segment.Stop == t.Segment.Start && !prev.SoftLineBreak() && !prev.HardLineBreak() &&
			!prev.IsRaw() && !t.IsRaw() {
			prev.Segment = prev.Segment.WithStop(t.Segment.Stop)
			prev.SetSoftLineBreak(t.SoftLineBreak())
			prev.SetHardLineBreak(t.HardLineBreak())
			n.RemoveChild(n, t)
		} else {
			mergeText(c)
		}
		c = next
	}
}

// dumpTree writes every node's kind, its text segments and, for
// autolinks, the URL: enough to tell any two linkify results apart. Plain
// text is merged first (mergeText).
func dumpTree(n ast.Node, src []byte) string {
	mergeText(n)
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			fmt.Fprint(&b, ")")
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "(%s", n.Kind())
		switch n := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&b, " %d-%d", n.Segment.Start, n.Segment.Stop)
			if n.SoftLineBreak() {
				fmt.Fprint(&b, " soft")
			}
			if n.HardLineBreak() {
				fmt.Fprint(&b, " hard")
			}
		case *ast.AutoLink:
			fmt.Fprintf(&b, " %d %q", n.AutoLinkType, n.URL(src))
		case *ast.HTMLBlock:
			fmt.Fprintf(&b, " type%d closure %v %d-%d", n.HTMLBlockType, n.HasClosure(), n.ClosureLine.Start, n.ClosureLine.Stop)
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				s := n.Segments.At(i)
				fmt.Fprintf(&b, " %d-%d", s.Start, s.Stop)
			}
		}
		if n.Type() == ast.TypeBlock {
			for i := 0; i < n.Lines().Len(); i++ {
				s := n.Lines().At(i)
				fmt.Fprintf(&b, " L%d-%d+%d", s.Start, s.Stop, s.Padding)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func sameAsGFM(t *testing.T, name string, src []byte) {
	t.Helper()
	want := dumpTree(stockParser.Parse(text.NewReader(src)), src)
	got := dumpTree(MarkdownParser().Parse(text.NewReader(src)), src)
	if got != want {
		t.Errorf("%s: tree differs from extension.GFM's\n got: %s\nwant: %s", name, got, want)
	}
}

var linkifyCases = []string{
	"See http://example.com, https://example.org/a_(b) and ftp://x.y/z.",
	"Visit www.example.gov today or (www.example.com/x).",
	"Mail jane.doe@example.gov or _bob@example.com_ or ~x@y.z~.",
	"A long address " + strings.Repeat("a", 63) + "@example.com and " + strings.Repeat("b", 64) + "@example.com.",
	"Note: nothing here; time 10:30, ratio 3:1 and user@host with no dot.",
	"Words then a colon far away " + strings.Repeat("word ", 30) + "end: http://late.example.com",
	"*http://emph.example.com* and *www.x.com* and (mailto) (a@b.co)",
	"\thttp://tab.example.com\n\n-\twww.tab.example.com\n\n> \tx@tab.example.com",
	"| a | http://cell.example.com |\n|---|---|\n| www.b.com | c@d.com |",
	"[label http://inside.example.com](http://target.example.com) and [x@y.com]",
	"line one www.\nline two http:\nline three @x.com\nend www.a.com",
	"café http://ünïcode.example.com/ä and naïve x@例え.jp",
	"https://example.com/path?q=1&amp; and https://example.com/p;",
	"2016-2019: done. Email@Example.COM. www.x.y_z.",
	"(https://paren.example.com) _https://u.example.com_ ~ftp://t.example.com~ *www.s.com*",
	// Raw HTML: fastRawHTML's single-line matches and goldmark's own.
	"A <span class=\"x\">tag</span> and <br/> and <a href='y>z' title=t>q</a>.",
	"Across lines <a\nhref=\"x\">y</a> and <b\n>c</b\n> and <i title=\"a\nb\">d</i>.",
	"Not tags: <3, < b>, <a b=>, <a =b>, </ a>, <1a>, <a b='c>, <a b=\"c\"d>.",
	"<!-- comment --> <?pi x?> <!DOCTYPE html> <![CDATA[ x ]]> <a/> <a\t/> <A-1 B:c._-=1 d e=\"\" f=''>",
	"Ends at the end: <b>",
	"> <span\n> class=\"q\">quoted</span>\n\n- <em\n  >item</em>",
	"\t<x-y z=1>tab</x-y> and <u \ufffd=1> <u v=\"\ufffd\"> <u v=\"\xff\">",
	"<a href=\"" + strings.Repeat("x", 300) + "\">long</a> <a " + strings.Repeat("b ", 130) + ">",
	// Link reference definitions, which linkReferenceFilter lets through.
	"[a]: http://a.example.com\n[b]: <http://b> \"t\"\ntext [a] [b]\n\n   [c]:\n   /c\n\n    [d]: /d\n\n\t[e]: /e\n\nx [f]: /f\n\n[g]: /g\n[h]\n\n> [i]: /i\n> [i]\n\n- [j]: /j",
	"\v[k]: /k\n\n \f [l]: /l\n\n[m]:\n\n[n]: /n 'unclosed\n[o]: /o",
	// Plain words skipped in one step (skipPlain), and where it stops.
	"Plain words and more words, then café über 42 naïve http://x.com and mail a@b.co end",
	"Two spaces at the end  \nthen a line   with  runs of spaces and a tab\there.  \r\nlast line ",
	"Hard break at the end of a long line of words here   \nnext *emph words here* _and more words_",
	"A backslash \\ in the block keeps goldmark on its own: foo\\ bar baz qux quux www.x.com",
	"\\ foo bar http://x.com\\*y* and more words", // an escape pending across the words and the link
	"Words before [a link with words inside](http://x) and `code with words` and ~strike words~",
	"| cell with many plain words | another cell with words |\n|---|---|\n| a b c d e | f g h i j |",
	"trailing words with one space at the very end \nand   \n a b c d e f",
	"00  \r\n0", // a hard break: the spaces before it are never triggers
	"Commas, periods. Quotes \"x\" 'y' and 50% of $3 = 1+2; a/b - c & d | e? Then: http://x.com, see www.y.org or z@w.io.",
	"Words then Note: more, an @handle, WWW.UPPER.COM and www.lower.com. (paren words) [bracket words] `code` <b>t</b> ~s~ !x",
	"Plain, punctuated words up to the end of the line, then two spaces.  \nAnd a tab\tinside, and a DEL\x7f too.",
	// Plain lines taken to their end: soft breaks, one trailing space,
	// CRLF, a last line with and without a newline, one-word lines.
	"first plain line of words\nsecond plain line \nthird line\r\nfourth line\n\nword\nx\n a\n\nlast words here",
	"a *b* then plain words to the end\n[x](y) more plain words\n`c` and words\nwords then www.x.com\nwords then a@b.co\n",
	"- item with plain words\n- another item\n\n> quoted plain words\n> more quoted words\n\n# Heading with words\n",
}

// TestFastLinkifyMatchesGFM also covers fastRawHTML.
func TestFastLinkifyMatchesGFM(t *testing.T) {
	for i, c := range linkifyCases {
		sameAsGFM(t, fmt.Sprint("case ", i), []byte(c))
	}
}

// TestFastLinkifyMatchesGFMOnCorpus compares the trees on the real posts
// of the benchmark corpus, when it is there.
func TestFastLinkifyMatchesGFMOnCorpus(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpora", "digitalgov", "*.md"))
	if len(paths) == 0 {
		t.Skip("corpus absent")
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sameAsGFM(t, filepath.Base(p), src)
	}
}

func FuzzFastLinkify(f *testing.F) {
	for _, c := range linkifyCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameAsGFM(t, "input", []byte(s))
	})
}

// TestFastFiltersLinear parses one line of 100,000 words with an "@", a
// colon or a tag every few words: the filters must read it in linear time
// (a quadratic scan would not finish) and find every address and tag.
func TestFastFiltersLinear(t *testing.T) {
	var b strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&b, "word x%d@example.com note: <b title='%d'>y</b> ", i, i)
	}
	src := []byte(b.String())
	links, tags := 0, 0
	_ = ast.Walk(MarkdownParser().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n.(type) {
			case *ast.AutoLink:
				links++
			case *ast.RawHTML:
				tags++
			}
		}
		return ast.WalkContinue, nil
	})
	if links != 20000 || tags != 40000 {
		t.Fatalf("got %d autolinks and %d tags, want 20000 and 40000", links, tags)
	}
}

// TestSkipPlainLinear parses lines of 200,000 plain words, with a comma
// every 1,000 and one long word, in the time a few passes take: each
// skipPlain reads on to the next punctuation once, and goldmark resumes
// past what it took, to the end of the line. The trees are extension.GFM's.
func TestSkipPlainLinear(t *testing.T) {
	// Quadratic work on these lines takes minutes. A few seconds is the
	// linear bound; the race detector, and a machine busy with other
	// tests, stretch it by several times.
	limit := 5 * time.Second
	if raceEnabled {
		limit = 30 * time.Second
	}
	var b strings.Builder
	for i := range 200000 {
		if i%1000 == 999 {
			b.WriteString("word, ")
			continue
		}
		b.WriteString("word ")
	}
	b.WriteString(strings.Repeat("x", 100000) + ".\n")
	src := []byte(b.String())
	start := time.Now()
	root := MarkdownParser().Parse(text.NewReader(src))
	if d := time.Since(start); d > limit {
		t.Fatalf("parsing took %v", d)
	}
	texts := 0
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.Text); ok && entering {
			texts++
		}
		return ast.WalkContinue, nil
	})
	if texts != 1 { // the plain line taken whole, to its end
		t.Fatalf("got %d text nodes, want 1", texts)
	}
	if got, want := dumpTree(root, src), dumpTree(stockParser.Parse(text.NewReader(src)), src); got != want {
		t.Fatal("tree differs from extension.GFM's")
	}
	// Colons in one long word (each looks back for a space only as far
	// as the one before) and www. words after every space.
	for _, long := range []string{
		"word " + strings.Repeat("y", 20) + strings.Repeat(":x", 200000) + " end of line\n",
		strings.Repeat("a www.b ", 100000) + "\n",
	} {
		start := time.Now()
		tree := MarkdownParser().Parse(text.NewReader([]byte(long)))
		if d := time.Since(start); d > limit {
			t.Fatalf("parsing took %v", d)
		}
		if got, want := dumpTree(tree, []byte(long)), dumpTree(stockParser.Parse(text.NewReader([]byte(long))), []byte(long)); got != want {
			t.Fatal("tree differs from extension.GFM's")
		}
	}
}

// TestInlineTriggers checks inlineTrigger against the parser itself: the
// bytes at which MarkdownParser has an inline parser (goldmark keeps them
// in an unexported table, read here by reflection).
func TestInlineTriggers(t *testing.T) {
	MarkdownParser().Parse(text.NewReader([]byte("x"))) // the table is built on first use
	table := reflect.ValueOf(MarkdownParser()).Elem().FieldByName("inlineParsers")
	if !table.IsValid() || table.Len() != 256 {
		t.Fatal("goldmark's parser has no inlineParsers table of 256 entries")
	}
	for c := range 256 {
		if has := table.Index(c).Len() > 0; has != inlineTrigger[c] {
			t.Errorf("byte %q: parser has inline parsers %v, inlineTrigger says %v", rune(c), has, inlineTrigger[c])
		}
	}
}
