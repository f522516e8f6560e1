package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden outputs in testdata/golden (review the diff!)")

// binary is the citelint executable built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "citelint-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	binary = filepath.Join(dir, "citelint")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build citelint:", err)
		os.Exit(2)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// citelint runs the binary in dir with the given standard input and
// arguments; env adds to a minimal environment.
func citelint(t *testing.T, dir, stdin string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append([]string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errOut.String(), code}
}

// files writes a set of files into a new temporary directory.
func files(t *testing.T, fs map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range fs {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type jsonDiag struct {
	Path                             string
	Line, Column, EndLine, EndColumn int
	Offset, EndOffset                int
	Rule, Severity, Message, Excerpt string
	Suggestion                       string
}

type jsonOut struct {
	Version     int
	Diagnostics []jsonDiag
	Errors      []struct{ Path, Message string }
	Summary     struct{ Files, Error, Warning, Info int }
}

func decode(t *testing.T, s string) jsonOut {
	t.Helper()
	var out jsonOut
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, s)
	}
	return out
}

// spans renders diagnostics as "path line:col-endLine:endCol [offset,end) rule".
func spans(out jsonOut) []string {
	var s []string
	for _, d := range out.Diagnostics {
		s = append(s, fmt.Sprintf("%s %d:%d-%d:%d [%d,%d) %s", d.Path, d.Line, d.Column, d.EndLine, d.EndColumn, d.Offset, d.EndOffset, d.Rule))
	}
	return s
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

func TestExampleDraftsGolden(t *testing.T) {
	root := filepath.Join("..", "..")
	for _, tt := range []struct{ golden, format string }{
		{"drafts.txt", "text"},
		{"drafts.json", "json"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			r := citelint(t, root, "", nil, "--offline", "--color", "never", "--format", tt.format, "testdata/drafts")
			// The drafts' web links are not in this fresh cache: --offline says so once.
			if r.code != exitFindings || r.stderr != "citelint: offline: 5 links not checked (no recent result in the cache; \"citelint links PATH...\" checks them and fills it)\n" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			golden := filepath.Join(root, "testdata", "golden", tt.golden)
			if *update {
				if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if r.stdout != string(want) {
				t.Errorf("output differs from %s (go test ./cmd/citelint -run Golden -update, then review):\n%s", golden, r.stdout)
			}
		})
	}
}

func TestExitCodesAndFailOn(t *testing.T) {
	dir := files(t, map[string]string{
		"clean.md":   "Nothing to see.\n",
		"error.md":   "Opens at TK.\n",
		"warning.md": "<!-- citelint-disable-line nope -->\n",
	})
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"clean.md"}, exitClean},
		{[]string{"error.md"}, exitFindings},
		{[]string{"--fail-on", "never", "error.md"}, exitClean},
		{[]string{"warning.md"}, exitClean},
		{[]string{"--fail-on", "warning", "warning.md"}, exitFindings},
		{[]string{"--fail-on", "info", "warning.md"}, exitFindings},
		{[]string{"--fail-on", "warning", "clean.md"}, exitClean},
		{[]string{"--disable", "citation-needed-marker", "error.md"}, exitClean},
		{[]string{"--fail-on", "sometimes", "clean.md"}, exitError},
		{[]string{"--color", "purple", "clean.md"}, exitError},
		{[]string{"--format", "yaml", "clean.md"}, exitError},
		{[]string{"--enable", "no-such-rule", "clean.md"}, exitError},
		{[]string{"--no-such-flag", "clean.md"}, exitError},
	} {
		r := citelint(t, dir, "", nil, tt.args...)
		if r.code != tt.code {
			t.Errorf("citelint %s: exit %d, want %d\n%s%s", strings.Join(tt.args, " "), r.code, tt.code, r.stdout, r.stderr)
		}
	}
}

func TestFlagsAfterPaths(t *testing.T) {
	dir := files(t, map[string]string{"a.md": "At TK.\n"})
	r := citelint(t, dir, "", nil, "a.md", "--format", "json", "-q")
	if out := decode(t, r.stdout); len(out.Diagnostics) != 1 || r.code != exitFindings {
		t.Errorf("exit %d, output %s", r.code, r.stdout)
	}
	r = citelint(t, dir, "", nil, "check", "--", "a.md")
	if r.code != exitFindings || !strings.Contains(r.stdout, "a.md:1:4: error:") {
		t.Errorf("check --: exit %d\n%s", r.code, r.stdout)
	}
}

func TestStdin(t *testing.T) {
	dir := t.TempDir()
	r := citelint(t, dir, "Draft with TK.\n", nil, "--format", "json", "--stdin-filename", "posts/draft.md", "-")
	equal(t, "stdin", spans(decode(t, r.stdout)), []string{"posts/draft.md 1:12-1:14 [11,13) citation-needed-marker"})
	r = citelint(t, dir, "TK\n", nil, "-")
	if !strings.HasPrefix(r.stdout, "<stdin>:1:1: error: ") {
		t.Errorf("unnamed stdin: %q", r.stdout)
	}
}

