package extract

import (
	"net/url"
	"strings"
)

// Markdown renders Main as a Markdown document: headings, list items,
// blockquotes, paragraphs and its links as [text](url), with the
// characters Markdown would read as markup escaped. It is what a
// published page is checked as, so that the rules read it like any
// draft; findings' lines and columns are in it.
func (p *Page) Markdown() string {
	var sb strings.Builder
	links := p.Links
	for _, b := range p.Blocks {
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		quote := ""
		if b.Quote {
			quote = "> "
		}
		text := p.Main[b.Start:b.End]
		if b.Kind == Preformatted {
			sb.WriteString(quote + "```\n" + quote + strings.ReplaceAll(text, "```", "` ` `") + "\n" + quote + "```")
			for len(links) > 0 && links[0].Start < b.End {
				links = links[1:]
			}
			continue
		}
		sb.WriteString(quote)
		switch b.Kind {
		case Heading:
			sb.WriteString(strings.Repeat("#", min(max(b.Level, 1), 6)) + " ")
		case ListItem:
			sb.WriteString(strings.Repeat("  ", max(b.Level-1, 0)) + "- ")
		}
		pos := b.Start
		for len(links) > 0 && links[0].Start < b.End {
			l := links[0]
			links = links[1:]
			if l.Start < pos || l.End > b.End {
				continue // a link across blocks: its text stays plain
			}
			writeEscaped(&sb, p.Main[pos:l.Start], pos == b.Start)
			dest, ok := linkDestination(l.URL)
			if ok {
				sb.WriteByte('[')
				writeEscaped(&sb, l.Text, false)
				sb.WriteString("](" + dest + ")")
			} else {
				writeEscaped(&sb, l.Text, l.Start == b.Start)
			}
			pos = l.End
		}
		writeEscaped(&sb, p.Main[pos:b.End], pos == b.Start)
	}
	if sb.Len() > 0 {
		sb.WriteByte('\n')
	}
	return sb.String()
}

// linkDestination returns how a link's address is written in Markdown, and
// whether it is linked at all: only web and mail addresses are (a
// javascript: link is no source).
func linkDestination(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto":
	default:
		return "", false
	}
	if strings.ContainsAny(raw, " <>\n") {
		return "", false
	}
	if strings.ContainsAny(raw, "()") {
		return "<" + raw + ">", true
	}
	return raw, true
}

// writeEscaped writes text with Markdown's inline markup characters
// escaped, and, at the start of a block, what would open another block
// (a heading's #, a list's marker, a quote's >, a thematic break).
func writeEscaped(sb *strings.Builder, text string, blockStart bool) {
	if blockStart {
		if i := orderedMarker(text); i > 0 {
			sb.WriteString(text[:i])
			sb.WriteByte('\\')
			text = text[i:]
		} else if text != "" && strings.ContainsRune("#+-=>|", rune(text[0])) {
			sb.WriteByte('\\')
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case '\\', '*', '_', '`', '[', ']', '<', '~':
			sb.WriteByte('\\')
		case '&':
			if i+1 < len(text) && (isASCIILetter(text[i+1]) || text[i+1] == '#') {
				sb.WriteByte('\\')
			}
		}
		sb.WriteByte(c)
	}
}

// orderedMarker returns the length of the digits of an ordered list's
// marker ("2025. was" would be a list item numbered 2025), or 0.
func orderedMarker(s string) int {
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ') {
		return i
	}
	return 0
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
