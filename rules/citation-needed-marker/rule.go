// Package citationneededmarker holds the citation-needed-marker rule: its
// documentation is doc.md beside it (citelint explain citation-needed-
// marker), its fixtures are in testdata/.
package citationneededmarker

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/ruledoc"
)

// doc is the rule's documentation, doc.md beside this file; its first
// line is the summary.
//
//go:embed doc.md
var doc string

// Rule (citation-needed-marker) reports editorial placeholders such as
// "[citation needed]" and "TK".
var Rule = &lint.Rule{
	ID:       "citation-needed-marker",
	Summary:  ruledoc.Summary(doc),
	DocFunc:  ruledoc.Lazy(doc),
	Severity: lint.Error,
	Run: func(p *lint.Pass) {
		for _, b := range p.Doc.Blocks {
			for _, m := range findMarkers(b.Text) {
				start, end := b.SourceSpan(m.start, m.end)
				text := b.Text[m.start:m.end]
				p.Report(lint.Diagnostic{
					Start:      start,
					End:        end,
					Message:    fmt.Sprintf("placeholder %q left in the draft", text),
					Suggestion: "add the missing source or fact, or delete the placeholder",
				})
			}
		}
	},
}

// bracketMarkers match case-insensitively, brackets included.
var bracketMarkers = []string{
	"[citation needed]", "[cite]", "[source?]", "[source needed]", "[needs source]", "[ref]",
	"{{cn}}",
}

type span struct{ start, end int }

// findMarkers returns the placeholders in prose text, in order. A
// placeholder starts at a "[", a "{" or a "TK"; each is looked for with
// a vectorised search and its next place remembered, so the text is read
// once however many there are. (A search for any of "[", "{" and "T"
// went byte by byte and stopped at every capital T: a fifth of the
// rule's time on ordinary prose.)
func findMarkers(text string) []span {
	next := [3]int{strings.IndexByte(text, '['), strings.IndexByte(text, '{'), strings.Index(text, "TK")}
	if next == [3]int{-1, -1, -1} {
		return nil // most text holds none of them
	}
	var out []span
	for i := 0; ; {
		at := -1
		for k, p := range next {
			if p >= 0 && p < i {
				p = indexFrom(text, i, markerStarts[k])
				next[k] = p
			}
			if p >= 0 && (at < 0 || p < at) {
				at = p
			}
		}
		if at < 0 {
			return out
		}
		i = at
		if n := markerAt(text, i); n > 0 {
			out = append(out, span{i, i + n})
			i += n
			continue
		}
		i++
	}
}

// markerStarts are what a placeholder starts with, in findMarkers' order.
var markerStarts = [3]string{"[", "{", "TK"}

// indexFrom returns the index of the first sub in text at or after i, or
// -1.
func indexFrom(text string, i int, sub string) int {
	if i > len(text) {
		return -1
	}
	if j := strings.Index(text[i:], sub); j >= 0 {
		return i + j
	}
	return -1
}

// markerAt returns the length of the placeholder starting at text[i], or 0.
func markerAt(text string, i int) int {
	rest := text[i:]
	switch rest[0] {
	case 'T':
		if strings.HasPrefix(rest, "TK") && standaloneWord(text, i, i+2) {
			return 2
		}
	case '{':
		if hasPrefixFold(rest, "{{citation needed") {
			n := len("{{citation needed")
			if strings.HasPrefix(rest[n:], "}}") {
				return n + 2
			}
			if rest[n] == '|' {
				if end := strings.Index(rest[n:min(len(rest), n+200)], "}}"); end >= 0 {
					return n + end + 2
				}
			}
		}
		fallthrough
	default:
		for _, m := range bracketMarkers {
			if hasPrefixFold(rest, m) {
				return len(m)
			}
		}
	}
	return 0
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// standaloneWord reports whether text[start:end] is a word of its own: no
// letter, digit or joining mark touches it on either side.
func standaloneWord(text string, start, end int) bool {
	if start > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if joinsWord(r) || r == '#' || r == '@' || r == '$' {
			return false
		}
		// "a.TK" is one token, as in a file or host name.
		if r == '.' && start > size {
			prev, _ := utf8.DecodeLastRuneInString(text[:start-size])
			if unicode.IsLetter(prev) || unicode.IsDigit(prev) {
				return false
			}
		}
	}
	if end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if joinsWord(r) {
			return false
		}
		// "TK.5" or "TK's" continue a word; "TK." ends a sentence.
		if (r == '.' || r == '\'' || r == '’') && end+size < len(text) {
			next, _ := utf8.DecodeRuneInString(text[end+size:])
			if unicode.IsLetter(next) || unicode.IsDigit(next) {
				return false
			}
		}
	}
	return true
}

func joinsWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '/' || r == lint.ObjectRune
}
