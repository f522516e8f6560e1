package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/citelint/citelint/internal/english"
	"github.com/citelint/citelint/lint"
	"github.com/fatih/color"
	"github.com/mattn/go-runewidth"
)

// Text writes diagnostics for people: "path:line:col: severity: message
// [rule]", the source line with the span underlined, a suggestion if any,
// and a summary line. It reads the same with or without color.
//
// What comes from drafts and file names is shown, never obeyed: control
// characters are escaped (ESC shows as \x1b), so no draft can move the
// cursor, retitle the terminal or start a line of its own (GitHub reads a
// line starting "::" as a workflow command).
type Text struct {
	Color bool
	Quiet bool
	// Width is the width of the terminal in columns: source lines are cut
	// around the span to fit it. 0 means DefaultWidth.
	Width int
}

// DefaultWidth is the width source lines are cut to when the output is not
// a terminal.
const DefaultWidth = 80

// indent is what source lines and help are indented by.
const indent = "    "

// tabWidth is how many columns a tab takes when a line is shown.
const tabWidth = 4

type palette struct {
	path, err, warn, info, rule, caret, help *color.Color
}

func newPalette(on bool) palette {
	p := palette{
		path:  color.New(color.Bold),
		err:   color.New(color.FgRed, color.Bold),
		warn:  color.New(color.FgYellow, color.Bold),
		info:  color.New(color.FgCyan, color.Bold),
		rule:  color.New(color.Faint),
		caret: color.New(color.FgGreen, color.Bold),
		help:  color.New(color.FgCyan),
	}
	for _, c := range []*color.Color{p.path, p.err, p.warn, p.info, p.rule, p.caret, p.help} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

func (p palette) severity(s lint.Severity) *color.Color {
	switch s {
	case lint.Error:
		return p.err
	case lint.Warning:
		return p.warn
	}
	return p.info
}

// Format implements Formatter.
func (t *Text) Format(w io.Writer, res *lint.Result) error {
	bw := bufio.NewWriter(w)
	p := newPalette(t.Color)
	width := t.Width
	if width <= 0 {
		width = DefaultWidth
	}
	var cells []cell // underline's, kept from one diagnostic to the next
	for _, d := range res.Diagnostics {
		fmt.Fprintf(bw, "%s: %s: %s %s\n",
			p.path.Sprintf("%s:%d:%d", Escape(d.Path), d.Pos.Line, d.Pos.Column),
			p.severity(d.Severity).Sprint(d.Severity),
			oneLine(d.Message),
			p.rule.Sprintf("[%s]", Escape(d.Rule)))
		if line, marks := underline(d, width-len(indent), &cells); line != "" {
			fmt.Fprintf(bw, "%s%s\n%s%s\n", indent, line, indent, p.caret.Sprint(marks))
		}
		if d.Suggestion != "" {
			fmt.Fprintf(bw, "%s%s %s\n", indent, p.help.Sprint("help:"), oneLine(d.Suggestion))
		}
	}
	if !t.Quiet {
		errs, warns, infos := Count(res.Diagnostics)
		fmt.Fprintf(bw, "%s, %s, %d info in %s\n",
			english.Count(errs, "error"), english.Count(warns, "warning"), infos, english.Count(res.Files, "file"))
	}
	return bw.Flush()
}

// oneLine returns a message on one line: line breaks become spaces, and
// other control characters are escaped.
func oneLine(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		s = lineBreaks.Replace(s)
	}
	return Escape(s)
}

// lineBreaks makes a message one line (a Replacer builds its tables on
// first use, once).
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// Escape makes text from a draft or a file name safe to print on a
// terminal: C0 and C1 control characters, DEL, the bidirectional controls
// that reorder what is shown, line and paragraph separators and bytes that
// are not UTF-8 are written as Go escapes (\x1b, \n, \u202e, \xff).
// Everything else is kept.
func Escape(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s // the common case: nothing to escape, nothing allocated
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(escapeRune(s[i:i+size], r, size))
		i += size
	}
	return b.String()
}

// unsafeRune reports whether a decoded rune must be escaped.
func unsafeRune(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1: // not UTF-8
		return true
	case r < 0x20, r >= 0x7f && r < 0xa0: // C0, DEL, C1
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi embeddings, overrides, isolates
		return true
	case r == 0x2028 || r == 0x2029:
		return true
	}
	return false
}

