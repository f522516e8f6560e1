package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/fatih/color"
	"github.com/mattn/go-runewidth"
)

// Text writes diagnostics for people: "path:line:col: severity: message
// [rule]", the source line with the span underlined, a suggestion if any,
// and a summary line. It reads the same with or without color.
type Text struct {
	Color bool
	Quiet bool
}

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
	for _, d := range res.Diagnostics {
		fmt.Fprintf(bw, "%s: %s: %s %s\n",
			p.path.Sprintf("%s:%d:%d", d.Path, d.Pos.Line, d.Pos.Column),
			p.severity(d.Severity).Sprint(d.Severity),
			oneLine(d.Message),
			p.rule.Sprintf("[%s]", d.Rule))
		if line, marks := underline(d); line != "" {
			fmt.Fprintf(bw, "    %s\n    %s\n", line, p.caret.Sprint(marks))
		}
		if d.Suggestion != "" {
			fmt.Fprintf(bw, "    %s %s\n", p.help.Sprint("help:"), oneLine(d.Suggestion))
		}
	}
	if !t.Quiet {
		errs, warns, infos := Count(res.Diagnostics)
		fmt.Fprintf(bw, "%s, %s, %d info in %s\n",
			plural(errs, "error"), plural(warns, "warning"), infos, plural(res.Files, "file"))
	}
	return bw.Flush()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// underline returns the snippet line as shown (tabs expanded, a leading
// "…" where the line was cut) and the caret line under the span. Carets
// follow display width, so wide characters take two.
func underline(d lint.Diagnostic) (string, string) {
	s := d.Snippet
	if s.Text == "" && d.Start == d.End {
		return "", ""
	}
	var line, marks strings.Builder
	col := 0 // display column
	if s.Column > 1 {
		line.WriteString("…")
		marks.WriteString(" ")
		col = 1
	}
	startCol, endCol := d.Pos.Column, d.EndPos.Column
	if d.EndPos.Line != d.Pos.Line {
		endCol = int(^uint(0) >> 1) // to the end of the shown line
	}
	c := s.Column
	for _, r := range s.Text {
		w := runewidth.RuneWidth(r)
		text := string(r)
		if r == '\t' {
			w = tabWidth - col%tabWidth
			text = strings.Repeat(" ", w)
		}
		line.WriteString(text)
		mark := " "
		if c >= startCol && c < endCol {
			mark = "^"
		}
		marks.WriteString(strings.Repeat(mark, w))
		col += w
		c++
	}
	if startCol >= c { // an empty span, or one at the end of the line
		marks.WriteString("^")
	}
	m := strings.TrimRight(marks.String(), " ")
	if !strings.Contains(m, "^") {
		m += "^"
	}
	return line.String(), m
}
