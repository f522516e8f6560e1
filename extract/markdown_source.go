package extract

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// markdownSource renders Markdown sources for reading: GitHub's tables,
// and raw HTML passed through, since many Markdown pages hold paragraphs
// written in HTML. The result is only ever parsed for its text, never
// shown, so raw HTML is no risk here.
var markdownSource = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.Footnote),
	goldmark.WithRendererOptions(html.WithUnsafe()),
)

// fromMarkdown reads a Markdown source as its reader sees it: rendered,
// so that a link's address, emphasis marks and HTML tags do not stand
// between the words of a passage ("Go to [the summit](https://…). Go
// there now!" reads "Go to the summit. Go there now!"). A body that
// cannot be rendered is read as plain text.
func fromMarkdown(p *Page, body []byte, lim Limits) {
	var out bytes.Buffer
	if err := markdownSource.Convert(body, &out); err != nil {
		fromPlain(p, body, lim)
		return
	}
	fromHTML(p, out.Bytes(), lim)
	if !p.Readable && p.Reason == "script-only page" {
		// A Markdown page is text by nature: what it holds is what it says.
		p.Reason = ""
		fromPlain(p, body, lim)
	}
}
