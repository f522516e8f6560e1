package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// adoptRepo makes a git repository in a temporary folder and moves the test
// into it.
func adoptRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	adoptGit(t, "init", "-q", "-b", "main")
	return dir
}

func adoptGit(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func adoptWrite(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// adoptRun runs citelint and returns its exit code, output and errors.
func adoptRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"citelint"}, args...), strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// adoptFindings runs citelint with --format json and returns its findings
// as "path:line: message" strings.
func adoptFindings(t *testing.T, args ...string) (int, []string) {
	t.Helper()
	code, out, errs := adoptRun(t, append([]string{"--format", "json"}, args...)...)
	var r struct {
		Diagnostics []struct {
			Path    string
			Line    int
			Message string
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("citelint %v: %v\nstdout: %s\nstderr: %s", args, err, out, errs)
	}
	var found []string
	for _, d := range r.Diagnostics {
		found = append(found, fmt.Sprintf("%s:%d: %s", d.Path, d.Line, d.Message))
	}
	return code, found
}

const (
	tk = `placeholder "TK" left in the draft`
	cn = `placeholder "[citation needed]" left in the draft`
)

// TestOnlyNewFindings builds a history — a backlog of drafts, a baseline,
// then a commit that edits an old draft and adds a new one, then an edit
// not yet committed — and checks that --baseline and --changed-since each
// report exactly the findings written after the backlog.
func TestOnlyNewFindings(t *testing.T) {
	adoptRepo(t)
	adoptWrite(t, "docs/old.md", "# Budget\n\nSpending rose TK last year.\n\nThe council met [citation needed].\n")
	adoptWrite(t, "docs/other.md", "Another draft with TK in it.\n")
	adoptGit(t, "add", ".")
	adoptGit(t, "commit", "-q", "-m", "backlog")
	adoptGit(t, "tag", "backlog")

	code, out, errs := adoptRun(t, "baseline", "citelint-baseline.json", "docs")
	if code != 0 || !strings.Contains(out, "recorded 3 findings") {
		t.Fatalf("baseline: exit %d\n%s%s", code, out, errs)
	}
	adoptGit(t, "add", ".")
	adoptGit(t, "commit", "-q", "-m", "baseline")

	// Unrelated edits move the old findings down; new findings arrive in
	// an old draft and a new one.
	adoptWrite(t, "docs/old.md", "# Budget\n\nAn opening paragraph, newly written.\n\nSpending rose TK last year.\n\n"+
		"The council met [citation needed].\n\nThe vote is on TK.\n")
	adoptWrite(t, "docs/new.md", "# New\n\nIt was [citation needed] said.\n")
	adoptGit(t, "add", ".")
	adoptGit(t, "commit", "-q", "-m", "new writing")
	// Not committed yet: one more finding in the old draft.
	f, err := os.OpenFile("docs/other.md", os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(f, "\nAnd a second TK, still uncommitted.\n")
	f.Close()

	want := []string{
		"docs/new.md:3: " + cn,
		"docs/old.md:9: " + tk,
		"docs/other.md:3: " + tk,
	}
	code, all := adoptFindings(t, "docs")
	if len(all) != 6 || code != exitFindings {
		t.Fatalf("without filters: exit %d, %d findings, want 6: %q", code, len(all), all)
	}
	for _, args := range [][]string{
		{"--baseline", "citelint-baseline.json", "docs"},
		{"--changed-since", "backlog", "docs"},
		{"docs", "--changed-since", "backlog", "--baseline", "citelint-baseline.json"},
	} {
		code, got := adoptFindings(t, args...)
		if !slices.Equal(got, want) {
			t.Errorf("%v:\n got %q\nwant %q", args, got, want)
		}
		if code != exitFindings {
			t.Errorf("%v: exit %d, want %d", args, code, exitFindings)
		}
	}

	// Once the new findings are fixed, both report nothing and pass.
	adoptWrite(t, "docs/old.md", "# Budget\n\nAn opening paragraph, newly written.\n\nSpending rose TK last year.\n\n"+
		"The council met [citation needed].\n\nThe vote is on May 4.\n")
	adoptWrite(t, "docs/new.md", "# New\n\nThe vote passed, the minutes show.\n")
	adoptWrite(t, "docs/other.md", "Another draft with TK in it.\n")
	for _, flag := range []string{"--baseline=citelint-baseline.json", "--changed-since=backlog"} {
		if code, got := adoptFindings(t, flag, "docs"); code != exitClean || len(got) != 0 {
			t.Errorf("%s after the fixes: exit %d, %q", flag, code, got)
		}
	}
}

func TestChangedSinceErrors(t *testing.T) {
	adoptRepo(t)
	adoptWrite(t, "a.md", "Fine.\n")
	adoptGit(t, "add", ".")
	adoptGit(t, "commit", "-q", "-m", "one")

	code, _, errs := adoptRun(t, "--changed-since", "no-such-branch", "a.md")
	if code != exitError || !strings.Contains(errs, `unknown revision "no-such-branch"`) {
		t.Errorf("unknown revision: exit %d, %q", code, errs)
	}

	outside := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
	t.Chdir(outside)
	adoptWrite(t, "a.md", "Fine.\n")
	code, _, errs = adoptRun(t, "--changed-since", "main", "a.md")
	if code != exitError || !strings.Contains(errs, "not inside a git repository") {
		t.Errorf("outside a repository: exit %d, %q", code, errs)
	}
}

func TestBaselineErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	adoptWrite(t, "a.md", "Sales rose TK.\n")
	adoptWrite(t, "bad.json", "{\"version\": 7, \"findings\": []}\n")
	for args, want := range map[string]string{
		"--baseline missing.json a.md": "no such file",
		"--baseline bad.json a.md":     "version 7 is not supported",
		"baseline":                     "baseline needs the file to write",
	} {
		code, _, errs := adoptRun(t, strings.Fields(args)...)
		if code != exitError || !strings.Contains(errs, want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", args, code, errs, want)
		}
	}
	// A baseline is not written when a file cannot be checked.
	code, _, _ := adoptRun(t, "baseline", "b.json", "a.md", "nope.md")
	if _, err := os.Stat("b.json"); code != exitError || err == nil {
		t.Errorf("baseline with a missing file: exit %d, file written: %v", code, err == nil)
	}
}

// TestFailOnIsTheSameForEveryFormat checks the exit status, which must not
// depend on the format the findings are written in.
func TestFailOnIsTheSameForEveryFormat(t *testing.T) {
	t.Chdir(t.TempDir())
	adoptWrite(t, ".citelint.yml", "rules:\n  citation-needed-marker: warning\n")
	adoptWrite(t, "a.md", "Sales rose TK.\n")
	adoptWrite(t, "clean.md", "Sales rose.\n")
	want := map[string]int{"error": exitClean, "warning": exitFindings, "info": exitFindings, "never": exitClean}
	for _, format := range []string{"text", "json", "sarif", "github", "checkstyle", "junit", "rdjsonl", "gitlab"} {
		for level, code := range want {
			if got, _, errs := adoptRun(t, "--format", format, "--fail-on", level, "a.md"); got != code {
				t.Errorf("--format %s --fail-on %s: exit %d, want %d (%s)", format, level, got, code, errs)
			}
		}
		if got, _, _ := adoptRun(t, "--format", format, "--fail-on", "info", "clean.md"); got != exitClean {
			t.Errorf("--format %s on a clean file: exit %d", format, got)
		}
	}
}

func TestSeveralFormatsAtOnce(t *testing.T) {
	t.Chdir(t.TempDir())
	adoptWrite(t, "a.md", "Sales rose TK.\n")
	code, out, errs := adoptRun(t, "a.md", "--format", "github", "--format", "sarif=out.sarif", "--format", "junit=junit.xml", "--format", "gitlab=gl.json")
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "::error file=a.md,line=1,") {
		t.Errorf("standard output: %q", out)
	}
	var sarif struct{ Runs []struct{ Results []any } }
	var gitlab []any
	var junit struct {
		Failures int `xml:"failures,attr"`
	}
	for file, v := range map[string]any{"out.sarif": &sarif, "gl.json": &gitlab, "junit.xml": &junit} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(file, ".xml") {
			err = xml.Unmarshal(data, v)
		} else {
			err = json.Unmarshal(data, v)
		}
		if err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
	if len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != 1 || len(gitlab) != 1 || junit.Failures != 1 {
		t.Errorf("sarif %+v, gitlab %d, junit failures %d", sarif, len(gitlab), junit.Failures)
	}

	// --output names the file of the format given without one.
	if code, out, _ := adoptRun(t, "a.md", "--format", "checkstyle", "--output", "cs.xml"); code != exitFindings || out != "" {
		t.Errorf("--output: exit %d, standard output %q", code, out)
	}
	if data, err := os.ReadFile("cs.xml"); err != nil || !bytes.Contains(data, []byte("<checkstyle")) {
		t.Errorf("--output wrote %q, %v", data, err)
	}

	for _, args := range [][]string{
		{"--format", "text", "--format", "json"},
		{"--format", "text", "--format", "json", "--output", "both"},
		{"--format", "sarif=x", "--format", "gitlab=x"},
		{"--format", "sarif="},
		{"--format", "nope"},
	} {
		if code, _, errs := adoptRun(t, append(args, "a.md")...); code != exitError || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}
