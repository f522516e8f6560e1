package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/report"
)

// citelintWithin runs the binary as citelint does, but fails the test
// instead of hanging when the run takes longer than limit.
func citelintWithin(t *testing.T, limit time.Duration, dir string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("citelint %s did not finish within %s", strings.Join(args, " "), limit)
	}
	code := 0
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errOut.String(), code}
}

// panickyFormatter fails on the findings of one file, as a formatter bug
// triggered by one draft would.
type panickyFormatter struct{ on string }

func (p panickyFormatter) Format(w io.Writer, res *lint.Result) error {
	for _, d := range res.Diagnostics {
		if d.Path == p.on {
			panic("index out of range")
		}
		if _, err := io.WriteString(w, d.Path+"\n"); err != nil {
			return err
		}
	}
	return nil
}

func TestFormatterPanicIsThatFilesError(t *testing.T) {
	res := &lint.Result{Files: 3, Diagnostics: []lint.Diagnostic{
		{Path: "a.md", Rule: "r", Severity: lint.Error, Message: "m"},
		{Path: "b.md", Rule: "r", Severity: lint.Error, Message: "m"},
		{Path: "c.md", Rule: "r", Severity: lint.Error, Message: "m"},
	}}
	json, err := report.Get("json", report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := report.RenderAll([]report.Named{{Name: "json", Formatter: json}, {Name: "text", Formatter: panickyFormatter{on: "b.md"}}}, res)
	if err != nil {
		t.Fatal(err)
	}
	if got := out[1].String(); got != "a.md\nc.md\n" {
		t.Errorf("text output %q", got)
	}
	// The format rendered before the failure was found is rendered again:
	// both agree that b.md could not be checked.
	if js := out[0].String(); strings.Count(js, `"rule": "r"`) != 2 || !strings.Contains(js, `"message": "internal error in the text formatter`) {
		t.Errorf("json output:\n%s", out[0])
	}
	if len(res.Errors) != 1 || res.Errors[0].Error() != "b.md: internal error in the text formatter: index out of range; please report this at "+lint.IssuesURL {
		t.Errorf("errors %v", res.Errors)
	}
}

func TestProselessHTMLBlockChecksWithOtherFiles(t *testing.T) {
	dir := files(t, map[string]string{
		"a.md": "<a href=\"missing\nfile.md\">\n",
		"b.md": "Sales rose [citation needed].\n",
	})
	r := citelint(t, dir, "", nil, "--offline", "a.md", "b.md")
	if r.code != 1 || r.stderr != "" || !strings.Contains(r.stdout, "a.md:1:10: error: dead link") ||
		!strings.Contains(r.stdout, "b.md:1:12: error: placeholder") {
		t.Errorf("code %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestFileSizeLimit(t *testing.T) {
	dir := files(t, map[string]string{
		"a.md":    "Sales rose [citation needed].\n",
		"big.md":  strings.Repeat("Plain prose here. ", 100), // 1800 bytes
		"cfg.yml": "limits:\n  max-file-size: 1kB\n",
	})
	const tooBig = "big.md: not checked: it is 1.8 kB, over the 1.0 kB limit; raise it with --max-file-size or limits.max-file-size in the config if this is really a draft\n"
	for _, args := range [][]string{
		{"--max-file-size", "1KB", "a.md", "big.md"},
		{"--config", "cfg.yml", "a.md", "big.md"},
	} {
		r := citelint(t, dir, "", nil, args...)
		if r.code != 2 || r.stderr != "citelint: "+tooBig || !strings.Contains(r.stdout, "a.md:1:12: error: placeholder") ||
			!strings.HasSuffix(r.stdout, "1 error, 0 warnings, 0 info in 2 files\n") {
			t.Errorf("%v: code %d\nstdout:\n%s\nstderr:\n%s", args, r.code, r.stdout, r.stderr)
		}
	}
	// Standard input and a device that never ends stop at the limit.
	r := citelint(t, dir, strings.Repeat("x", 2000), nil, "--max-file-size", "1KB", "-")
	if r.code != 2 || r.stderr != "citelint: <stdin>: not checked: it is larger than the 1.0 kB limit; raise it with --max-file-size or limits.max-file-size in the config if this is really a draft\n" {
		t.Errorf("stdin: code %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		start := time.Now()
		r := citelintWithin(t, 20*time.Second, dir, "/dev/zero")
		if r.code != 2 || !strings.HasPrefix(r.stderr, "citelint: /dev/zero: not checked: it is larger than the 10 MB limit") {
			t.Errorf("/dev/zero: code %d, stderr %q", r.code, r.stderr)
		}
		t.Logf("/dev/zero refused in %s", time.Since(start))
	}
	for _, bad := range []string{"0", "ten", "-5MB"} {
		r := citelint(t, dir, "", nil, "--max-file-size", bad, "a.md")
		if r.code != 2 || !strings.Contains(r.stderr, "--max-file-size: \""+bad+"\" is not a size; write one such as 10MB or 512KB") {
			t.Errorf("%s: code %d, stderr %q", bad, r.code, r.stderr)
		}
	}
}

func TestMaxFindings(t *testing.T) {
	dir := files(t, map[string]string{
		"a.md":    "Sales [citation needed] rose TK and [citation needed] fell [TK].\n",
		"cfg.yml": "limits:\n  max-findings: 2\n",
	})
	for _, args := range [][]string{{"--max-findings", "2", "a.md"}, {"--config", "cfg.yml", "a.md"}} {
		r := citelint(t, dir, "", nil, append(args, "-f", "json")...)
		var got []string
		for _, d := range decode(t, r.stdout).Diagnostics {
			got = append(got, d.Rule+": "+d.Message)
		}
		equal(t, strings.Join(args, " "), got, []string{
			`citation-needed-marker: placeholder "[citation needed]" left in the draft`,
			`citation-needed-marker: placeholder "TK" left in the draft`,
			"too-many-findings: 2 more findings in this file are not shown: citelint reports at most 2 per file",
		})
		if r.code != 1 {
			t.Errorf("code %d", r.code)
		}
	}
	// By default, 10,000.
	if err := os.WriteFile(filepath.Join(dir, "many.md"), []byte(strings.Repeat("TK ", 10003)), 0o644); err != nil {
		t.Fatal(err)
	}
	r := citelint(t, dir, "", nil, "-q", "many.md")
	if n := strings.Count(r.stdout, "[citation-needed-marker]"); n != 10000 ||
		!strings.Contains(r.stdout, "error: 3 more findings in this file are not shown: citelint reports at most 10000 per file [too-many-findings]") {
		t.Errorf("%d findings, code %d", n, r.code)
	}
}

// Globs, like folder walks, follow no symbolic link and take regular files
// only: a FIFO would block the run forever, and links looping back to their
// folder would make the walk exponential.
func TestGlobsSkipLinksAndSpecialFiles(t *testing.T) {
	dir := files(t, map[string]string{"a.md": "One.\n", "sub/b.md": "Two.\n"})
	for _, name := range []string{"loop1", "loop2", "sub/loop3"} {
		if err := os.Symlink("..", filepath.Join(dir, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	if err := os.Symlink("a.md", filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.md"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, pattern := range []string{"**/*.md", "*.md"} {
		r := citelintWithin(t, 20*time.Second, dir, "-f", "checkstyle", pattern)
		var got []string
		for _, line := range strings.Split(r.stdout, "\n") {
			if name, ok := strings.CutPrefix(strings.TrimSpace(line), `<file name="`); ok {
				name, _, _ = strings.Cut(name, `"`)
				got = append(got, name)
			}
		}
		want := []string{"a.md", "sub/b.md"}
		if pattern == "*.md" {
			want = want[:1]
		}
		equal(t, pattern, got, want)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("%s: code %d, stderr %q", pattern, r.code, r.stderr)
		}
	}
}

const draftText = "Sales rose [citation needed].\n"

func TestOutputNeverReplacesAnInput(t *testing.T) {
	dir := files(t, map[string]string{
		"draft.md":      draftText,
		"notes.md":      "# Notes\n\nNot a baseline.\n",
		".citelint.yml": "rules: {}\n",
		"old.json":      `{"version": 0, "findings": []}`,
		"docs/x.md":     draftText,
	})
	if err := os.Symlink("draft.md", filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(filepath.Join(dir, "draft.md"), filepath.Join(dir, "hard.md")); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"draft.md", "-o", "draft.md"}, "cannot write a report to draft.md: citelint reads that file, and a report would replace it; name another file"},
		{[]string{"draft.md", "--format", "json=draft.md"}, "cannot write a report to draft.md: citelint reads that file, and a report would replace it; name another file"},
		{[]string{"draft.md", "-o", "link.md"}, "cannot write a report to link.md: it is draft.md, which citelint reads, and a report would replace it; name another file"},
		{[]string{"link.md", "-o", "hard.md"}, "cannot write a report to hard.md: it is link.md, which citelint reads, and a report would replace it; name another file"},
		{[]string{"draft.md", "-o", ".citelint.yml"}, "cannot write a report to .citelint.yml: citelint reads that file, and a report would replace it; name another file"},
		{[]string{"draft.md", "-o", "docs"}, "cannot write a report to docs: it is a folder; name a file"},
		{[]string{"baseline", "draft.md"}, "cannot write the baseline to draft.md: it holds something other than a citelint baseline (a draft?), which would be lost; name a new file, such as .citelint-baseline.json"},
		{[]string{"baseline", "notes.md", "docs"}, "cannot write the baseline to notes.md: it holds something other than a citelint baseline (a draft?), which would be lost; name a new file, such as .citelint-baseline.json"},
		{[]string{"baseline", "docs", "draft.md"}, "cannot write the baseline to docs: it is a folder; name a file"},
		{[]string{"baseline", "b.json", "-", "--stdin-filename", "b.json"}, "cannot write the baseline to b.json: citelint reads that file, and the baseline would replace it; name another file"},
	} {
		if tt.args[0] == "baseline" && tt.args[1] == "b.json" {
			if err := os.WriteFile(filepath.Join(dir, "b.json"), []byte("{\"version\": 1}"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		r := citelint(t, dir, draftText, nil, tt.args...)
		if r.code != 2 || r.stderr != "citelint: "+tt.msg+"\n" {
			t.Errorf("%v: code %d, stderr %q", tt.args, r.code, r.stderr)
		}
	}
	for name, want := range map[string]string{"draft.md": draftText, "notes.md": "# Notes\n\nNot a baseline.\n", ".citelint.yml": "rules: {}\n"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != want {
			t.Errorf("%s now holds %q (%v)", name, b, err)
		}
	}
	if info, err := os.Lstat(filepath.Join(dir, "link.md")); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("link.md is no longer a link: %v", err)
	}
	// A baseline of another version may be replaced: it is a baseline.
	if r := citelint(t, dir, "", nil, "baseline", "old.json", "docs"); r.code != 0 || r.stdout != "recorded 1 finding in old.json from 1 file\n" {
		t.Errorf("baseline over an old one: code %d, %q %q", r.code, r.stdout, r.stderr)
	}
}

func TestOutputToSpecialFiles(t *testing.T) {
	dir := files(t, map[string]string{"draft.md": draftText, "real/keep.txt": ""})
	const report = "draft.md:1:12: error: placeholder \"[citation needed]\" left in the draft [citation-needed-marker]\n"

	// A FIFO is written in place, read by another process, and stays a FIFO.
	fifo := filepath.Join(dir, "out.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		b, _ := os.ReadFile(fifo) // blocks until citelint opens it
		got <- string(b)
	}()
	if r := citelintWithin(t, 20*time.Second, dir, "-q", "draft.md", "-o", "out.fifo"); r.code != 1 || r.stderr != "" {
		t.Errorf("fifo: code %d, stderr %q", r.code, r.stderr)
	}
	select {
	case s := <-got:
		if !strings.HasPrefix(s, report) {
			t.Errorf("fifo got %q", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing read from the FIFO")
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("out.fifo is no longer a FIFO: %v %v", info.Mode(), err)
	}

	// A character device is written in place (as root, a rename would
	// replace /dev/null itself).
	if r := citelint(t, dir, "", nil, "draft.md", "-o", "/dev/null"); r.code != 1 || r.stdout != "" || r.stderr != "" {
		t.Errorf("/dev/null: code %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if info, err := os.Lstat("/dev/null"); err != nil || info.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a character device: %v %v", info.Mode(), err)
	}

	// An existing file keeps its mode.
	private := filepath.Join(dir, "private.txt")
	if err := os.WriteFile(private, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	citelint(t, dir, "", nil, "-q", "draft.md", "-o", "private.txt")
	if info, err := os.Stat(private); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("private.txt mode %v (%v)", info.Mode(), err)
	}
	if b, _ := os.ReadFile(private); !strings.HasPrefix(string(b), report) {
		t.Errorf("private.txt holds %q", b)
	}

	// A symbolic link leads to its target, existing or not; the link stays.
	for _, link := range []string{"to-new.json", "to-old.json"} {
		target := filepath.Join("real", strings.TrimPrefix(link, "to-"))
		if link == "to-old.json" {
			if err := os.WriteFile(filepath.Join(dir, target), []byte("old"), 0o640); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
		citelint(t, dir, "", nil, "draft.md", "-f", "json", "-o", link)
		if info, err := os.Lstat(filepath.Join(dir, link)); err != nil || info.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link: %v", link, err)
		}
		b, err := os.ReadFile(filepath.Join(dir, target))
		if err != nil || !strings.Contains(string(b), `"rule": "citation-needed-marker"`) {
			t.Errorf("%s holds %q (%v)", target, b, err)
		}
		if info, _ := os.Stat(filepath.Join(dir, target)); link == "to-old.json" && info.Mode().Perm() != 0o640 {
			t.Errorf("%s mode %v", target, info.Mode())
		}
	}

	// /dev/stdout is the standard output already held, whatever it is.
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := run([]string{"citelint", "-q", "draft.md", "-o", "/dev/stdout"}, strings.NewReader(""), &stdout, &stderr)
	if code != 1 || !strings.HasPrefix(stdout.String(), report) || stderr.String() != "" {
		t.Errorf("/dev/stdout: code %d, %q %q", code, stdout.String(), stderr.String())
	}
}

// File names come from whoever wrote the repository: shown, never obeyed.
func TestHostileFileNamesAreEscaped(t *testing.T) {
	dir := files(t, map[string]string{
		"docs/x\n::error file=a.md::injected.md": draftText,
		"docs/\x1b]0;title\x07.md":               strings.Repeat("x", 2000),
	})
	r := citelint(t, dir, "", nil, "--color", "never", "--max-file-size", "1KB", "docs")
	for _, out := range []string{r.stdout, r.stderr} {
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "::") || strings.ContainsAny(line, "\x1b\x07") {
				t.Errorf("raw line %q", line)
			}
		}
	}
	if !strings.HasPrefix(r.stdout, `docs/x\n::error file=a.md::injected.md:1:12: error: placeholder`) ||
		!strings.HasPrefix(r.stderr, `citelint: docs/\x1b]0;title\x07.md: not checked: it is 2.0 kB, over the 1.0 kB limit`) {
		t.Errorf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
}

func TestStandardOutputNamedTwice(t *testing.T) {
	dir := files(t, map[string]string{"draft.md": draftText})
	r := citelint(t, dir, "", nil, "draft.md", "--format", "json=/dev/stdout", "--format", "text")
	if r.code != 2 || r.stderr != "citelint: only one --format can write to the terminal: give the others a file, as in --format sarif=citelint.sarif\n" {
		t.Errorf("code %d, stderr %q", r.code, r.stderr)
	}
}
