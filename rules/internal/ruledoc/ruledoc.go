// Package ruledoc reads what the rules need from their documentation: each
// rule embeds its doc.md, whose first line is the one-line summary, and
// whose word lists are placeholders filled from the prose lexicon, so the
// lists "citelint explain" prints are the lists the rules use.
package ruledoc

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/citelint/citelint/prose"
)

// Summary returns the first line of a rule's documentation without its
// heading mark: the one-line description "citelint rules" lists.
func Summary(doc string) string {
	first, _, _ := strings.Cut(doc, "\n")
	return strings.TrimSpace(strings.TrimLeft(first, "#"))
}

// placeholder is a line of its own naming a lexicon class:
// "{{lexicon vague-source}}".
var placeholder = regexp.MustCompile(`^\s*\{\{lexicon\s+([a-z][a-z-]*)\s*\}\}\s*$`)

// placeholderMark starts every placeholder, well formed or not.
const placeholderMark = "{{lexicon"

// width is the column the generated text wraps at, as the docs are wrapped.
const width = 76

// Expand returns doc with each placeholder line "{{lexicon CLASS}}"
// replaced by the class's description and members, read from the prose
// lexicon. A rule calls it once, when its value is built. A placeholder it
// cannot expand (an unknown class, or one not on a line of its own) is
// left as written, for Check and the rules' tests to report: a typo must
// fail a test, never a run.
func Expand(doc string) string {
	return expand(doc, prose.Classes())
}

// Lazy returns Expand(doc), made once, when first asked for: a rule's
// DocFunc, so that start-up does not render documentation a run never
// shows.
func Lazy(doc string) func() string {
	return sync.OnceValue(func() string { return Expand(doc) })
}

// Check reports the placeholders of doc that Expand cannot fill, each with
// its line.
func Check(doc string) error {
	return check(doc, prose.Classes())
}

func expand(doc string, classes []prose.ClassDoc) string {
	if !strings.Contains(doc, placeholderMark) {
		return doc
	}
	lines := strings.Split(doc, "\n")
	for i, line := range lines {
		m := placeholder.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if c, ok := find(classes, m[1]); ok {
			lines[i] = render(c)
		}
	}
	return strings.Join(lines, "\n")
}

func check(doc string, classes []prose.ClassDoc) error {
	var errs []error
	for i, line := range strings.Split(doc, "\n") {
		if !strings.Contains(line, placeholderMark) {
			continue
		}
		m := placeholder.FindStringSubmatch(line)
		if m == nil {
			errs = append(errs, fmt.Errorf("line %d: %q: a placeholder is a line of its own, {{lexicon CLASS}}", i+1, strings.TrimSpace(line)))
			continue
		}
		if _, ok := find(classes, m[1]); !ok {
			errs = append(errs, fmt.Errorf("line %d: no lexicon class %q: the classes are the [sections] of prose/lexicon.txt", i+1, m[1]))
		}
	}
	return errors.Join(errs...)
}

func find(classes []prose.ClassDoc, name string) (prose.ClassDoc, bool) {
	for _, c := range classes {
		if c.Name == name {
			return c, true
		}
	}
	return prose.ClassDoc{}, false
}

// quoted is an example in a lexicon comment: "studies show".
var quoted = regexp.MustCompile(`"([^"\n]+)"`)

// render formats one lexicon class for a rule's documentation: a paragraph
// naming the class with its description, its examples set as code, then
// its members, comma-separated, as an indented block. Both read well in a
// terminal and in Markdown, and neither is prose the rules would judge
// when citelint checks its own docs.
func render(c prose.ClassDoc) string {
	desc := quoted.ReplaceAllString(c.Doc, "`$1`")
	if len(desc) > 1 && isUpper(desc[0]) && !isUpper(desc[1]) {
		desc = string(desc[0]+'a'-'A') + desc[1:]
	}
	intro := "**" + c.Name + "**"
	if desc != "" {
		intro += ": " + desc
	}
	var b strings.Builder
	b.WriteString(wrap(units(intro), "", width))
	b.WriteString("\n\n")
	items := make([]string, len(c.Members))
	for i, m := range c.Members {
		items[i] = m + ","
	}
	if n := len(items); n > 0 {
		items[n-1] = strings.TrimSuffix(items[n-1], ",")
	}
	b.WriteString(wrap(items, "    ", width))
	return b.String()
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// units splits text at spaces, except within code spans, which wrapping
// keeps whole.
func units(text string) []string {
	var out []string
	inCode := false
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '`':
			inCode = !inCode
		case ' ':
			if !inCode {
				if i > start {
					out = append(out, text[start:i])
				}
				start = i + 1
			}
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// wrap joins items with spaces into lines of at most width columns (an
// item longer than that stands alone), each line starting with indent.
func wrap(items []string, indent string, width int) string {
	var b strings.Builder
	col := 0
	for _, it := range items {
		n := utf8.RuneCountInString(it)
		switch {
		case col == 0:
		case col+1+n > width:
			b.WriteString("\n")
			col = 0
		default:
			b.WriteString(" ")
			col++
		}
		if col == 0 {
			b.WriteString(indent)
			col = len(indent)
		}
		b.WriteString(it)
		col += n
	}
	return b.String()
}
