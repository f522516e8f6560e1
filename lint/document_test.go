package lint

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func mustParse(t *testing.T, src string) *Document {
	t.Helper()
	d, err := Parse("test.md", []byte(src), Markdown)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// texts returns each block's kind and text.
func texts(d *Document) []string {
	var out []string
	for _, b := range d.Blocks {
		out = append(out, fmt.Sprintf("%s: %s", b.Kind, b.Text))
	}
	return out
}

func TestProseText(t *testing.T) {
	src := "---\ntitle: 45% of readers\n---\n" +
		"# Heading with `code` 2\n\n" +
		"Some *emphasis* and **strong** text, a [link text](https://example.com/9) and `45%`.\n" +
		"Soft break, escaped \\* star, entity &amp; and &rsquo;curly&rsquo;.\n\n" +
		"```\nfenced 45%\n```\n\n" +
		"    indented 45%\n\n" +
		"<div>raw 45%</div>\n\n" +
		"![image alt 45%](img.png) and <span>inline html</span>.\n\n" +
		"- item one\n- item two\n\n" +
		"> quoted text\n\n" +
		"| a | b |\n|---|---|\n| c | d |\n"
	d := mustParse(t, src)
	want := []string{
		"heading: Heading with \uFFFC 2",
		"paragraph: Some emphasis and strong text, a link text and \uFFFC. Soft break, escaped * star, entity & and ’curly’.",
		"paragraph: raw 45%", // an HTML block's text is prose (see TestHTMLBlocks)
		"paragraph: \uFFFC and inline html.",
		"paragraph: item one",
		"paragraph: item two",
		"paragraph: quoted text",
		"table cell: a", "table cell: b", "table cell: c", "table cell: d",
	}
	if got := texts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %q\nwant %q", got, want)
	}
}

func TestSourceSpanRoundTrip(t *testing.T) {
	src := "\ufeffIntro *with emphasis* and [a link](http://x.y) then caf&eacute; \\# end.\r\nNext line."
	d := mustParse(t, src)
	b := d.Blocks[0]
	for _, word := range []string{"Intro", "emphasis", "a link", "then", "end.", "Next line."} {
		i := strings.Index(b.Text, word)
		s, e := b.SourceSpan(i, i+len(word))
		if got := src[s:e]; got != word {
			t.Errorf("SourceSpan(%q) = %q", word, got)
		}
	}
	// An entity maps to its whole source run.
	i := strings.Index(b.Text, "é")
	s, e := b.SourceSpan(i, i+len("é"))
	if src[s:e] != "&eacute;" {
		t.Errorf("entity maps to %q, want &eacute;", src[s:e])
	}
	// A span across emphasis covers the marks between.
	i = strings.Index(b.Text, "with emphasis and")
	s, e = b.SourceSpan(i, i+len("with emphasis and"))
	if src[s:e] != "with emphasis* and" {
		t.Errorf("span across emphasis = %q", src[s:e])
	}
	if got := b.TextOffset(strings.Index(src, "[a link]")); b.Text[got:got+6] != "a link" {
		t.Errorf("TextOffset of the link bracket = %d (%q)", got, b.Text[got:])
	}
}

