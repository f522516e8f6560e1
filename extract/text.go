package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// fromPlain reads plain text as it is (and Markdown that cannot be
// rendered): blocks are the runs of lines between blank lines.
func fromPlain(p *Page, body []byte, lim Limits) {
	text := strings.ToValidUTF8(string(body), "\uFFFD")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if len(text) > lim.MaxTextBytes {
		text = cutUTF8(text, lim.MaxTextBytes)
		p.Partial, p.Reason = true, "too large: only the first part was read"
	}
	paras := blankLines.Split(text, -1)
	for i := range paras {
		paras[i] = strings.TrimSpace(paras[i])
	}
	p.setParagraphs(paras)
	p.Readable = p.Main != ""
	if !p.Readable && p.Reason == "" {
		p.Reason = "empty page"
	}
}

// setParagraphs makes paras the page's text, main and full alike: one
// Paragraph block each, a blank line between them; empty ones are left
// out.
func (p *Page) setParagraphs(paras []string) {
	var sb strings.Builder
	for _, para := range paras {
		if para == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		start := sb.Len()
		sb.WriteString(para)
		p.Blocks = append(p.Blocks, Block{Kind: Paragraph, Start: start, End: sb.Len()})
	}
	p.Main = sb.String()
	p.Full = p.Main
}

// blankLines separates paragraphs of plain text.
var blankLines = regexp.MustCompile(`\n[ \t]*\n\s*`)

// cutUTF8 cuts s to at most n bytes, not inside a character.
func cutUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
