package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// trickyMessage holds everything a format must escape or keep: quotes,
// '<', '&', '%', a colon, a comma, a line break and non-ASCII text.
const trickyMessage = "placeholder \"TK\" <left> & 100% done: a, b\nsecond line — ünïcödé"

// draft is the fixture the test rules report on. Line 3 starts with
// non-ASCII letters so that code-point and byte columns differ.
const draft = "# Report\n" +
	"\n" +
	"Ünïcödé prices rose 40% TK and \"quoted\" <tag> & more.\n" +
	"A second line with [citation needed] here and a span that runs\n" +
	"over two lines.\n"

// reportAt returns a rule that reports each occurrence of target in the
// source with a message, suggestion and fix from the other arguments.
func reportAt(id string, sev lint.Severity, target, message, suggestion, fix string) *lint.Rule {
	return &lint.Rule{
		ID:       id,
		Summary:  "test rule " + id + " <&>",
		Doc:      "# test rule " + id + "\n\nReports \"" + target + "\" & more <always>.\n\nSecond paragraph.\n",
		Severity: sev,
		Run: func(p *lint.Pass) {
			src := string(p.Doc.Source)
			for i := 0; ; {
				j := strings.Index(src[i:], target)
				if j < 0 {
					return
				}
				d := lint.Diagnostic{Start: i + j, End: i + j + len(target), Message: message, Suggestion: suggestion}
				if fix != "" {
					d.Fix = []lint.Edit{{Start: d.Start, End: d.End, New: fix}}
				}
				p.Report(d)
				i += j + len(target)
			}
		},
	}
}

func fixtureRules() []*lint.Rule {
	return []*lint.Rule{
		reportAt("placeholder", lint.Error, "TK", trickyMessage, "write the fact; don't leave \"TK\" & <co>", "to come"),
		reportAt("placeholder", lint.Error, "[citation needed]", "placeholder \"[citation needed]\" left", "", ""),
		reportAt("span-rule", lint.Warning, "runs\nover", "a span over two lines", "", ""),
		reportAt("note-rule", lint.Info, "Ünïcödé", "non-ASCII word «Ünïcödé» 100%", "", ""),
	}
}

// fixture runs the test rules over the draft and returns the result and
// the formatter options, with a clean file and a file that failed.
func fixture(t *testing.T) (*lint.Result, Options) {
	t.Helper()
	rs := fixtureRules()
	var active []lint.ActiveRule
	for _, r := range rs {
		active = append(active, lint.ActiveRule{Rule: r, Severity: r.Severity})
	}
	runner := &lint.Runner{Rules: active, Known: func(string) bool { return true }, Jobs: 1}
	const path = "docs/a, b:c.md"
	res := runner.Run(t.Context(), []lint.Input{
		{Path: path, Format: lint.FormatOf(path), Read: func() ([]byte, error) { return []byte(draft), nil }},
		{Path: "docs/clean.md", Format: lint.Markdown, Read: func() ([]byte, error) { return []byte("Nothing to see.\n"), nil }},
		{Path: "docs/missing.md", Format: lint.Markdown, Read: func() ([]byte, error) { return nil, errors.New("no such file or folder") }},
	})
	if len(res.Diagnostics) != 4 {
		t.Fatalf("fixture: got %d diagnostics, want 4: %+v", len(res.Diagnostics), res.Diagnostics)
	}
	return res, Options{
		ToolVersion: "v1.2.3",
		Rules:       []*lint.Rule{rs[0], rs[2], rs[3]},
		RuleURL:     func(id string) string { return "https://example.com/rules/" + id + ".md" },
		Files:       []string{"docs/a, b:c.md", "docs/clean.md", "docs/missing.md"},
		FailOn:      lint.Error,
	}
}

// ciFormats are the formats this file's golden tests cover.
var ciFormats = map[string]string{
	"sarif": "sarif", "github": "txt", "checkstyle": "xml", "junit": "xml", "rdjsonl": "jsonl", "gitlab": "json",
}

