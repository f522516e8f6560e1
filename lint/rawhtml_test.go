package lint

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The tags matchOpenTag and matchCloseTag read, as regular expressions: a
// tag as CommonMark's "Raw HTML" section defines it, written for one line.
var (
	tagName        = `[A-Za-z][A-Za-z0-9-]*`
	attributeName  = `[A-Za-z_:][A-Za-z0-9_.:-]*`
	attributeValue = `(?:[^"'=<>` + "`" + `\x00-\x20]+|'[^']*'|"[^"]*")`
	attribute      = `[ \t]+` + attributeName + `(?:[ \t]*=[ \t]*` + attributeValue + `)?`
	openTagRegexp  = regexp.MustCompile(`^<` + tagName + `(?:` + attribute + `)*[ \t]*/?>`)
	closeTagRegexp = regexp.MustCompile(`^</` + tagName + `[ \t]*>`)
)

// TestTagMatchersMatchRegexps compares the one-pass tag matchers with the
// regular expressions they stand for, on tags written by hand and on
// random strings of tag pieces: names, attributes, quoted and unquoted
// values, white space, "/", ">", quotes, "=", controls, multi-byte runes
// and broken UTF-8.
func TestTagMatchersMatchRegexps(t *testing.T) {
	matched := 0
	check := func(s string) {
		t.Helper()
		for _, tc := range []struct {
			re    *regexp.Regexp
			match func([]byte) int
		}{{openTagRegexp, matchOpenTag}, {closeTagRegexp, matchCloseTag}} {
			want := -1
			if m := tc.re.FindIndex([]byte(s)); m != nil {
				want = m[1]
				matched++
			}
			got := tc.match([]byte(s))
			if got == noTag {
				got = -1 // no tag, and none on any next line (TestNoTagFailsGoldmark)
			}
			if got != want {
				t.Fatalf("%s on %q: got %d, want %d", tc.re, s, got, want)
			}
		}
	}
	for _, s := range []string{
		`<a>`, `<a href="x">`, `<a href='x>y'>`, `<a href=x/>`, `<br/>`, `<br />`, `<a/ >`, `<a b c>`,
		`<a b = "x" >`, `<a b=>`, `<a b="x>`, `<a b="x"c>`, `<a b="x" c>`, `<1a>`, `</a>`, `</a >`, `</a b>`,
		`</1>`, `<a-b>`, `<a_b>`, `<a :b>`, "<a\tb=\t'c'\t/>", `<a b=é>`, "<a b=\xff>", `<a b=c=d>`, `<a b=c"d>`,
		`<a b=c` + "`" + `>`, `<a`, `<a b`, `<a b=`, `<a b="`, `<img src="x.png" alt="It's">text`, `</`,
	} {
		check(s)
	}
	pieces := []string{"<", "</", "a", "A", "img", "x-1", " ", "\t", "  ", "\n", "=", " = ", `"`, "'", `"v"`, `'v'`,
		"v", "/", ">", "/>", "_", ":", ".", "-", "1", "`", "<", "\x00", "\x7f", "é", "\xff", "href", "data-x"}
	rng := rand.New(rand.NewPCG(8, 13))
	pick := func(list ...string) string { return list[rng.IntN(len(list))] }
	for n := 0; n < 100000; n++ {
		// A tag built by the grammar, then perhaps spoiled by a piece put
		// in at random.
		var b strings.Builder
		closing := rng.IntN(4) == 0
		if closing {
			b.WriteString("</")
		} else {
			b.WriteString("<")
		}
		b.WriteString(pick("a", "A", "img", "x-1", "h1"))
		for k := rng.IntN(4); k > 0 && !closing; k-- {
			b.WriteString(pick(" ", "\t", "  ", ""))
			b.WriteString(pick("href", "data-x", "_a", ":b", "c.d", "é", "1"))
			if rng.IntN(2) == 0 {
				b.WriteString(pick("", " ", "\t") + "=" + pick("", " "))
				b.WriteString(pick(`"v"`, `'v'`, `"a>b"`, `'it"s'`, "v", "x/y", "é", "\xff", "\x7f", "`", `"`, "", "<"))
			}
		}
		b.WriteString(pick("", " ", "\t ") + pick(">", "/>", " >", "", "/ >"))
		s := b.String()
		if rng.IntN(3) == 0 {
			at := rng.IntN(len(s) + 1)
			s = s[:at] + pick(pieces...) + s[at:]
		}
		check(s + pick("", "text", ">", "\n"))
	}
	if matched < 20000 {
		t.Errorf("only %d of the strings are tags: the random ones test too little", matched)
	}
}

