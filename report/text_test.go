package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
	"github.com/mattn/go-runewidth"
)

// textOf checks src as path with rules reporting each target, and returns
// the text output at the given width.
func textOf(t *testing.T, path, src string, width int, targets ...string) string {
	t.Helper()
	var active []lint.ActiveRule
	for _, target := range targets {
		r := reportAt("r", lint.Warning, target, "found "+target, "", "")
		active = append(active, lint.ActiveRule{Rule: r, Severity: r.Severity})
	}
	runner := &lint.Runner{Rules: active, Known: func(string) bool { return true }, Jobs: 1}
	res := runner.Run(t.Context(), []lint.Input{{Path: path, Format: lint.Markdown, Read: func() ([]byte, error) { return []byte(src), nil }}})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	var buf bytes.Buffer
	if err := (&Text{Quiet: true, Width: width}).Format(&buf, res); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestTextEscapesControlCharacters(t *testing.T) {
	got := textOf(t, "evil\n::error file=x.md::pwned\x1b[2J\xff.md",
		"Say \x1b]0;owned\x07 TK \u202eevil\u009b and\u2028here.\n", 80, "TK")
	want := `evil\n::error file=x.md::pwned\x1b[2J\xff.md:1:16: warning: found TK [r]` + "\n" +
		`    Say \x1b]0;owned\x07 TK \u202eevil\u009b and\u2028here.` + "\n" +
		`                         ^^` + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, line := range strings.Split(got, "\n") {
		if strings.HasPrefix(line, "::") {
			t.Errorf("a line starts a workflow command: %q", line)
		}
	}
	// Messages and suggestions too.
	var buf bytes.Buffer
	res := &lint.Result{Diagnostics: []lint.Diagnostic{{Path: "a.md", Rule: "r", Severity: lint.Info,
		Message: "quoted \x1b[31mred\x1b[0m\nnext", Suggestion: "drop \x07",
		Pos: lint.Position{Line: 1, Column: 1}, EndPos: lint.Position{Line: 1, Column: 1}}}}
	if err := (&Text{Quiet: true}).Format(&buf, res); err != nil {
		t.Fatal(err)
	}
	if want := "a.md:1:1: info: quoted \\x1b[31mred\\x1b[0m next [r]\n    help: drop \\x07\n"; buf.String() != want {
		t.Errorf("got %q\nwant %q", buf.String(), want)
	}
}

func TestTextFitsTheWidth(t *testing.T) {
	long := "The council met on Tuesday and, after a long debate about the harbour, voted to raise the fee TK by next spring, which the fishing fleet opposed.\n"
	for _, tt := range []struct {
		name, src string
		width     int
		targets   []string
		want      string
	}{{
		name: "short line kept whole", src: "Prices rose TK.\n", width: 80, targets: []string{"TK"},
		want: "    Prices rose TK.\n" +
			"                ^^\n",
	}, {
		name: "cut both sides around the span", src: long, width: 40, targets: []string{"TK"},
		want: "    …o raise the fee TK by next spring,…\n" +
			"                     ^^\n",
	}, {
		name: "near the start: cut on the right only", src: long, width: 40, targets: []string{"council"},
		want: "    The council met on Tuesday and, aft…\n" +
			"        ^^^^^^^\n",
	}, {
		name: "near the end: cut on the left only", src: long, width: 40, targets: []string{"opposed"},
		want: "    …g, which the fishing fleet opposed.\n" +
			"                                ^^^^^^^\n",
	}, {
		name: "a span wider than the terminal", src: long, width: 30, targets: []string{"voted to raise the fee TK by next spring"},
		want: "    …voted to raise the fee T…\n" +
			"     ^^^^^^^^^^^^^^^^^^^^^^^^\n",
	}, {
		name: "wide characters", src: "日本語の文章です。" + strings.Repeat("ここに", 10) + "TK" + strings.Repeat("あそこ", 10) + "\n", width: 30, targets: []string{"TK"},
		want: "    …ここにここにTKあそこあそ…\n" +
			"                 ^^\n",
	}, {
		name: "tabs", src: "a\tb\tc\tPrices rose TK and fell again and again and again and again.\n", width: 30, targets: []string{"TK"},
		want: "    …rices rose TK and fell a…\n" +
			"                ^^\n",
	}} {
		got := textOf(t, "a.md", tt.src, tt.width, tt.targets...)
		got = got[strings.Index(got, "\n")+1:] // the source lines only
		if got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
		lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
		for _, line := range lines {
			if w := displayWidth(line); w > tt.width {
				t.Errorf("%s: %q is %d columns wide", tt.name, line, w)
			}
		}
		// The first caret stands under the first character of the span.
		target := tt.targets[0]
		if i := strings.Index(lines[0], target[:1]+target[1:min(len(target), 3)]); i < 0 ||
			displayWidth(lines[0][:i]) != strings.Index(lines[1], "^") {
			t.Errorf("%s: caret not under %q", tt.name, target)
		}
	}
}

// An empty span (a point) gets one caret at its column, not at the start
// of the line.
func TestTextCaretForAnEmptySpan(t *testing.T) {
	d := lint.Diagnostic{Path: "a.md", Rule: "r", Severity: lint.Error, Message: "m", Start: 7, End: 7,
		Pos: lint.Position{Line: 1, Column: 8}, EndPos: lint.Position{Line: 1, Column: 8},
		Snippet: lint.Snippet{Text: "Prices rose.", Column: 1}}
	var buf bytes.Buffer
	if err := (&Text{Quiet: true}).Format(&buf, &lint.Result{Diagnostics: []lint.Diagnostic{d}}); err != nil {
		t.Fatal(err)
	}
	want := "a.md:1:8: error: m [r]\n    Prices rose.\n           ^\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func displayWidth(s string) int {
	return runewidth.StringWidth(s)
}

// GitHub reads any line starting "::" as a workflow command: a file name
// or message with a line break must not start one.
func TestGitHubNeverStartsACommandFromData(t *testing.T) {
	evil := "a\n::error file=x.md::injected\r\n%0A.md"
	res := &lint.Result{
		Errors: []lint.FileError{{Path: evil, Err: errTest("bad\n::warning::x")}},
		Diagnostics: []lint.Diagnostic{{Path: evil, Rule: "r", Severity: lint.Warning, Message: "m\n::notice::y",
			Pos: lint.Position{Line: 1, Column: 1}, EndPos: lint.Position{Line: 1, Column: 2}}},
	}
	var buf bytes.Buffer
	if err := (GitHub{}).Format(&buf, res); err != nil {
		t.Fatal(err)
	}
	want := "::error file=a%0A%3A%3Aerror file=x.md%3A%3Ainjected%0D%0A%250A.md,title=citelint::could not check this file: bad%0A::warning::x\n" +
		"::warning file=a%0A%3A%3Aerror file=x.md%3A%3Ainjected%0D%0A%250A.md,line=1,endLine=1,col=1,endColumn=1,title=r::m%0A::notice::y\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

type errTest string

func (e errTest) Error() string { return string(e) }