func render(t *testing.T, name string, o Options, res *lint.Result) []byte {
	t.Helper()
	f, err := Get(name, o)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Format(&buf, res); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", file)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestGolden(t *testing.T) {
	res, o := fixture(t)
	empty := &lint.Result{Files: 1}
	for name, ext := range ciFormats {
		t.Run(name, func(t *testing.T) {
			got := render(t, name, o, res)
			golden(t, name+"."+ext, got)
			if again := render(t, name, o, res); !bytes.Equal(got, again) {
				t.Error("two renderings of one result differ")
			}
			golden(t, name+"-empty."+ext, render(t, name, Options{ToolVersion: "v1.2.3", Files: []string{"clean.md"}}, empty))
		})
	}
}

func TestEveryFormatIsRegistered(t *testing.T) {
	for name := range ciFormats {
		if _, err := Get(name, Options{}); err != nil {
			t.Error(err)
		}
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	res, o := fixture(t)
	for name, r := range map[string]*lint.Result{"findings": res, "empty": {}} {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(render(t, "sarif", o, r)))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF output is not valid SARIF 2.1.0: %v", name, err)
		}
	}
	// The validator must catch a broken log, or the test proves nothing.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}`))
	if schema.Validate(bad) == nil {
		t.Error("schema accepted a driver without a name")
	}
}

func TestSARIFContent(t *testing.T) {
	res, o := fixture(t)
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", o, res), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || run.Tool.Driver.Version != "v1.2.3" {
		t.Errorf("columnKind %q, version %q", run.ColumnKind, run.Tool.Driver.Version)
	}
	if len(run.Results) != len(res.Diagnostics) {
		t.Fatalf("%d results for %d diagnostics", len(run.Results), len(res.Diagnostics))
	}
	for i, r := range run.Results {
		d := res.Diagnostics[i]
		if got := run.Tool.Driver.Rules[r.RuleIndex].ID; got != d.Rule {
			t.Errorf("result %d: ruleIndex points at %s, want %s", i, got, d.Rule)
		}
		reg := r.Locations[0].PhysicalLocation.Region
		if reg.StartLine != d.Pos.Line || reg.StartColumn != d.Pos.Column || reg.EndLine != d.EndPos.Line || reg.EndColumn != d.EndPos.Column {
			t.Errorf("result %d: region %+v for %v-%v", i, reg, d.Pos, d.EndPos)
		}
		if loc := r.Locations[0].PhysicalLocation.ArtifactLocation; loc.URI != "docs/a,%20b:c.md" || loc.URIBaseID != srcRoot {
			t.Errorf("result %d: artifact location %+v", i, loc)
		}
	}
	if !strings.HasPrefix(run.Results[1].Message.Text, trickyMessage) {
		t.Errorf("message did not survive: %q", run.Results[1].Message.Text)
	}
	levels := map[string]bool{}
	for _, r := range run.Results {
		levels[r.Level] = true
	}
	if !levels["error"] || !levels["warning"] || !levels["note"] {
		t.Errorf("levels %v: want error, warning and note", levels)
	}
	if len(run.Results[1].Fixes) != 1 || run.Results[1].Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != "to come" {
		t.Errorf("TK's fix missing: %+v", run.Results[1].Fixes)
	}
	if run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].ToolExecutionNotifications) != 1 {
		t.Errorf("the unreadable file is not reported: %+v", run.Invocations)
	}
}

