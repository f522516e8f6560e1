package lint

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// wordRule reports every occurrence of word in prose.
func wordRule(id, word string) *Rule {
	return &Rule{
		ID: id, Summary: "test rule", Doc: "test", Severity: Warning,
		Run: func(p *Pass) {
			for _, b := range p.Doc.Blocks {
				for i := 0; ; {
					j := strings.Index(b.Text[i:], word)
					if j < 0 {
						break
					}
					s, e := b.SourceSpan(i+j, i+j+len(word))
					p.Reportf(s, e, "found %s", word)
					i += j + len(word)
				}
			}
		},
	}
}

func testRunner(rules ...*Rule) *Runner {
	var active []ActiveRule
	for _, r := range rules {
		active = append(active, ActiveRule{Rule: r, Severity: r.Severity})
	}
	return &Runner{Rules: active}
}

func input(path, src string) Input {
	return Input{Path: path, Format: FormatOf(path), Read: func() ([]byte, error) { return []byte(src), nil }}
}

// brief renders diagnostics as "path:line:col-line:col rule".
func brief(ds []Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s:%d:%d-%d:%d %s", d.Path, d.Pos.Line, d.Pos.Column, d.EndPos.Line, d.EndPos.Column, d.Rule))
	}
	return out
}

func TestRunnerDeterministicAcrossJobs(t *testing.T) {
	var inputs []Input
	for i := range 40 {
		inputs = append(inputs, input(fmt.Sprintf("f%02d.md", 39-i), strings.Repeat("XX and YY.\n\n", i%5+1)))
	}
	inputs = append(inputs, Input{Path: "broken.md", Read: func() ([]byte, error) { return nil, errors.New("disk on fire") }})
	var first []string
	for _, jobs := range []int{1, 2, 8} {
		r := testRunner(wordRule("xx", "XX"), wordRule("yy", "YY"))
		r.Jobs = jobs
		res := r.Run(context.Background(), inputs)
		got := brief(res.Diagnostics)
		if res.Files != 41 || len(res.Errors) != 1 || res.Errors[0].Path != "broken.md" {
			t.Fatalf("jobs %d: files %d errors %v", jobs, res.Files, res.Errors)
		}
		if first == nil {
			first = got
			if got[0] != "f00.md:1:1-1:3 xx" || got[1] != "f00.md:1:8-1:10 yy" || len(got) != 2*(8*(1+2+3+4+5)) {
				t.Fatalf("unexpected order or count: %d %q", len(got), got[:2])
			}
		} else if !reflect.DeepEqual(got, first) {
			t.Errorf("jobs %d: order differs from jobs 1", jobs)
		}
	}
}

func TestRunnerRecoversFromRulePanic(t *testing.T) {
	bad := &Rule{ID: "bad", Severity: Error, Run: func(*Pass) { panic("boom") }}
	r := testRunner(bad)
	res := r.Run(context.Background(), []Input{input("a.md", "text")})
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Err.Error(), "internal error in rule bad") {
		t.Errorf("errors = %v", res.Errors)
	}
}