func TestPositions(t *testing.T) {
	dir := files(t, map[string]string{
		"crlf.md":    "First line.\r\nThen TK here.\r\n\r\nAnd TK.\r\n",
		"bom.md":     "\ufeffTK at the start.\n",
		"tabs.md":    "Text\tand\tTK\n",
		"multi.md":   "Café — naïve TK; 日本語の TK.\n",
		"lone-cr.md": "One\rtwo TK\n",
	})
	r := citelint(t, dir, "", nil, "--format", "json", ".")
	equal(t, "positions", spans(decode(t, r.stdout)), []string{
		"bom.md 1:1-1:3 [3,5) citation-needed-marker",
		"crlf.md 2:6-2:8 [18,20) citation-needed-marker",
		"crlf.md 4:5-4:7 [34,36) citation-needed-marker",
		"lone-cr.md 1:9-1:11 [8,10) citation-needed-marker",
		"multi.md 1:14-1:16 [17,19) citation-needed-marker",
		"multi.md 1:23-1:25 [34,36) citation-needed-marker",
		"tabs.md 1:10-1:12 [9,11) citation-needed-marker",
	})
}

func TestCaretsAlignUnderWideCharactersAndTabs(t *testing.T) {
	dir := files(t, map[string]string{"a.md": "日本\tTK\n"})
	r := citelint(t, dir, "", nil, "--color", "never", "a.md")
	want := "a.md:1:4: error: placeholder \"TK\" left in the draft [citation-needed-marker]\n" +
		"    日本    TK\n" +
		"            ^^\n"
	if !strings.HasPrefix(r.stdout, want) {
		t.Errorf("got\n%s\nwant prefix\n%s", r.stdout, want)
	}
}

func TestBadFilesDoNotStopTheRun(t *testing.T) {
	dir := files(t, map[string]string{
		"good.md":   "At TK.\n",
		"binary.md": "PNG\x00\x01\x02",
		"latin1.md": "caf\xe9 TK\n",
		"deep.md":   strings.Repeat("- ", 200) + "x\n",
	})
	r := citelint(t, dir, "", nil, "--format", "json", "good.md", "missing.md", "binary.md", "latin1.md", "deep.md")
	if r.code != exitError {
		t.Errorf("exit %d, want %d", r.code, exitError)
	}
	out := decode(t, r.stdout)
	equal(t, "diagnostics", spans(out), []string{"good.md 1:4-1:6 [3,5) citation-needed-marker"})
	var errs []string
	for _, e := range out.Errors {
		errs = append(errs, e.Path+": "+e.Message)
	}
	equal(t, "errors", errs, []string{
		"missing.md: no such file or folder",
		"binary.md: binary file (holds a NUL byte); citelint checks UTF-8 text",
		"latin1.md: invalid UTF-8 at line 1, column 4 (byte 3); save the file as UTF-8",
		"deep.md: line 1: lists and block quotes nest about 200 levels deep; citelint checks files nested at most 64 levels",
	})
	for _, e := range errs {
		if !strings.Contains(r.stderr, "citelint: "+e) {
			t.Errorf("stderr lacks %q:\n%s", e, r.stderr)
		}
	}
	if out.Summary.Files != 5 {
		t.Errorf("summary files %d, want 5", out.Summary.Files)
	}
}

func TestConfigErrorsExitTwo(t *testing.T) {
	for _, tt := range []struct{ config, want string }{
		{"rulez: {}\n", `config .citelint.yml:1:1: unknown key "rulez"`},
		{"rules:\n  no-such-rule: error\n", `config .citelint.yml:2:3: unknown rule "no-such-rule"`},
		{"rules:\n  citation-needed-marker: fatal\n", `config .citelint.yml:2:27: rule citation-needed-marker: unknown severity "fatal"`},
		{"rules:\n  citation-needed-marker: {colour: red}\n", `config .citelint.yml:2:28: unknown key "colour" in rules.citation-needed-marker: expected severity`},
		{"ignore: [\"a[\"]\n", `config .citelint.yml:1:9: ignore: bad glob pattern "a["`},
		{"rules: [\n", `config .citelint.yml:`},
	} {
		dir := files(t, map[string]string{".citelint.yml": tt.config, "a.md": "fine\n"})
		r := citelint(t, dir, "", nil, "a.md")
		if r.code != exitError || !strings.Contains(r.stderr, "citelint: "+tt.want) {
			t.Errorf("config %q: exit %d, stderr %q, want %q", tt.config, r.code, r.stderr, tt.want)
		}
	}
	dir := files(t, map[string]string{"a.md": "fine\n"})
	if r := citelint(t, dir, "", nil, "--config", "nope.yml", "a.md"); r.code != exitError || !strings.Contains(r.stderr, "nope.yml") {
		t.Errorf("missing --config file: exit %d, %q", r.code, r.stderr)
	}
}