func TestArtifactLocation(t *testing.T) {
	for in, want := range map[string]sarifArtifactLocation{
		"docs/a.md":       {URI: "docs/a.md", URIBaseID: srcRoot},
		"my draft#1?.md":  {URI: "my%20draft%231%3F.md", URIBaseID: srcRoot},
		"a:b.md":          {URI: "./a:b.md", URIBaseID: srcRoot},
		"100%.md":         {URI: "100%25.md", URIBaseID: srcRoot},
		"/home/x/é.md":    {URI: "file:///home/x/%C3%A9.md"},
		"C:/Users/x/a.md": {URI: "file:///C:/Users/x/a.md"},
		"../sibling/a.md": {URI: "../sibling/a.md", URIBaseID: srcRoot},
		"<stdin>":         {URI: "%3Cstdin%3E", URIBaseID: srcRoot},
	} {
		if got := artifactLocation(in); got != want {
			t.Errorf("artifactLocation(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	res := &lint.Result{Diagnostics: []lint.Diagnostic{{
		Path: "a,b:c%.md", Rule: "r", Severity: lint.Warning,
		Message: "100% \"sure\"\r\nnext: line, really", Suggestion: "fix it",
		Pos: lint.Position{Line: 2, Column: 3}, EndPos: lint.Position{Line: 2, Column: 5},
	}, {
		Path: "b.md", Rule: "r", Severity: lint.Info, Message: "over lines",
		Pos: lint.Position{Line: 2, Column: 3}, EndPos: lint.Position{Line: 4, Column: 2},
	}, {
		Path: "c.md", Rule: "r", Severity: lint.Error, Message: "ends with a line break",
		Pos: lint.Position{Line: 2, Column: 3}, EndPos: lint.Position{Line: 3, Column: 1},
	}}}
	var buf bytes.Buffer
	if err := (GitHub{}).Format(&buf, res); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=a%2Cb%3Ac%25.md,line=2,endLine=2,col=3,endColumn=4,title=r::100%25 \"sure\"%0D%0Anext: line, really%0Ahelp: fix it\n" +
		"::notice file=b.md,line=2,endLine=4,title=r::over lines\n" +
		"::error file=c.md,line=2,endLine=2,title=r::ends with a line break\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestXMLFormatsParseBack(t *testing.T) {
	res, o := fixture(t)

	var cs checkstyleReport
	if err := xml.Unmarshal(render(t, "checkstyle", o, res), &cs); err != nil {
		t.Fatalf("checkstyle: %v", err)
	}
	if len(cs.Files) != 3 || cs.Files[0].Name != "docs/a, b:c.md" || len(cs.Files[0].Errors) != 4 || len(cs.Files[1].Errors) != 0 {
		t.Fatalf("checkstyle files: %+v", cs.Files)
	}
	if got := cs.Files[0].Errors[1].Message; got != trickyMessage {
		t.Errorf("checkstyle message = %q, want %q", got, trickyMessage)
	}

	var ju junitSuites
	if err := xml.Unmarshal(render(t, "junit", o, res), &ju); err != nil {
		t.Fatalf("junit: %v", err)
	}
	if ju.Tests != 6 || ju.Failures != 2 || ju.Errors != 1 || len(ju.Suites) != 3 {
		t.Fatalf("junit totals: tests %d failures %d errors %d suites %d", ju.Tests, ju.Failures, ju.Errors, len(ju.Suites))
	}
	clean := ju.Suites[1]
	if clean.Name != "docs/clean.md" || len(clean.Cases) != 1 || clean.Cases[0].Failure != nil || clean.Cases[0].Error != nil {
		t.Errorf("clean file has no passing testcase: %+v", clean)
	}
	if got := ju.Suites[0].Cases[1].Failure.Message; got != trickyMessage {
		t.Errorf("junit message = %q, want %q", got, trickyMessage)
	}
}

