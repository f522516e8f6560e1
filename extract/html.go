package extract

import (
	"bytes"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth bounds the element nesting walked: deeper content (only a
// hostile page has any) is left out, so recursion stays shallow.
const maxDepth = 256

// fromHTML reads an HTML page: Full from a walk of the whole body, Main
// from readability's article, or from the body without its navigation,
// headers, footers and asides when readability finds none.
func fromHTML(p *Page, body []byte, lim Limits) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		// x/net/html recovers from any markup; only a read error gets here.
		p.Reason = "unreadable HTML: " + err.Error()
		return
	}
	base, _ := url.Parse(p.URL)
	removePaywallBoxes(doc)
	full := newTextBuilder(lim.MaxTextBytes, base, false)
	stats := full.walkDocument(doc)
	p.Full = full.String()
	p.Title = stats.title

	if stats.scriptOnly(len(p.Full)) {
		p.Reason = "script-only page"
		return
	}
	main := newTextBuilder(lim.MaxTextBytes, base, true)
	if stats.elements <= lim.MaxElements {
		parser := readability.NewParser()
		parser.MaxElemsToParse = lim.MaxElements
		if article, err := parser.ParseAndMutate(doc, base); err == nil && article.Node != nil {
			main.walk(article.Node, context{}, 0)
			if t := strings.TrimSpace(article.Title()); t != "" {
				p.Title = t
			}
		}
	}
	if main.sb.Len() == 0 {
		// No article found (or too many elements to ask): the visible text
		// without the page's furniture.
		main = newTextBuilder(lim.MaxTextBytes, base, true)
		main.skipFurniture = true
		if body := findBody(doc); body != nil {
			main.walk(body, context{}, 0)
		}
	}
	main.breakBlock()
	p.Main, p.Blocks, p.Links = main.String(), main.blocks, main.links
	if full.truncated || main.truncated {
		p.Partial, p.Reason = true, "too large: only the first part was read"
	}
	p.Readable = strings.TrimSpace(p.Main) != "" || strings.TrimSpace(p.Full) != ""
	if !p.Readable {
		p.Reason = "empty page"
	}
}

// removePaywallBoxes removes the calls to subscribe that paywall markup
// puts where the closed part of an article would be: they are no part of
// the article. The marks are the ones linkcheck takes as evidence.
func removePaywallBoxes(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && isPaywallBox(c) {
			n.RemoveChild(c)
		} else {
			removePaywallBoxes(c)
		}
		c = next
	}
}

func isPaywallBox(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			for _, cls := range strings.Fields(strings.ToLower(a.Val)) {
				if cls == "paywall" || cls == "gh-post-upgrade-cta" || strings.HasPrefix(cls, "paywall-") || strings.HasSuffix(cls, "-paywall") {
					return true
				}
			}
		case "subscriptions-section":
			if a.Val == "content-not-granted" {
				return true
			}
		}
	}
	return false
}

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

// pageStats is what the walk of a whole document learns beyond its text.
type pageStats struct {
	title    string
	elements int
	scripts  int
	// appRoot tells that the body has an empty mount point of a
	// script-rendered app (id app, root, __next, __nuxt, svelte) or a
	// noscript asking for JavaScript.
	appRoot bool
}

// scriptOnly tells a page whose content a script renders: little visible
// text, some script, and a mount point or a noscript plea.
func (s pageStats) scriptOnly(visibleBytes int) bool {
	return visibleBytes < 200 && s.scripts > 0 && s.appRoot
}

// context is what the walk knows of the elements around a node.
type context struct {
	kind      BlockKind
	level     int
	quote     bool
	listDepth int
}

// textBuilder turns a node tree into text, blocks and links.
type textBuilder struct {
	sb        strings.Builder
	max       int
	base      *url.URL
	truncated bool
	// main tells Main's walk (links kept) from Full's.
	main bool
	// skipFurniture leaves out nav, header, footer and aside.
	skipFurniture bool

	blocks       []Block
	links        []Link
	open         bool
	cur          Block
	pendingSpace bool
	cellSep      bool

	link      *Link // the link being read, nil outside one
	linkStart int   // -1 until the link's first character

	stats pageStats
}

func newTextBuilder(maxBytes int, base *url.URL, main bool) *textBuilder {
	return &textBuilder{max: maxBytes, base: base, main: main, linkStart: -1}
}

func (b *textBuilder) String() string { return b.sb.String() }

// walkDocument walks a whole document for Full, and counts what
// script-only detection needs.
func (b *textBuilder) walkDocument(doc *html.Node) pageStats {
	b.walk(doc, context{}, 0)
	b.breakBlock()
	return b.stats
}

// skipped elements are never visible text.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Head,
		atom.Iframe, atom.Object, atom.Canvas, atom.Input, atom.Select, atom.Textarea, atom.Button, atom.Math:
		return true
	}
	return false
}

// hidden tells an element a reader does not see.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Dd, atom.Details,
		atom.Dialog, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header,
		atom.Hr, atom.Li, atom.Main, atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary,
		atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Caption, atom.Center, atom.Html:
		return true
	}
	return false
}

