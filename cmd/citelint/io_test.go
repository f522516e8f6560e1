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
	"github.com/citelint/citelint/lint/report"
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
	out, err := renderAll([]namedFormatter{{"json", json}, {"text", panickyFormatter{on: "b.md"}}}, res)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out[1]); got != "a.md\nc.md\n" {
		t.Errorf("text output %q", got)
	}
	// The format rendered before the failure was found is rendered again:
	// both agree that b.md could not be checked.
	if strings.Count(string(out[0]), `"rule": "r"`) != 2 || !strings.Contains(string(out[0]), `"message": "internal error in the text formatter`) {
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
				got = append(got, name[:strings.Index(name, `"`)])
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

// An unreadable folder is an error for that folder; the walk goes on and
// the files after it are checked. File modes cannot hide a folder from
// root, so readDir fails on cue.
func TestUnreadableFolderDoesNotStopTheWalk(t *testing.T) {
	dir := files(t, map[string]string{
		"docs/a/1.md":   "Sales rose [citation needed].\n",
		"docs/b/x.md":   "Sales rose [citation needed].\n",
		"docs/c/2.md":   "Sales rose [citation needed].\n",
		"docs/c/d/3.md": "Sales rose [citation needed].\n",
	})
	t.Chdir(dir)
	readDir = func(name string) ([]os.DirEntry, error) {
		if filepath.ToSlash(name) == "docs/b" {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		return os.ReadDir(name)
	}
	t.Cleanup(func() { readDir = os.ReadDir })
	var stdout, stderr bytes.Buffer
	code := run([]string{"citelint", "docs"}, strings.NewReader(""), &stdout, &stderr)
	var lines []string
	for _, l := range strings.Split(stdout.String(), "\n") {
		if strings.HasPrefix(l, "docs/") || strings.Contains(l, " in ") {
			lines = append(lines, l)
		}
	}
	equal(t, "stdout", lines, []string{
		"docs/a/1.md:1:12: error: placeholder \"[citation needed]\" left in the draft [citation-needed-marker]",
		"docs/c/2.md:1:12: error: placeholder \"[citation needed]\" left in the draft [citation-needed-marker]",
		"docs/c/d/3.md:1:12: error: placeholder \"[citation needed]\" left in the draft [citation-needed-marker]",
		"3 errors, 0 warnings, 0 info in 4 files",
	})
	if code != 2 || stderr.String() != "citelint: docs/b: cannot read this folder: permission denied\n" {
		t.Errorf("code %d, stderr %q", code, stderr.String())
	}
}
