package lint

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// htmlPieces describes each block of d as "kind [start,end) text" and
// each word of its text as "word=source@offset": the source it maps to
// and where that starts; a space that stands for other white space is
// "␠=source@offset".
func htmlPieces(d *Document) []string {
	src := string(d.Source)
	var out []string
	for _, b := range d.Blocks {
		out = append(out, fmt.Sprintf("%s [%d,%d) %q", b.Kind, b.Start, b.End, b.Text))
		for i := 0; i < len(b.Text); {
			j := strings.IndexByte(b.Text[i:], ' ')
			if j < 0 {
				j = len(b.Text) - i
			}
			if j > 0 {
				s, e := b.SourceSpan(i, i+j)
				out = append(out, fmt.Sprintf("  %s=%q@%d", b.Text[i:i+j], src[s:e], s))
			}
			if i+j < len(b.Text) {
				// A space that collapses more than one space.
				if s, e := b.SourceSpan(i+j, i+j+1); src[s:e] != " " {
					out = append(out, fmt.Sprintf("  ␠=%q@%d", src[s:e], s))
				}
			}
			i += j + 1
		}
	}
	return out
}

// htmlCitations describes each citation: kind, target, its source, its
// target's source and offset, and its text.
func htmlCitations(d *Document) []string {
	src := string(d.Source)
	var out []string
	for _, c := range d.Citations {
		b := d.Blocks[c.Block]
		out = append(out, fmt.Sprintf("%v %q %q@%d target %q@%d text %q sentence %d",
			c.Kind, c.Target, src[c.Start:c.End], c.Start, src[c.TargetStart:c.TargetEnd], c.TargetStart,
			b.Text[c.TextStart:c.TextEnd], c.Sentence))
	}
	return out
}