// noteStats records, during Full's walk, the signs of a script-only page.
func (b *textBuilder) noteStats(n *html.Node) {
	b.stats.elements++
	switch n.DataAtom {
	case atom.Script:
		b.stats.scripts++
	case atom.Title:
		if n.FirstChild != nil && n.FirstChild.Type == html.TextNode && b.stats.title == "" {
			b.stats.title = strings.Join(strings.Fields(n.FirstChild.Data), " ")
		}
	case atom.Noscript:
		if text := strings.ToLower(nodeText(n)); strings.Contains(text, "javascript") {
			b.stats.appRoot = true
		}
	case atom.Div, atom.Main, atom.Section:
		for _, a := range n.Attr {
			if a.Key == "id" {
				switch strings.ToLower(a.Val) {
				case "app", "root", "__next", "__nuxt", "svelte", "main-app":
					b.stats.appRoot = true
				}
			}
		}
	}
}

// nodeText is the raw text under n (a noscript's content is one text
// node, unparsed).
func nodeText(n *html.Node) string {
	var sb strings.Builder
	for c := n.FirstChild; c != nil && sb.Len() < 4096; c = c.NextSibling {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
		}
	}
	return sb.String()
}

func (b *textBuilder) walk(n *html.Node, ctx context, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		b.text(n.Data, ctx)
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.walk(c, ctx, depth+1)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	if !b.main {
		b.noteStats(n)
		if n.DataAtom == atom.Head {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					b.noteStats(c)
				}
			}
		}
	}
	if skipped(n) || hidden(n) {
		return
	}
	if b.skipFurniture {
		switch n.DataAtom {
		case atom.Nav, atom.Header, atom.Footer, atom.Aside:
			return
		}
	}
	block := isBlock(n.DataAtom)
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		ctx.kind, ctx.level = Heading, int(n.Data[1]-'0')
	case atom.Ul, atom.Ol:
		ctx.listDepth++
	case atom.Li:
		ctx.kind, ctx.level = ListItem, max(ctx.listDepth, 1)
	case atom.Tr:
		ctx.kind, ctx.level = TableRow, 0
	case atom.Blockquote:
		ctx.quote = true
	case atom.Pre:
		ctx.kind, ctx.level = Preformatted, 0
	case atom.P:
		if ctx.kind == TableRow {
			block = false // a paragraph in a cell stays in its row
		}
	case atom.Br:
		b.pendingSpace = true
	case atom.Td, atom.Th:
		if b.open && b.cur.Kind == TableRow {
			b.cellSep = true
		}
	case atom.Img:
		// An image's alt text is what a reader without it sees, but it is
		// no sentence of the article: left out.
		return
	}
	if block {
		b.breakBlock()
	}
	opened := false
	if n.DataAtom == atom.A && b.main && b.link == nil {
		if href := attr(n, "href"); href != "" {
			b.link, b.linkStart, opened = &Link{URL: b.resolve(href)}, -1, true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c, ctx, depth+1)
	}
	if opened {
		b.closeLink()
		b.link = nil
	}
	if block {
		b.breakBlock()
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// resolve makes href absolute against the page's address.
func (b *textBuilder) resolve(href string) string {
	if b.base == nil {
		return href
	}
	u, err := b.base.Parse(href)
	if err != nil {
		return href
	}
	return u.String()
}

// closeLink records the part of the current link written so far.
func (b *textBuilder) closeLink() {
	if b.link == nil || b.linkStart < 0 {
		return
	}
	end := b.sb.Len()
	b.links = append(b.links, Link{Text: b.sb.String()[b.linkStart:end], URL: b.link.URL, Start: b.linkStart, End: end})
	b.linkStart = -1
}

// text writes a text node's characters, white space collapsed (outside
// pre) and blocks opened as needed.
func (b *textBuilder) text(s string, ctx context) {
	for _, r := range s {
		if b.truncated {
			return
		}
		if r == '\u00a0' {
			r = ' '
		}
		if unicode.IsSpace(r) {
			// Collapsed in pre too: a line break kept would end the
			// paragraph in the text a quotation is matched against.
			b.pendingSpace = true
			continue
		}
		if b.sb.Len()+utf8.RuneLen(r)+3 > b.max {
			b.truncated = true
			return
		}
		switch {
		case !b.open:
			if b.sb.Len() > 0 {
				b.sb.WriteString("\n\n")
			}
			b.cur = Block{Kind: ctx.kind, Level: ctx.level, Quote: ctx.quote, Start: b.sb.Len()}
			b.open = true
		case b.cellSep:
			b.sb.WriteString(" | ")
		case b.pendingSpace:
			b.sb.WriteByte(' ')
		}
		b.pendingSpace, b.cellSep = false, false
		if b.link != nil && b.linkStart < 0 {
			b.linkStart = b.sb.Len()
		}
		b.sb.WriteRune(r)
	}
}

// breakBlock ends the block being written, if any.
func (b *textBuilder) breakBlock() {
	if b.open {
		b.closeLink()
		b.cur.End = b.sb.Len()
		b.blocks = append(b.blocks, b.cur)
		b.open = false
	}
	b.pendingSpace, b.cellSep = false, false
}
