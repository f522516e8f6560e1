package lsp

import "strings"

// disableLine returns the line to insert above line so that rule is
// disabled on it, ending as the document's lines end. The comment keeps
// the line's blockquote markers and indentation, so that it stays inside
// the same container; above a list item that follows a sibling item, it
// is indented to the sibling's content, so that it belongs to that item
// rather than ending the list (a comment at the item's own indentation
// would split one list in two and restart an ordered list's numbering).
func disableLine(t *text, line int, rule string) string {
	src := string(t.src[t.lineStart(line):t.lineEnd(line)])
	prefix, rest := quotePrefix(src)
	indent := leading(rest)
	if _, ok := listMarker(rest[len(indent):]); ok {
		if col, ok := siblingContent(t, line, prefix, len(indent)); ok {
			indent = strings.Repeat(" ", col)
		}
	}
	eol := "\n"
	if end := t.lineEnd(line); end < len(t.src) && t.src[end] == '\r' {
		eol = "\r\n"
	}
	return prefix + indent + "<!-- citelint-disable-next-line " + rule + " -->" + eol
}

// quotePrefix splits off a line's blockquote markers ("> > ").
func quotePrefix(s string) (prefix, rest string) {
	i := 0
	for {
		j := i
		for j < len(s) && j-i < 3 && s[j] == ' ' {
			j++
		}
		if j >= len(s) || s[j] != '>' {
			return s[:i], s[i:]
		}
		j++
		if j < len(s) && s[j] == ' ' {
			j++
		}
		i = j
	}
}

// leading returns s's leading spaces and tabs.
func leading(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}

// listMarker returns the width of the list item marker opening s, with
// the space after it ("- ", "12. "), and whether s opens a list item.
func listMarker(s string) (int, bool) {
	if len(s) >= 2 && strings.ContainsRune("-*+", rune(s[0])) && (s[1] == ' ' || s[1] == '\t') {
		return 2, true
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return i + 2, true
	}
	return 0, false
}

// siblingContent finds the list item before line at the same indentation
// within the same blockquote prefix, skipping blank lines and the lines
// nested deeper, and returns the column its content starts at.
func siblingContent(t *text, line int, prefix string, indent int) (int, bool) {
	for l := line - 1; l >= 0; l-- {
		src := string(t.src[t.lineStart(l):t.lineEnd(l)])
		p, rest := quotePrefix(src)
		if strings.TrimSpace(rest) == "" {
			continue
		}
		if p != prefix {
			return 0, false
		}
		in := len(leading(rest))
		if in > indent {
			continue
		}
		if in < indent {
			return 0, false
		}
		w, ok := listMarker(rest[in:])
		return in + w, ok
	}
	return 0, false
}