func TestHTMLBlocks(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		blocks    []string
		citations []string
		comments  []string
	}{{
		name: "paragraphs, entities, a link, a break, a comment, a script, nested inline tags",
		src: "<div>\n  Three entrants &#8220;will take part&#8221; in\n  $10 million &amp; more.\n" +
			"<p>See <a href=\"https://a.example/r?x=1&amp;y\">the <em>annual</em> report</a>.<br>Next line</p>\n" +
			"<!-- note 45% --><script>var s = \"45%\";</script><li>118 <strong><i>civic</i></strong> events</li>\n</div>\n",
		blocks: []string{
			`paragraph [8,80) "Three entrants “will take part” in $10 million & more."`,
			`  Three="Three"@8`,
			`  entrants="entrants"@14`,
			`  “will="&#8220;will"@23`,
			`  take="take"@35`,
			`  part”="part&#8221;"@40`,
			`  in="in"@52`,
			`  ␠="\n  "@54`,
			`  $10="$10"@57`,
			`  million="million"@61`,
			`  &="&amp;"@69`,
			`  more.="more."@75`,
			`paragraph [84,159) "See the annual report."`,
			`  See="See"@84`,
			`  the="the"@128`,
			`  annual="annual"@136`,
			`  report.="report</a>."@148`,
			`paragraph [163,172) "Next line"`,
			`  Next="Next"@163`,
			`  line="line"@168`,
			`paragraph [229,269) "118 civic events"`,
			`  118="118"@229`,
			`  civic="civic"@244`,
			`  events="events"@263`,
		},
		citations: []string{
			`HTML link "https://a.example/r?x=1&y" "<a href=\"https://a.example/r?x=1&amp;y\">the <em>annual</em> report</a>"@88 target "https://a.example/r?x=1&amp;y"@97 text "the annual report" sentence 0`,
		},
		comments: []string{`<!-- note 45% -->`},
	}, {
		name: "inside a blockquote: each line is a segment of its own",
		src:  "> <div>\n> Quoted 45% of\n> <a\n> href=\"/u\">the\n> text</a>.\n> </div>\n",
		blocks: []string{
			`paragraph [10,56) "Quoted 45% of the text."`,
			`  Quoted="Quoted"@10`,
			`  45%="45%"@17`,
			`  of="of"@21`,
			`  ␠="\n"@23`,
			`  the="the"@41`,
			`  ␠="\n"@44`,
			`  text.="text</a>."@47`,
		},
		citations: []string{
			`HTML link "/u" "<a\n> href=\"/u\">the\n> text</a>"@26 target "/u"@37 text "the text" sentence 0`,
		},
	}, {
		name: "inside a list item",
		src:  "- <p>Item\n  text 12%</p>\n  <p>Second</p>\n",
		blocks: []string{
			`paragraph [5,20) "Item text 12%"`,
			`  Item="Item"@5`,
			`  ␠="\n"@9`,
			`  text="text"@12`,
			`  12%="12%"@17`,
			`paragraph [30,36) "Second"`,
			`  Second="Second"@30`,
		},
	}, {
		name: "CRLF line endings behind a byte order mark",
		src:  "\ufeff<div>\r\n  CRLF 45%\r\n  next &nbsp;line\r\n</div>\r\n",
		blocks: []string{
			`paragraph [12,39) "CRLF 45% next \u00a0line"`,
			`  CRLF="CRLF"@12`,
			`  45%="45%"@17`,
			`  ␠="\r\n  "@20`,
			`  next="next"@24`,
			"  \u00a0line=\"&nbsp;line\"@29",
		},
	}, {
		name: "headings, code, images and hidden content",
		src: "<h2>Title 3</h2><p>Code <code>45%</code> and <img alt=\"5% off\" src=x> end</p>\n" +
			"<pre>\n12%\n</pre><style>p{}</style><textarea>7%</textarea><svg><text>9%</text></svg><template>8%</template>Last\n",
		blocks: []string{
			`heading [4,11) "Title 3"`,
			`  Title="Title"@4`,
			`  3="3"@10`,
			`paragraph [19,73) "Code ￼ and ￼ end"`,
			`  Code="Code"@19`,
			`  ￼="<code>45%</code>"@24`,
			`  and="and"@41`,
			`  ￼="<img alt=\"5% off\" src=x>"@45`,
			`  end="end"@70`,
			`paragraph [135,161) "￼"`,
			`  ￼="<svg><text>9%</text></svg>"@135`,
			`paragraph [184,188) "Last"`,
			`  Last="Last"@184`,
		},
	}, {
		name: "template directives stay masked",
		src:  "<div>{{< figure caption=\"45%\" >}} and <a href=\"{{< ref \"x.md\" >}}\">the survey</a> say</div>\n",
		blocks: []string{
			`paragraph [5,85) "￼ and ￼the survey say"`,
			`  ￼="{{< figure caption=\"45%\" >}}"@5`,
			`  and="and"@34`,
			`  ￼the="<a href=\"{{< ref \"x.md\" >}}\">the"@38`,
			`  survey="survey"@71`,
			`  say="say"@82`,
		},
		citations: []string{
			`template link "{{< ref \"x.md\" >}}" "<a href=\"{{< ref \"x.md\" >}}\">"@38 target "{{< ref \"x.md\" >}}"@47 text "￼" sentence 0`,
		},
	}, {
		name: "malformed: a link with no text, a stray end tag, unclosed tags, a backslash",
		src:  "<div><a href=\"x\"></a></span></p>C:\\dir <b>bold <a href=y>open\n",
		blocks: []string{
			`paragraph [5,21) "￼"`,
			`  ￼="<a href=\"x\"></a>"@5`,
			`paragraph [32,61) "C:\\dir bold open"`,
			`  C:\dir="C:\\dir"@32`,
			`  bold="bold"@42`,
			`  open="open"@57`,
		},
		citations: []string{
			`HTML link "x" "<a href=\"x\"></a>"@5 target "x"@14 text "￼" sentence 0`,
			`HTML link "y" "<a href=y>"@47 target "y"@55 text "open" sentence 0`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if got := htmlPieces(d); !reflect.DeepEqual(got, tt.blocks) {
				t.Errorf("blocks:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.blocks, "\n     "))
			}
			if got := htmlCitations(d); !reflect.DeepEqual(got, tt.citations) {
				t.Errorf("citations:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.citations, "\n     "))
			}
			var comments []string
			for _, c := range d.Comments {
				comments = append(comments, tt.src[c.Start:c.End])
			}
			if !reflect.DeepEqual(comments, tt.comments) {
				t.Errorf("comments: got %q, want %q", comments, tt.comments)
			}
		})
	}
}

// TestHTMLBlockIsBounded reads hostile HTML blocks: deep nesting, many
// blocks and unclosed elements cost time linear in their size (no state
// grows with nesting), and unclosed content ends with the HTML block.
func TestHTMLBlockIsBounded(t *testing.T) {
	const n = 100_000
	tests := []struct {
		name, src string
		want      []string
	}{
		{"deep inline nesting", "<div>" + strings.Repeat("<span><em>", n) + "deep 45%" + strings.Repeat("</em>", n) + "\n",
			[]string{"paragraph: deep 45%"}},
		{"deep block nesting", strings.Repeat("<div>", n) + "deep" + strings.Repeat("<div>", n) + "er\n",
			[]string{"paragraph: deep", "paragraph: er"}},
		{"unclosed code", "<div>a <code>x <p>y</p>\nz</div>\n", []string{"paragraph: a \uFFFC"}},
		{"unclosed script", "<div>a<script>b <p>c</p>\n", []string{"paragraph: a"}},
		{"unclosed tag", "<div>a <a href=\"x\n", []string{"paragraph: a"}},
		{"unclosed comment", "<div>a <!-- b\n", []string{"paragraph: a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if got := texts(d); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %.200q, want %q", got, tt.want)
			}
		})
	}
	// Many small blocks, each one a block of prose.
	d := mustParse(t, "<ul>\n"+strings.Repeat("<li>1%</li>\n", n)+"</ul>\n")
	if len(d.Blocks) != n || d.Blocks[n-1].Text != "1%" || d.Blocks[n-1].Start != len("<ul>\n")+(n-1)*len("<li>1%</li>\n")+len("<li>") {
		t.Errorf("%d blocks, the last %+v", len(d.Blocks), d.Blocks[len(d.Blocks)-1])
	}
}