func TestCitations(t *testing.T) {
	src := "First [inline](https://a.example/x_(y) \"T\"). Then [ref][r] and [Collapsed][] and [short].\n" +
		"Auto <https://b.example/p> and bare https://c.example/q?z=1, note[^n] and [see @smith2020, p. 3].\n\n" +
		"[r]: https://r.example\n[collapsed]: <https://col.example> \"t\"\n[short]: https://s.example\n\n" +
		"[^n]: The note.\n"
	d := mustParse(t, src)
	type cit struct {
		Kind              CitationKind
		Target, Src, Dest string
		Block, Sentence   int
	}
	var got []cit
	for _, c := range d.Citations {
		got = append(got, cit{c.Kind, c.Target, src[c.Start:c.End], src[c.TargetStart:c.TargetEnd], c.Block, c.Sentence})
	}
	want := []cit{
		{InlineLink, "https://a.example/x_(y)", `[inline](https://a.example/x_(y) "T")`, "https://a.example/x_(y)", 0, 0},
		{ReferenceLink, "https://r.example", "[ref][r]", "https://r.example", 0, 1},
		{ReferenceLink, "https://col.example", "[Collapsed][]", "https://col.example", 0, 1},
		{ReferenceLink, "https://s.example", "[short]", "https://s.example", 0, 1},
		{Autolink, "https://b.example/p", "<https://b.example/p>", "https://b.example/p", 0, 2},
		{BareURL, "https://c.example/q?z=1", "https://c.example/q?z=1", "https://c.example/q?z=1", 0, 2},
		{FootnoteRef, "n", "[^n]", "[^n]", 0, 2},
		{PandocCite, "see @smith2020, p. 3", "[see @smith2020, p. 3]", "[see @smith2020, p. 3]", 0, 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("citations:\n got %+v\nwant %+v", got, want)
	}
	if n := len(d.Definitions); n != 3 || !d.Definitions[0].Used || src[d.Definitions[1].URLStart:d.Definitions[1].URLEnd] != "https://col.example" {
		t.Errorf("definitions: %+v", d.Definitions)
	}
	// The footnote definition's paragraph is a block of its own, in source order.
	last := d.Blocks[len(d.Blocks)-1]
	if last.Text != "The note." || !last.Within(FootnoteDefinition) {
		t.Errorf("footnote block = %q within footnote %v", last.Text, last.Within(FootnoteDefinition))
	}
}

func TestUndefinedFootnoteIsText(t *testing.T) {
	d := mustParse(t, "A claim[^missing].\n")
	if len(d.Citations) != 0 || d.Blocks[0].Text != "A claim[^missing]." {
		t.Errorf("citations %v, text %q", d.Citations, d.Blocks[0].Text)
	}
}

func TestContainers(t *testing.T) {
	src := "> Quote one\n>\n> - nested item\n\nPlain.\n\n| h |\n|---|\n| v |\n"
	d := mustParse(t, src)
	var got []string
	for _, c := range d.Containers {
		got = append(got, fmt.Sprintf("%d %q %v", c.Kind, src[c.Start:c.End], c.Blocks))
	}
	want := []string{
		`0 "> Quote one\n>\n> - nested item" [0 1]`,
		`1 "- nested item" [1]`,
		`2 "| h |\n|---|\n| v |" [3 4]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("containers:\n got %q\nwant %q", got, want)
	}
	if b := d.Blocks[4]; b.Row != 1 || b.Column != 0 || b.Kind != TableCell {
		t.Errorf("cell v: row %d column %d kind %v", b.Row, b.Column, b.Kind)
	}
}

func TestComments(t *testing.T) {
	src := "<!-- block comment -->\n\nText <!-- inline --> end.\n\n```\n<!-- in code -->\n```\n"
	d := mustParse(t, src)
	var got []string
	for _, c := range d.Comments {
		got = append(got, src[c.Start:c.End]+"|"+c.Text)
	}
	want := []string{"<!-- block comment -->| block comment ", "<!-- inline -->| inline "}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("comments %q, want %q", got, want)
	}
}

func TestPlainText(t *testing.T) {
	src := "First para\r\nline two.\r\n\r\n`not code` here.\n"
	d, err := Parse("notes.txt", []byte(src), PlainText)
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(d); !reflect.DeepEqual(got, []string{"paragraph: First para line two.", "paragraph: `not code` here."}) {
		t.Errorf("blocks %q", got)
	}
	// A CRLF is one space of text, and a span never ends inside it.
	if s, e := d.Blocks[0].SourceSpan(6, 11); src[s:e] != "para\r\n" {
		t.Errorf("span over the line end %q", src[s:e])
	}
	if s, e := d.Blocks[0].SourceSpan(10, 15); src[s:e] != "\r\nline" {
		t.Errorf("span from the line end %q", src[s:e])
	}
	b := d.Blocks[1]
	if s, e := b.SourceSpan(0, 10); src[s:e] != "`not code`" {
		t.Errorf("span %q", src[s:e])
	}
}

func TestParseErrors(t *testing.T) {
	if _, err := Parse("x.md", []byte("a\x00b"), Markdown); !errors.Is(err, ErrBinary) {
		t.Errorf("binary: %v", err)
	}
	var ne *NestingError
	deep := strings.Repeat("- ", 100) + "x\n"
	if _, err := Parse("x.md", []byte(deep), Markdown); !errors.As(err, &ne) || ne.Depth != 100 {
		t.Errorf("deep list: %v", err)
	}
	if _, err := Parse("x.md", []byte(strings.Repeat("- ", MaxListDepth)+"x\n"), Markdown); err != nil {
		t.Errorf("list at the limit: %v", err)
	}
}

// TestParseNesting checks the limits on nesting that keep the Markdown
// parser's time in bounds: block quotes count with lists (a line of
// 100,000 ">" took it seconds), and matched square brackets nest at most
// MaxBracketDepth levels in a paragraph outside fenced code (its link
// parsing grows with the square of their depth); a "[" never closed, as
// in a half-open interval, counts for nothing.
func TestParseNesting(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
		depth     int // 0: parsed
		brackets  bool
	}{
		{"quotes over the limit", "Intro.\n\n" + strings.Repeat(">", 100) + " x\n", 3, 100, false},
		{"quotes and lists together", strings.Repeat("> - ", 40) + "x\n", 1, 80, false},
		{"quotes at the limit", strings.Repeat("> ", MaxListDepth) + "x\n", 0, 0, false},
		{"brackets over the limit", "One.\n\nTwo " + strings.Repeat("[", 70) + "x" + strings.Repeat("]", 70) + "\n", 3, 70, true},
		{"brackets over lines of a paragraph", strings.Repeat("[a\n", 65) + strings.Repeat("]", 65) + "\n", 66, 65, true},
		{"brackets never closed", strings.Repeat("[", 100) + "\n", 0, 0, false},
		{"half-open intervals, then a link", strings.Repeat("[0, 10) and ", 100) + "[x](https://example.com)\n", 0, 0, false},
		{"a stray ] closes the last [ only", strings.Repeat("[", 70) + " x]\n", 0, 0, false},
		{"brackets at the limit", strings.Repeat("[", MaxBracketDepth) + "x" + strings.Repeat("]", MaxBracketDepth) + "\n", 0, 0, false},
		{"closed brackets do not add up", strings.Repeat("[x] ", 500) + "\n", 0, 0, false},
		{"a blank line closes the paragraph's brackets", strings.Repeat("[a\n\n", 100), 0, 0, false},
		{"escaped brackets", strings.Repeat("\\[", 100) + "\n", 0, 0, false},
		{"brackets in fenced code", "```\n" + strings.Repeat("[", 100) + "\n```\n\n~~~~ json\n" + strings.Repeat("[", 100) + "\n~~~\n", 0, 0, false},
		{"a backtick in the info string is no fence", "```a`b\n" + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n", 2, 100, true},
		{"brackets after the fence closes", "```\n[\n```\n" + strings.Repeat("[", 65) + strings.Repeat("]", 65) + "\n", 4, 65, true},
	} {
		_, err := Parse("x.md", []byte(tc.src), Markdown)
		var ne *NestingError
		switch {
		case tc.depth == 0 && err != nil:
			t.Errorf("%s: %v, want it parsed", tc.name, err)
		case tc.depth != 0 && (!errors.As(err, &ne) || ne.Depth != tc.depth || ne.Pos.Line != tc.line || ne.Brackets != tc.brackets):
			t.Errorf("%s: %v (%+v), want depth %d at line %d (brackets %v)", tc.name, err, ne, tc.depth, tc.line, tc.brackets)
		}
	}
	_, err := Parse("x.md", []byte(strings.Repeat("[", 65)+strings.Repeat("]", 65)), Markdown)
	if want := "line 1: square brackets nest about 65 levels deep; citelint checks paragraphs whose brackets nest at most 64 levels"; err == nil || err.Error() != want {
		t.Errorf("message %v, want %q", err, want)
	}
}

// TestParseDefinitionRun checks the limit on link reference definitions
// in one paragraph (the parser's time grows with the square of their
// number): one over it is refused at its line, in a block quote too; a
// blank line between groups, or fenced code, keeps a file checkable.
func TestParseDefinitionRun(t *testing.T) {
	defs := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "[r%d]: https://example.com/%d\n", i, i)
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, src string
		line      int // 0: parsed
	}{
		{"at the limit", defs(MaxDefinitionRun) + "\nSee [a][r5].\n", 0},
		{"one over", "Intro.\n\n" + defs(MaxDefinitionRun+1), MaxDefinitionRun + 3},
		{"in a block quote", strings.ReplaceAll(defs(MaxDefinitionRun+1), "[r", "> [r"), MaxDefinitionRun + 1},
		{"two groups", defs(MaxDefinitionRun) + "\n" + defs(MaxDefinitionRun), 0},
		{"in fenced code", "```\n" + defs(MaxDefinitionRun+1) + "```\n", 0},
	} {
		_, err := Parse("x.md", []byte(tc.src), Markdown)
		var de *DefinitionsError
		switch {
		case tc.line == 0 && err != nil:
			t.Errorf("%s: %v, want it parsed", tc.name, err)
		case tc.line != 0 && (!errors.As(err, &de) || de.Pos.Line != tc.line):
			t.Errorf("%s: %v, want a DefinitionsError at line %d", tc.name, err, tc.line)
		}
	}
	_, err := Parse("x.md", []byte(defs(MaxDefinitionRun+1)), Markdown)
	if want := "line 10001: more than 10000 link reference definitions in one paragraph, the most citelint checks (put a blank line between groups of them)"; err == nil || err.Error() != want {
		t.Errorf("message %v, want %q", err, want)
	}
}

func TestBlockAt(t *testing.T) {
	src := "One.\n\nTwo.\n"
	d := mustParse(t, src)
	for off, want := range map[int]string{0: "One.", 3: "One.", 4: "", 6: "Two.", 9: "Two."} {
		b := d.BlockAt(off)
		got := ""
		if b != nil {
			got = b.Text
		}
		if got != want {
			t.Errorf("BlockAt(%d) = %q, want %q", off, got, want)
		}
	}
}

func TestTemplateDirectivesAreNotProse(t *testing.T) {
	src := "See {{< figure src=\"a.png\" caption=\"45% of \\\"users\\\"\" >}} and {{% note %}}tip{{% /note %}} or {% include x.html %}, not {{cn}}.\n\n" +
		"{{<figure src=\"b.png\">}} then text.\n"
	d := mustParse(t, src)
	want := []string{
		"paragraph: See \uFFFC and \uFFFCtip\uFFFC or \uFFFC, not {{cn}}.",
		"paragraph: \uFFFC then text.",
	}
	if got := texts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %q\nwant %q", got, want)
	}
	b := d.Blocks[0]
	i := strings.Index(b.Text, "\uFFFC")
	if s, e := b.SourceSpan(i, i+len("\uFFFC")); src[s:e] != `{{< figure src="a.png" caption="45% of \"users\"" >}}` {
		t.Errorf("directive maps to %q", src[s:e])
	}
	if len(b.Quotes) != 0 {
		t.Errorf("quotes inside a directive: %v", b.Quotes)
	}
	// A directive used as a link destination takes its title with it.
	d = mustParse(t, "The [program]({{< ref \"events/x.md\" >}} \"Program webinar\") is free.\n")
	if got := d.Blocks[0].Text; got != "The program\uFFFC is free." {
		t.Errorf("link with a directive destination: %q", got)
	}
	// That link is a citation of its own kind.
	src = "The [program]({{< ref \"events/x.md\" >}} \"Program webinar\") is free.\n"
	c := d.Citations[0]
	if len(d.Citations) != 1 || c.Kind != TemplateLink || c.Target != `{{< ref "events/x.md" >}} "Program webinar"` ||
		src[c.Start:c.End] != `[program]({{< ref "events/x.md" >}} "Program webinar")` {
		t.Errorf("citations: %+v", d.Citations)
	}
	// So is an HTML link whose href is a directive (the parser leaves it as
	// text, the directive holding quotes).
	src = `Data from <a href="{{< ref "x.md" >}}">the survey</a> show it.` + "\n"
	d = mustParse(t, src)
	if got := d.Blocks[0].Text; got != "Data from \uFFFCthe survey show it." {
		t.Errorf("text %q", got)
	}
	if c := d.Citations[0]; len(d.Citations) != 1 || c.Kind != TemplateLink || c.Target != `{{< ref "x.md" >}}` ||
		src[c.Start:c.End] != `<a href="{{< ref "x.md" >}}">` {
		t.Errorf("citations: %+v", d.Citations)
	}
}

// Liquid and Go template output tags, written with a space or a "-"
// inside the braces or opening on a quoted string, are markup too; a wiki
// placeholder opening on a word is text.
func TestTemplateOutputTags(t *testing.T) {
	src := "Ana joined in May. – {{ \"ana\" | team_link }} and {{- .Title }}, not {{citation needed|date=May 2024}}.\n\n" +
		"Read our [blog]({{ \"/blog/\" | url }}) today.\n\n" +
		"Ask Ana. - {{\"ana\" | team_link }} or {{'ana' | team_link }}\n"
	d := mustParse(t, src)
	want := []string{
		"paragraph: Ana joined in May. – \uFFFC and \uFFFC, not {{citation needed|date=May 2024}}.",
		"paragraph: Read our blog\uFFFC today.",
		"paragraph: Ask Ana. - \uFFFC or \uFFFC",
	}
	if got := texts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %q\nwant %q", got, want)
	}
	if len(d.Citations) != 1 || d.Citations[0].Kind != TemplateLink || d.Citations[0].Target != `{{ "/blog/" | url }}` {
		t.Errorf("citations: %+v", d.Citations)
	}
}

// A link whose destination is a template and whose text wraps onto the
// line before drops its "[" too; over a blank line or past
// maxLinkTextLines lines the "[" is not its own.
func TestTemplateLinkTextWraps(t *testing.T) {
	src := "“We code,” said [Elaine\nKamlley]({{ \"/author/elaine/\" | url }}), a developer.\n\n" +
		"A [stray bracket.\n\nNot [one\ntwo\nthree\nfour\nfive]({{ \"/x/\" | url }}) here.\n"
	d := mustParse(t, src)
	want := []string{
		"paragraph: “We code,” said Elaine Kamlley\uFFFC, a developer.",
		"paragraph: A [stray bracket.",
		"paragraph: Not [one two three four five\uFFFC here.",
	}
	if got := texts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %q\nwant %q", got, want)
	}
}

func TestHTMLLinks(t *testing.T) {
	src := `The <a href="https://example.com/r">annual report</a> says so. <a name="x">anchor</a> <A HREF='/y'>open`
	d := mustParse(t, src+"\n")
	var got []string
	for _, c := range d.Citations {
		b := d.Blocks[c.Block]
		got = append(got, fmt.Sprintf("%v %s %q %q %q", c.Kind, c.Target, src[c.Start:c.End], src[c.TargetStart:c.TargetEnd], b.Text[c.TextStart:c.TextEnd]))
	}
	want := []string{
		`HTML link https://example.com/r "<a href=\"https://example.com/r\">annual report</a>" "https://example.com/r" "annual report"`,
		`HTML link /y "<A HREF='/y'>" "/y" "open"`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("citations:\n got %q\nwant %q", got, want)
	}
}

func TestEmailAutolinksAreMailto(t *testing.T) {
	d := mustParse(t, "Write to <desk@example.com> or news@example.com today.\n")
	var got []string
	for _, c := range d.Citations {
		got = append(got, fmt.Sprintf("%v %s", c.Kind, c.Target))
	}
	want := []string{"autolink mailto:desk@example.com", "bare URL mailto:news@example.com"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestBlockCitationsShareChunk: the blocks' Citations lists are cut from
// chunks shared by the document's blocks, one block after another. Each
// block keeps its own citations in source order, whether they fit the
// room left or outgrow it (a paragraph of 40 links), whether a Pandoc
// citation joins them as the block ends, and whether the block is read
// from HTML or is a footnote's (read after the blocks that follow it).
func TestBlockCitationsShareChunk(t *testing.T) {
	var src strings.Builder
	want := map[int][]string{}
	link := func(block int, target string) {
		fmt.Fprintf(&src, "[x](%s) ", target)
		want[block] = append(want[block], target)
	}
	block := 0
	for ; block < 3; block++ {
		link(block, fmt.Sprintf("https://a.example/%d", block))
		src.WriteString("\n\n")
	}
	for i := range 40 {
		link(block, fmt.Sprintf("https://many.example/%d", i))
	}
	src.WriteString("[see @smith2020]\n\n")
	want[block] = append(want[block], "see @smith2020")
	block++
	src.WriteString("Noted.[^n]\n\n")
	want[block] = []string{"n"}
	block++
	src.WriteString("<p>Read <a href=\"https://h.example/1\">one</a> and <a href=\"https://h.example/2\">two</a>.</p>\n\n")
	want[block] = []string{"https://h.example/1", "https://h.example/2"}
	block++
	src.WriteString("[^n]: ")
	link(block, "https://note.example") // walked last, after the paragraph below
	src.WriteString("\n\nLast [y](https://z.example/1) and [z](https://z.example/2).\n")
	want[block+1] = []string{"https://z.example/1", "https://z.example/2"}
	d := mustParse(t, src.String())
	got := map[int][]string{}
	for _, b := range d.Blocks {
		for _, c := range b.Citations {
			if c.Block != b.Index {
				t.Errorf("block %d holds a citation of block %d", b.Index, c.Block)
			}
			got[b.Index] = append(got[b.Index], c.Target)
		}
		if len(b.Citations) != cap(b.Citations) {
			t.Errorf("block %d: %d citations in a list of capacity %d: an append would write into the next block's", b.Index, len(b.Citations), cap(b.Citations))
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("citations by block:\n got %v\nwant %v", got, want)
	}
}