func TestRunnerSeverityAndExcerpt(t *testing.T) {
	lower := &Rule{ID: "lower", Severity: Warning, Run: func(p *Pass) {
		p.Report(Diagnostic{Start: 4, End: 9, Message: "m", Severity: Info})
	}}
	r := testRunner(lower, wordRule("w", "needle"))
	r.Rules[1].Severity = Error // as configured
	diags, err := r.Check(mustParse(t, "One sentence here. A needle in the second sentence.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if diags[0].Severity != Info || diags[1].Severity != Error {
		t.Errorf("severities %v %v", diags[0].Severity, diags[1].Severity)
	}
	if diags[1].Excerpt != "A needle in the second sentence." {
		t.Errorf("excerpt %q", diags[1].Excerpt)
	}
	if s := diags[1].Snippet; s.Column != 1 || s.Text != "One sentence here. A needle in the second sentence." {
		t.Errorf("snippet %+v", s)
	}
}

func TestRunnerLongLineWindow(t *testing.T) {
	src := strings.Repeat("word ", 10000) + "needle " + strings.Repeat("word ", 10000)
	diags, err := testRunner(wordRule("w", "needle")).Check(mustParse(t, src))
	if err != nil {
		t.Fatal(err)
	}
	d := diags[0]
	if d.Pos.Column != 50001 || d.Snippet.Column != 50001-maxExcerpt {
		t.Errorf("column %d, snippet column %d", d.Pos.Column, d.Snippet.Column)
	}
	if n := len([]rune(d.Snippet.Text)); n > 2*maxExcerpt+len("needle") {
		t.Errorf("snippet has %d code points", n)
	}
	if !strings.HasPrefix(d.Excerpt, "…") || !strings.HasSuffix(d.Excerpt, "…") {
		t.Errorf("excerpt not cut: %.40q", d.Excerpt)
	}
}

func TestConfigure(t *testing.T) {
	a := &Rule{ID: "a", Severity: Error}
	b := &Rule{ID: "b", Severity: Warning}
	net := &Rule{ID: "net", Severity: Info, Network: true}
	cfg := &Config{Rules: map[string]RuleSetting{"a": {Severity: Info}, "b": {Off: true}}}
	ids := func(as []ActiveRule) string {
		var s []string
		for _, x := range as {
			s = append(s, fmt.Sprintf("%s=%s", x.Rule.ID, x.Severity))
		}
		return strings.Join(s, " ")
	}
	for _, tt := range []struct {
		sel  Selection
		want string
	}{
		{Selection{}, "a=info net=info"},
		{Selection{Enable: []string{"b"}}, "a=info b=warning net=info"},
		{Selection{Disable: []string{"a"}}, "net=info"},
		{Selection{Offline: true}, "a=info"},
	} {
		got, err := Configure([]*Rule{a, b, net}, cfg, tt.sel)
		if err != nil {
			t.Fatal(err)
		}
		if ids(got) != tt.want {
			t.Errorf("%+v: got %q, want %q", tt.sel, ids(got), tt.want)
		}
	}
	if _, err := Configure([]*Rule{a}, nil, Selection{Enable: []string{"nope"}}); err == nil || !strings.Contains(err.Error(), `unknown rule "nope"`) {
		t.Errorf("unknown rule: %v", err)
	}
}

// spanRule reports one finding at [start, end).
func spanRule(id string, start, end int) *Rule {
	return &Rule{ID: id, Summary: "test rule", Doc: "test", Severity: Error, Run: func(p *Pass) {
		p.Reportf(start, end, "here")
	}}
}

// An HTML block whose attribute spans two lines is valid CommonMark
// (the CommonMark spec has such examples); it holds no prose, and the
// excerpt code once indexed its empty sentence list.
func TestRunnerExcerptInProselessBlock(t *testing.T) {
	src := "<a href=\"foo\nbar\">\n"
	res := testRunner(spanRule("r", 9, 16)).Run(context.Background(), []Input{input("a.md", src)})
	if len(res.Errors) != 0 || len(res.Diagnostics) != 1 {
		t.Fatalf("errors %v, diagnostics %v", res.Errors, res.Diagnostics)
	}
	d := res.Diagnostics[0]
	if d.Excerpt != `<a href="foo` || d.Pos.Line != 1 || d.Pos.Column != 10 || d.EndPos.Line != 2 || d.EndPos.Column != 4 {
		t.Errorf("excerpt %q at %v-%v", d.Excerpt, d.Pos, d.EndPos)
	}
}

// A panic at any stage of checking one file is that file's error; the
// other files are still checked and reported.
func TestRunnerIsolatesPanics(t *testing.T) {
	// panicky panics in rule code, but only on b.md.
	panicky := &Rule{ID: "panicky", Severity: Error, Run: func(p *Pass) {
		if p.Doc.Path == "b.md" {
			var s []int
			_ = s[len(p.Doc.Path)] // a real runtime panic, not a chosen value
		}
	}}
	r := testRunner(wordRule("w", "needle"), panicky)
	r.describe = func(doc *Document, d *Diagnostic) {
		if doc.Path == "c.md" {
			panic("excerpt out of range")
		}
		describe(doc, d)
	}
	inputs := []Input{
		input("a.md", "A needle.\n"),
		input("b.md", "A needle.\n"),
		input("c.md", "A needle.\n"),
		{Path: "d.md", Format: Markdown, Read: func() ([]byte, error) { panic("read") }},
		input("e.md", "Another needle.\n"),
	}
	res := r.Run(context.Background(), inputs)
	var errs []string
	for _, e := range res.Errors {
		errs = append(errs, e.Error())
	}
	want := []string{
		"b.md: internal error in rule panicky: runtime error: index out of range [4] with length 0; please report this at " + IssuesURL,
		"c.md: internal error in positions and excerpts: excerpt out of range; please report this at " + IssuesURL,
		"d.md: internal error in reading the file: read; please report this at " + IssuesURL,
	}
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
	if got := brief(res.Diagnostics); !reflect.DeepEqual(got, []string{"a.md:1:3-1:9 w", "e.md:1:9-1:15 w"}) {
		t.Errorf("diagnostics %q", got)
	}
	if res.Files != 5 {
		t.Errorf("files %d", res.Files)
	}
}

func TestRunnerCapsFindingsPerFile(t *testing.T) {
	src := strings.Repeat("needle ", 25) + "\n"
	loud := wordRule("w", "needle")
	r := testRunner(loud, spanRule("e", 0, 1))
	r.MaxFindings = 10
	diags, err := r.Check(mustParse(t, src))
	if err != nil {
		t.Fatal(err)
	}
	// w reports 25, then e one error: the first ten kept, sixteen counted,
	// and the summary takes the highest severity dropped.
	if len(diags) != 11 {
		t.Fatalf("%d diagnostics", len(diags))
	}
	var sum []Diagnostic
	for _, d := range diags {
		if d.Rule != "w" {
			sum = append(sum, d)
		}
	}
	// The summary stands at the earliest finding dropped (e's, at offset
	// 0) with the highest severity dropped (e's).
	if len(sum) != 1 || sum[0].Rule != TooManyFindings || sum[0].Severity != Error || sum[0].Pos.Column != 1 ||
		sum[0].Message != "16 more findings in this file are not shown: citelint reports at most 10 per file" {
		t.Errorf("summary %+v", sum)
	}
	r.MaxFindings = DefaultMaxFindings
	diags, err = r.Check(mustParse(t, strings.Repeat("needle ", DefaultMaxFindings+5)))
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(diags, func(d Diagnostic) bool { return d.Rule == TooManyFindings })
	if len(diags) != DefaultMaxFindings+1 || i < 0 || !strings.HasPrefix(diags[i].Message, "6 more findings") {
		t.Errorf("default cap: %d diagnostics, summary at %d", len(diags), i)
	}
	r.MaxFindings = 0 // no bound
	if diags, err = r.Check(mustParse(t, strings.Repeat("needle ", DefaultMaxFindings+5))); err != nil || len(diags) != DefaultMaxFindings+6 {
		t.Errorf("no cap: %d diagnostics, %v", len(diags), err)
	}
}

func TestEachSurvivesAPanicInItsCallback(t *testing.T) {
	inputs := []Input{input("a.md", "One.\n"), input("b.md", "Two.\n"), input("c.md", "Three.\n")}
	got := make([]string, len(inputs))
	(&Runner{Jobs: 2}).Each(context.Background(), inputs, func(i int, doc *Document, err error) {
		if doc != nil && doc.Path == "b.md" {
			panic("collecting links")
		}
		if err != nil {
			got[i] = err.Error()
			return
		}
		got[i] = "ok"
	})
	want := []string{"ok", "internal error in processing the parsed file: collecting links; please report this at " + IssuesURL, "ok"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q", got)
	}
}