// TestHTMLBlockContainers: <blockquote> and <li> are containers, as their
// Markdown forms are; a browser's implicit ends close list items.
func TestHTMLBlockContainers(t *testing.T) {
	src := "> <blockquote><p>Quoted 45%.</p>\n" +
		"> <ul><li>One<li>Two <ul><li>Inner</ul>\n" +
		"> </blockquote><p>After</p><li>Stray\n"
	d := mustParse(t, src)
	var got []string
	for _, c := range d.Containers {
		parent := -1
		for i, p := range d.Containers {
			if p == c.Parent {
				parent = i
			}
		}
		var texts []string
		for _, i := range c.Blocks {
			texts = append(texts, d.Blocks[i].Text)
		}
		got = append(got, fmt.Sprintf("%v %q parent %d blocks %q", c.Kind, spanText(src, c.Start, c.End), parent, texts))
	}
	want := []string{
		`0 "> <blockquote><p>Quoted 45%.</p>\n> <ul><li>One<li>Two <ul><li>Inner</ul>\n> </blockquote><p>After</p><li>Stray\n" parent -1 blocks ["Quoted 45%." "One" "Two" "Inner" "After" "Stray"]`,
		`0 "<blockquote><p>Quoted 45%.</p>\n> <ul><li>One<li>Two <ul><li>Inner</ul>\n> </blockquote>" parent 0 blocks ["Quoted 45%." "One" "Two" "Inner"]`,
		`1 "<li>One" parent 1 blocks ["One"]`,
		`1 "<li>Two <ul><li>Inner</ul>\n> </blockquote>" parent 1 blocks ["Two" "Inner"]`,
		`1 "<li>Inner</ul>" parent 3 blocks ["Inner"]`,
		`1 "<li>Stray\n" parent 0 blocks ["Stray"]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("containers:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	for _, b := range d.Blocks {
		if b.Text == "After" && (b.Parent != d.Containers[0] || b.Within(ListItem)) {
			t.Errorf("%q: parent %+v", b.Text, b.Parent)
		}
	}
	// Nesting past maxHTMLNesting is read as prose of the deepest container.
	deep := strings.Repeat("<blockquote>", 3*maxHTMLNesting) + "deep" + strings.Repeat("</blockquote>", 3*maxHTMLNesting) + "out\n"
	d = mustParse(t, deep)
	if len(d.Containers) != maxHTMLNesting || len(d.Blocks) != 2 || d.Blocks[1].Parent != nil || len(d.Containers[0].Blocks) != 1 {
		t.Errorf("%d containers, blocks %q, the last in %+v", len(d.Containers), texts(d), d.Blocks[len(d.Blocks)-1].Parent)
	}
}
