package gitdiff

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	const diff = `diff --git a/a.md b/a.md
index 1..2 100644
--- a/a.md
+++ b/a.md
@@ -3 +3 @@ heading
-old
+new
@@ -10,0 +11,2 @@
+++ an added line that looks like a header
+@@ -1 +1 @@ and one like a hunk
@@ -20,2 +21,0 @@
-gone
-gone too
diff --git a/gone.md b/gone.md
deleted file mode 100644
--- a/gone.md
+++ /dev/null
@@ -1 +0,0 @@
-bye
diff --git "a/tab\there.md" "b/tab\there.md"
--- "a/tab\there.md"
+++ "b/tab\there.md"
@@ -1,0 +2 @@
+x
`
	c := &Changes{lines: map[string][]Range{}, whole: map[string]bool{}}
	if err := c.parse(strings.NewReader(diff)); err != nil {
		t.Fatal(err)
	}
	want := map[string][]Range{
		"a.md":         {{3, 3}, {11, 12}},
		"tab\there.md": {{2, 2}},
	}
	if len(c.lines) != len(want) {
		t.Fatalf("files %v, want %v", c.lines, want)
	}
	for f, rs := range want {
		if !slices.Equal(c.lines[f], rs) {
			t.Errorf("%q: %v, want %v", f, c.lines[f], rs)
		}
	}
}

func TestParseHunkErrors(t *testing.T) {
	for _, h := range []string{"@@ nonsense @@", "@@ -1 +x @@", "@@ -1,y +1 @@"} {
		if _, err := parseHunk(h); err == nil {
			t.Errorf("parseHunk(%q) accepted it", h)
		}
	}
}

// repo makes a git repository in a temporary folder.
func repo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run(t, dir, "init", "-q", "-b", "main")
	return dir
}

func run(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSince(t *testing.T) {
	dir := repo(t)
	write(t, dir, "docs/a.md", "one\ntwo\nthree\nfour\n")
	run(t, dir, "add", ".")
	run(t, dir, "commit", "-q", "-m", "first")
	run(t, dir, "tag", "v1")
	write(t, dir, "docs/a.md", "one\nTWO\nthree\nfour\nfive\n")
	run(t, dir, "commit", "-q", "-am", "second")
	write(t, dir, "docs/a.md", "one\nTWO\nthree\nFOUR\nfive\n") // not committed
	write(t, dir, "docs/new.md", "all new\n")                   // not tracked

	c, err := Since(t.Context(), filepath.Join(dir, "docs"), "v1")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path     string
		from, to int
		want     bool
	}{
		{"a.md", 1, 1, false},
		{"a.md", 2, 2, true},  // committed since v1
		{"a.md", 3, 3, false}, // untouched
		{"a.md", 4, 4, true},  // changed in the working tree
		{"a.md", 5, 5, true},  // added
		{"a.md", 3, 4, true},  // a span reaching a changed line
		{"new.md", 1, 1, true},
		{filepath.Join(dir, "docs", "a.md"), 2, 2, true},
		{"../../elsewhere.md", 1, 1, false},
	} {
		if got := c.Changed(tc.path, tc.from, tc.to); got != tc.want {
			t.Errorf("Changed(%s, %d, %d) = %v, want %v", tc.path, tc.from, tc.to, got, tc.want)
		}
	}
}

func TestSinceBranchUsesMergeBase(t *testing.T) {
	dir := repo(t)
	write(t, dir, "a.md", "one\ntwo\n")
	run(t, dir, "add", ".")
	run(t, dir, "commit", "-q", "-m", "first")
	run(t, dir, "checkout", "-q", "-b", "topic")
	write(t, dir, "a.md", "one\ntwo\nthree\n")
	run(t, dir, "commit", "-q", "-am", "topic")
	run(t, dir, "checkout", "-q", "main")
	write(t, dir, "a.md", "ONE\ntwo\n")
	run(t, dir, "commit", "-q", "-am", "main moves on")
	run(t, dir, "checkout", "-q", "topic")

	c, err := Since(t.Context(), dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	if c.Changed("a.md", 1, 1) {
		t.Error("line 1 changed on main, not on this branch, yet it counts as changed")
	}
	if !c.Changed("a.md", 3, 3) {
		t.Error("line 3, written on this branch, does not count as changed")
	}
}

func TestSinceErrors(t *testing.T) {
	dir := repo(t)
	write(t, dir, "a.md", "x\n")
	run(t, dir, "add", ".")
	run(t, dir, "commit", "-q", "-m", "first")

	_, err := Since(t.Context(), dir, "no-such-branch")
	if err == nil || !strings.Contains(err.Error(), `unknown revision "no-such-branch"`) {
		t.Errorf("unknown revision: %v", err)
	}
	_, err = Since(t.Context(), dir, "--output=/tmp/x")
	if err == nil || !strings.Contains(err.Error(), "unknown revision") {
		t.Errorf("option-like revision: %v", err)
	}
	outside := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
	_, err = Since(t.Context(), outside, "HEAD")
	if !errors.Is(err, ErrNotRepository) {
		t.Errorf("outside a repository: %v", err)
	}
}