func TestConfigAppliesFromParentDirectory(t *testing.T) {
	dir := files(t, map[string]string{
		".citelint.yml":            "rules:\n  citation-needed-marker: warning\nignore: [\"drafts/old/**\", \"NOTES.md\"]\n",
		"drafts/new.md":            "At TK.\n",
		"drafts/old/a.md":          "At TK.\n",
		"drafts/NOTES.md":          "At TK.\n",
		"drafts/node_modules/x.md": "At TK.\n",
		"drafts/vendor/y.md":       "At TK.\n",
		"drafts/attic/.git/z.md":   "At TK.\n",
		"drafts/notes.txt":         "Plain TK.\n",
		"drafts/image.png":         "TK",
	})
	r := citelint(t, filepath.Join(dir, "drafts"), "", nil, "--format", "json", ".")
	out := decode(t, r.stdout)
	equal(t, "diagnostics", spans(out), []string{
		"new.md 1:4-1:6 [3,5) citation-needed-marker",
	})
	if r.code != exitClean || out.Diagnostics[0].Severity != "warning" {
		t.Errorf("exit %d, severity %s: the parent's config must apply", r.code, out.Diagnostics[0].Severity)
	}
}

func TestGlobs(t *testing.T) {
	dir := files(t, map[string]string{"a/x.md": "TK\n", "a/b/y.md": "TK\n", "a/b/z.txt": "TK\n"})
	r := citelint(t, dir, "", nil, "--format", "json", "a/**/*.md")
	equal(t, "glob", spans(decode(t, r.stdout)), []string{
		"a/b/y.md 1:1-1:3 [0,2) citation-needed-marker",
		"a/x.md 1:1-1:3 [0,2) citation-needed-marker",
	})
	r = citelint(t, dir, "", nil, "nothing/*.md")
	if r.code != exitError || !strings.Contains(r.stderr, "nothing/*.md: no file matches this pattern") {
		t.Errorf("empty glob: exit %d %q", r.code, r.stderr)
	}
}

func TestSuppressionComments(t *testing.T) {
	src := "TK one.\n\n" +
		"<!-- citelint-disable-next-line citation-needed-marker -- layout fills it -->\n\nTK two.\n\n" +
		"TK three. <!-- citelint-disable-line -->\n\n" +
		"<!-- citelint-disable -->\n\nTK four.\n\n<!-- citelint-enable -->\n\n" +
		"TK five.\n\n" +
		"<!-- citelint-disable citation-needed-marker typo-rule -->\n"
	dir := files(t, map[string]string{"a.md": src, "b.md": "TK\n<!-- citelint-disable-file -->\n"})
	r := citelint(t, dir, "", nil, "--format", "json", "a.md", "b.md")
	equal(t, "suppressions", spans(decode(t, r.stdout)), []string{
		"a.md 1:1-1:3 [0,2) citation-needed-marker",
		"a.md 15:1-15:3 [202,204) citation-needed-marker",
		"a.md 17:1-17:59 [212,270) invalid-suppression",
	})
}

func TestColor(t *testing.T) {
	dir := files(t, map[string]string{"a.md": "TK\n"})
	if r := citelint(t, dir, "", nil, "--color", "always", "a.md"); !strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("--color always: no escape codes in %q", r.stdout)
	}
	for _, args := range [][]string{{"--color", "never", "a.md"}, {"a.md"}} {
		if r := citelint(t, dir, "", nil, args...); strings.Contains(r.stdout, "\x1b[") {
			t.Errorf("%v: escape codes in %q", args, r.stdout)
		}
	}
	// Under a terminal, auto colors unless NO_COLOR is set. util-linux's
	// script gives the binary a pseudo-terminal.
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("no script(1) to provide a terminal")
	}
	tty := func(env ...string) string {
		cmd := exec.Command(script, "-qec", binary+" a.md", "/dev/null")
		cmd.Dir = dir
		cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "TERM=xterm"}, env...)
		out, _ := cmd.Output()
		return string(out)
	}
	if out := tty(); !strings.Contains(out, "\x1b[") {
		t.Errorf("auto on a terminal: no color in %q", out)
	}
	if out := tty("NO_COLOR=1"); strings.Contains(out, "\x1b[") || !strings.Contains(out, "a.md:1:1: error:") {
		t.Errorf("NO_COLOR on a terminal: %q", out)
	}
}