// TestBlockTagsAreGoldmarks checks blockTags against goldmark: a line of
// a tag interrupts a paragraph as an HTML block (type 6) exactly when
// goldmark lists the tag, for every element name of HTML.
func TestBlockTagsAreGoldmarks(t *testing.T) {
	names := strings.Fields(`a abbr address area article aside audio b base basefont bdi bdo big blink blockquote body
		br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em
		embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html
		i iframe img input ins kbd label legend li link main map mark marquee menu menuitem meta meter nav nobr
		noframes noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script
		search section select slot small source span strike strong style sub summary sup table tbody td template
		textarea tfoot th thead time title tr track tt u ul var video wbr`)
	for name := range blockTags {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	for _, name := range names {
		src := []byte("para\n<" + name + ">\n")
		doc := stockParser.Parse(text.NewReader(src))
		h, ok := doc.LastChild().(*ast.HTMLBlock)
		interrupts := ok && h.HTMLBlockType == ast.HTMLBlockType6
		if interrupts != blockTags[name] {
			t.Errorf("<%s>: goldmark opens a type 6 block: %v; blockTags has it: %v", name, interrupts, blockTags[name])
		}
	}
}

// TestFastHTMLBlockMatchesGoldmark compares the trees of documents of
// lines that start with "<" in every way: indented by spaces or a tab,
// end tags with spaces, block and other tags in any case, names running
// on, and every ending the expressions tell apart; after a paragraph, in
// a list and in a quotation.
func TestFastHTMLBlockMatchesGoldmark(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 34))
	pick := func(list ...string) string { return list[rng.IntN(len(list))] }
	for n := 0; n < 6000; n++ {
		var b strings.Builder
		for k := rng.IntN(6); k >= 0; k-- {
			b.WriteString(pick("", "", " ", "   ", "    ", "\t", "- ", "> ", "1. ", "text\n", "\n"))
			b.WriteString(pick("<", "<", "</", "</ ", "< ", "<!", "<?"))
			b.WriteString(pick("div", "DIV", "Div", "p", "P", "table", "h1", "h7", "span", "img", "pre", "Script",
				"textarea", "divx", "div-1", "p2", "blockquote", "figcaption", "searchx", "a", "1", "",
				"strong", "EM", "sup", "prefix", "Styled", "scripts", "textareas", "pre-x"))
			b.WriteString(pick("", ">", "/>", " ", " class=\"x\">", ">text", "\t>", ":", "x", "\r", " >", "/ >",
				"></div>", "></textarea>", ">text</a> more", " src=x> caption", " a=\"b\">", ">t<b>", "> \t", ">x>  "))
			b.WriteString(pick("\n", "\r\n", "\n\n", "\nmore\n", "\n</div>\n"))
		}
		sameAsGFM(t, fmt.Sprint("html block case ", n), []byte(b.String()))
	}
}

// TestOpensNoBlockLinear parses a paragraph of 50,000 lines that each
// open with an inline tag: each line is read once to find it opens no
// block, and the tree is goldmark's.
func TestOpensNoBlockLinear(t *testing.T) {
	src := []byte(strings.Repeat("<span class=\"x\">tag</span> then words, words and more words\n", 50000))
	start := time.Now()
	root := MarkdownParser().Parse(text.NewReader(src))
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("parsing took %v", d)
	}
	if got, want := dumpTree(root, src), dumpTree(stockParser.Parse(text.NewReader(src)), src); got != want {
		t.Fatal("tree differs from extension.GFM's")
	}
}

// TestNoTagFailsGoldmark checks the matchers' noTag against goldmark's own
// raw HTML parser: wherever they say no tag can start, goldmark finds none
// either, whatever follows on the line or on the next lines; and they say
// it where a tag breaks off inside its line, not where one may go on.
func TestNoTagFailsGoldmark(t *testing.T) {
	match := func(s string) int {
		if strings.HasPrefix(s, "</") {
			return matchCloseTag([]byte(s))
		}
		return matchOpenTag([]byte(s))
	}
	for s, want := range map[string]int{
		`<a href="{{< ref "x.md" >}}">`: noTag, `<5 apples`: noTag, `</a b>`: noTag, `<a/b>`: noTag,
		`<a b=<c>`: noTag, `<a b="c"d>`: noTag, "<a \x0b>": noTag, `</5>`: noTag,
		`<a b="c`: -1, "<a\n": -1, "<a b=\n": -1, "<a b\r\n": -1, `<a b`: -1, `</a`: -1, "</a\n>": -1,
		`<a b="c">`: 9, `</a >`: 5,
	} {
		if got := match(s); got != want {
			t.Errorf("match(%q) = %d, want %d", s, got, want)
		}
	}
	goldmarkTag := func(src string) bool {
		return parser.NewRawHTMLParser().Parse(nil, text.NewReader([]byte(src)), parser.NewContext()) != nil
	}
	rest := []string{"", ">", "\n>", "\r\n>", "\"\n>", "'>", " a>", "\n a=\"b\">", "/>", "\n/>", "\"'>"}
	pieces := []string{"<", "</", "a", "img", " ", "\t", "\n", "\r", "=", `"`, "'", `"v"`, "v", "/", ">", "/>",
		"`", "\x00", "\x0b", "é", "{{< ref \"x\" >}}", "href", "1"}
	rng := rand.New(rand.NewPCG(21, 5))
	pick := func(list ...string) string { return list[rng.IntN(len(list))] }
	noTags := 0
	for n := 0; n < 20000; n++ {
		s := pick("<", "</") + pick("a", "x-1", "5", "")
		for k := rng.IntN(5); k > 0; k-- {
			s += pick(pieces...)
		}
		if match(s) != noTag {
			continue
		}
		noTags++
		for _, r := range rest {
			if goldmarkTag(s + r) {
				t.Fatalf("match(%q) is noTag, but goldmark reads a tag in %q", s, s+r)
			}
		}
	}
	if noTags < 5000 {
		t.Errorf("only %d strings are noTag: the test tests too little", noTags)
	}
}
