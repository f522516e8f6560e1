package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// fromPlain reads plain text and Markdown as they are: blocks are the
// runs of lines between blank lines.
func fromPlain(p *Page, body []byte, lim Limits) {
	text := strings.ToValidUTF8(string(body), "\uFFFD")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if len(text) > lim.MaxTextBytes {
		text = cutUTF8(text, lim.MaxTextBytes)
		p.Partial, p.Reason = true, "too large: only the first part was read"
	}
	var sb strings.Builder
	for _, para := range blankLines.Split(text, -1) {
		para = strings.TrimSpace(para)
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
	p.Readable = p.Main != ""
	if !p.Readable && p.Reason == "" {
		p.Reason = "empty page"
	}
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