func TestOutputFile(t *testing.T) {
	dir := files(t, map[string]string{"a.md": "TK\n"})
	r := citelint(t, dir, "", nil, "--format", "json", "--output", "report.json", "a.md")
	if r.code != exitFindings || r.stdout != "" {
		t.Errorf("exit %d, stdout %q", r.code, r.stdout)
	}
	b, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "report", spans(decode(t, string(b))), []string{"a.md 1:1-1:3 [0,2) citation-needed-marker"})
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestRulesExplainVersion(t *testing.T) {
	dir := t.TempDir()
	r := citelint(t, dir, "", nil, "rules")
	if r.code != 0 || !strings.Contains(r.stdout, "citation-needed-marker  error") {
		t.Errorf("rules: %d %q", r.code, r.stdout)
	}
	r = citelint(t, dir, "", nil, "explain", "citation-needed-marker")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "citation-needed-marker (default severity: error)\n\n# editorial placeholders") {
		t.Errorf("explain: %d %q", r.code, r.stdout)
	}
	r = citelint(t, dir, "", nil, "explain", "nope")
	if r.code != exitError || !strings.Contains(r.stderr, `unknown rule "nope"`) {
		t.Errorf("explain nope: %d %q", r.code, r.stderr)
	}
	r = citelint(t, dir, "", nil, "version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "citelint ") {
		t.Errorf("version: %d %q", r.code, r.stdout)
	}
}

func TestInit(t *testing.T) {
	dir := files(t, map[string]string{"a.md": "TK\n"})
	r := citelint(t, dir, "", nil, "init")
	if r.code != 0 || r.stdout != "wrote .citelint.yml\n" {
		t.Fatalf("init: %d %q %q", r.code, r.stdout, r.stderr)
	}
	written, err := os.ReadFile(filepath.Join(dir, ".citelint.yml"))
	if err != nil {
		t.Fatal(err)
	}
	// The written file is valid config that keeps every default.
	if r := citelint(t, dir, "", nil, "--format", "json", "a.md"); r.code != exitFindings || r.stderr != "" {
		t.Errorf("check with the written config: %d %q", r.code, r.stderr)
	}
	for _, want := range []string{"citation-needed-marker: error", "    min-count: 11\n", "\ninclude: []\n", "# links:\n", "#   timeout: 15s\n"} {
		if !strings.Contains(string(written), want) {
			t.Errorf("config lacks %q:\n%s", want, written)
		}
	}
	// The links section, uncommented, is valid too.
	uncommented := strings.NewReplacer("# links:", "links:", "#   timeout: 15s", "  timeout: 15s").Replace(string(written))
	if err := os.WriteFile(filepath.Join(dir, ".citelint.yml"), []byte(uncommented), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := citelint(t, dir, "", nil, "--offline", "a.md"); r.code != exitFindings || r.stderr != "" {
		t.Errorf("check with the links section: %d %q", r.code, r.stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, ".citelint.yml"), written, 0o644); err != nil {
		t.Fatal(err)
	}
	r = citelint(t, dir, "", nil, "init")
	if r.code != exitError || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("second init: %d %q", r.code, r.stderr)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, ".citelint.yml")); !bytes.Equal(again, written) {
		t.Error("init overwrote the config")
	}
}

// TestOwnDocsPass runs citelint over its own README and rule documentation,
// as written and as "citelint explain" prints it: the examples that show
// findings sit in code, where they are not prose.
func TestOwnDocsPass(t *testing.T) {
	root := filepath.Join("..", "..")
	docs, err := filepath.Glob(filepath.Join(root, "rules", "*", "doc.md"))
	if err != nil || len(docs) == 0 {
		t.Fatalf("no rule documentation found: %v", err)
	}
	args := []string{"--offline", "--fail-on", "info", "--color", "never", "README.md"}
	for _, d := range docs {
		rel, err := filepath.Rel(root, d)
		if err != nil {
			t.Fatal(err)
		}
		args = append(args, filepath.ToSlash(rel))
	}
	r := citelint(t, root, "", nil, args...)
	if r.code != exitClean {
		t.Errorf("exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	// What "citelint explain" prints, word lists filled in, passes too.
	explained := t.TempDir()
	args = []string{"--offline", "--fail-on", "info", "--color", "never"}
	for _, d := range docs {
		id := filepath.Base(filepath.Dir(d))
		r := citelint(t, explained, "", nil, "explain", id)
		if r.code != exitClean {
			t.Fatalf("explain %s: exit %d: %s", id, r.code, r.stderr)
		}
		if err := os.WriteFile(filepath.Join(explained, id+".md"), []byte(r.stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, id+".md")
	}
	if r := citelint(t, explained, "", nil, args...); r.code != exitClean {
		t.Errorf("explain output: exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
}