// TestJUnitFailsOnlyAtFailOn checks that JUnit's failures are the findings
// that fail the run, and that the others are still listed with their text.
func TestJUnitFailsOnlyAtFailOn(t *testing.T) {
	res, o := fixture(t)
	for _, tt := range []struct {
		failOn  lint.Severity
		failing []string // "rule severity" of each failing case, in order
	}{
		{0, nil},
		{lint.Error, []string{"placeholder", "placeholder"}},
		{lint.Warning, []string{"placeholder", "placeholder", "span-rule"}},
		{lint.Info, []string{"note-rule", "placeholder", "placeholder", "span-rule"}},
	} {
		o.FailOn = tt.failOn
		var ju junitSuites
		if err := xml.Unmarshal(render(t, "junit", o, res), &ju); err != nil {
			t.Fatal(err)
		}
		var failing, passing []string
		for _, c := range ju.Suites[0].Cases {
			if c.Failure != nil {
				failing = append(failing, c.Failure.Type)
				continue
			}
			_, rule, _ := strings.Cut(c.Name, " ")
			if !strings.Contains(c.SystemOut, "["+rule+"]") {
				t.Errorf("fail-on %v: passing case %q lacks its finding in system-out: %q", tt.failOn, c.Name, c.SystemOut)
			}
			passing = append(passing, rule)
		}
		if strings.Join(failing, ",") != strings.Join(tt.failing, ",") || ju.Failures != len(tt.failing) || ju.Suites[0].Failures != len(tt.failing) {
			t.Errorf("fail-on %v: failing %q (%d, suite %d), want %q", tt.failOn, failing, ju.Failures, ju.Suites[0].Failures, tt.failing)
		}
		if len(failing)+len(passing) != 4 || ju.Tests != 6 {
			t.Errorf("fail-on %v: %d cases for 4 findings, %d tests", tt.failOn, len(failing)+len(passing), ju.Tests)
		}
	}
}

func TestJSONFormatsParseBack(t *testing.T) {
	res, o := fixture(t)

	var issues []gitlabIssue
	if err := json.Unmarshal(render(t, "gitlab", o, res), &issues); err != nil {
		t.Fatalf("gitlab: %v", err)
	}
	seen := map[string]bool{}
	for _, is := range issues {
		if seen[is.Fingerprint] {
			t.Errorf("fingerprint %s repeats", is.Fingerprint)
		}
		seen[is.Fingerprint] = true
	}
	if len(issues) != 4 || issues[1].Description != trickyMessage || issues[1].Severity != "major" {
		t.Errorf("gitlab issues: %+v", issues)
	}
	if out := render(t, "gitlab", o, &lint.Result{}); string(out) != "[]\n" {
		t.Errorf("gitlab with no findings = %q, want []", out)
	}

	sc := bufio.NewScanner(bytes.NewReader(render(t, "rdjsonl", o, res)))
	var lines []rdDiagnostic
	for sc.Scan() {
		var d rdDiagnostic
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("rdjsonl line %q: %v", sc.Text(), err)
		}
		lines = append(lines, d)
	}
	if len(lines) != 5 { // the unreadable file, then four findings
		t.Fatalf("rdjsonl: %d lines, want 5", len(lines))
	}
	if lines[0].Location.Path != "docs/missing.md" || lines[0].Location.Range != nil {
		t.Errorf("rdjsonl file error: %+v", lines[0])
	}
}

func TestRDJSONLColumnsAreBytes(t *testing.T) {
	res, o := fixture(t)
	sc := bufio.NewScanner(bytes.NewReader(render(t, "rdjsonl", o, res)))
	for sc.Scan() {
		var d rdDiagnostic
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		if d.Location.Range == nil {
			continue
		}
		// Check every position against the draft itself.
		lines := strings.SplitAfter(draft, "\n")
		for _, p := range []rdPosition{d.Location.Range.Start, d.Location.Range.End} {
			if p.Column < 1 || p.Column > len(lines[p.Line-1])+1 {
				t.Errorf("%s: column %d out of line %d", d.Code.Value, p.Column, p.Line)
			}
		}
		start := d.Location.Range.Start
		line := lines[start.Line-1]
		switch d.Code.Value {
		case "placeholder":
			if !strings.HasPrefix(line[start.Column-1:], "TK") && !strings.HasPrefix(line[start.Column-1:], "[citation") {
				t.Errorf("placeholder at byte column %d of %q", start.Column, line)
			}
			if strings.HasPrefix(line[start.Column-1:], "TK") {
				if len(d.Suggestions) != 1 || d.Suggestions[0].Range.Start.Column != start.Column || d.Suggestions[0].Range.End.Column != start.Column+2 {
					t.Errorf("TK suggestion: %+v", d.Suggestions)
				}
			}
		case "note-rule":
			if end := d.Location.Range.End; line[start.Column-1:end.Column-1] != "Ünïcödé" {
				t.Errorf("note-rule spans %q", line[start.Column-1:end.Column-1])
			}
		}
	}
}