// escapeRune returns how one rune (src, its bytes) is shown.
func escapeRune(src string, r rune, size int) string {
	if !unsafeRune(r, size) {
		return src
	}
	switch {
	case size == 1 && r == utf8.RuneError:
		return fmt.Sprintf(`\x%02x`, src[0])
	case r == '\n':
		return `\n`
	case r == '\r':
		return `\r`
	case r == '\t':
		return `\t`
	case r < 0x80:
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// cell is one character of a source line as shown: its text (a tab
// expanded, a control character escaped), its width in columns and
// whether it lies in the span.
type cell struct {
	text string
	w    int
	mark bool
}

// underline returns the snippet line as shown and the caret line under
// the span, cut to width columns around the span with "…" where the line
// goes on. Tabs are expanded and control characters escaped; carets follow
// display width, so wide characters take two. buf is room for the line's
// cells, grown as needed and handed on to the next call: a long line's
// cells are not made anew for each of its findings.
func underline(d lint.Diagnostic, width int, buf *[]cell) (string, string) {
	s := d.Snippet
	if s.Text == "" && d.Start == d.End {
		return "", ""
	}
	startCol, endCol := d.Pos.Column, d.EndPos.Column
	if d.EndPos.Line != d.Pos.Line {
		endCol = int(^uint(0) >> 1) // to the end of the shown line
	}
	ellipsis := runewidth.StringWidth("…")
	cells := (*buf)[:0]
	if cap(cells) < len(s.Text) {
		cells = make([]cell, 0, len(s.Text)) // a cell per byte at most
	}
	defer func() { *buf = cells }()
	col := 0 // display column, for tab stops
	if s.Column > 1 {
		col = ellipsis
	}
	caret := -1 // for an empty span: the cell the caret goes under
	c := s.Column
	for i := 0; i < len(s.Text); {
		var (
			r    rune
			size int
			text string
			w    int
		)
		if b := s.Text[i]; b >= 0x20 && b < 0x7f {
			// Printable ASCII, most of a line: one column, as it is.
			r, size, text, w = rune(b), 1, s.Text[i:i+1], 1
		} else {
			r, size = utf8.DecodeRuneInString(s.Text[i:])
			text = escapeRune(s.Text[i:i+size], r, size)
			w = runewidth.StringWidth(text)
		}
		if r == '\t' {
			w = tabWidth - col%tabWidth
			text = strings.Repeat(" ", w)
		}
		if c == startCol && startCol >= endCol {
			caret = len(cells)
		}
		cells = append(cells, cell{text, w, c >= startCol && c < endCol})
		col += w
		c++
		i += size
	}
	if caret < 0 && startCol >= endCol {
		caret = len(cells) // at the end of the line
	}
	// The span, as cells: [a, b).
	a, b := caret, caret+1
	if caret < 0 {
		a = 0
		for a < len(cells) && !cells[a].mark {
			a++
		}
		for b = a; b < len(cells) && cells[b].mark; b++ {
		}
	}
	lo, hi := fit(cells, a, min(b, len(cells)), width, ellipsis, s.Column > 1, s.More)

	var line, marks strings.Builder
	if lo > 0 || s.Column > 1 {
		line.WriteString("…")
		marks.WriteString(strings.Repeat(" ", ellipsis))
	}
	for i := lo; i < hi; i++ {
		line.WriteString(cells[i].text)
		switch {
		case cells[i].mark:
			marks.WriteString(strings.Repeat("^", cells[i].w))
		case i == caret:
			marks.WriteString("^" + strings.Repeat(" ", max(cells[i].w-1, 0)))
		default:
			marks.WriteString(strings.Repeat(" ", cells[i].w))
		}
	}
	if caret == hi {
		marks.WriteString("^")
	}
	if hi < len(cells) || s.More {
		line.WriteString("…")
	}
	return line.String(), strings.TrimRight(marks.String(), " ")
}

// fit chooses the cells [lo, hi) to show in width columns, "…" marks
// included: all of them when they fit, else the span [a, b) (its start, if
// it is too wide itself) with as much context either side as fits, the
// narrower side grown first.
func fit(cells []cell, a, b, width, ellipsis int, cutBefore, cutAfter bool) (int, int) {
	n := len(cells)
	// fits reports whether cells[lo:hi], whose widths sum to w, fit with
	// their ellipses and caret. The sums are kept as the window grows, so
	// fitting is linear in the line.
	fits := func(lo, hi, w int) bool {
		if lo > 0 || cutBefore {
			w += ellipsis
		}
		if hi < n || cutAfter {
			w += ellipsis
		}
		if hi == n && a == n { // a caret after the last character
			w++
		}
		return w <= width
	}
	total := 0
	for _, c := range cells {
		total += c.w
	}
	if fits(0, n, total) {
		return 0, n
	}
	lo, hi, w := a, a, 0
	for hi < b && fits(lo, hi+1, w+cells[hi].w) {
		w += cells[hi].w
		hi++
	}
	if hi == a && a < n {
		hi, w = a+1, cells[a].w // show the span's first character however narrow the terminal
	}
	if hi < b {
		return lo, hi
	}
	left, right := 0, 0 // context widths shown
	for {
		growLeft := lo > 0 && fits(lo-1, hi, w+cells[lo-1].w)
		growRight := hi < n && fits(lo, hi+1, w+cells[hi].w)
		switch {
		case growLeft && (left <= right || !growRight):
			lo--
			left += cells[lo].w
			w += cells[lo].w
		case growRight:
			right += cells[hi].w
			w += cells[hi].w
			hi++
		default:
			return lo, hi
		}
	}
}
