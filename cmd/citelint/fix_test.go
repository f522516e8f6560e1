package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fixServer serves a page that moved for good (/old to /new), a dead page
// (/gone) and an archive availability API naming a capture of it.
func fixServer(t *testing.T) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		case "/new":
			fmt.Fprint(w, "<html><body><p id=part>new</p></body></html>")
		case "/available":
			fmt.Fprintf(w, `{"archived_snapshots":{"closest":{"available":true,"url":%q}}}`, srv.URL+"/web/2020/gone")
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// fixDraft writes a draft with a byte order mark and CRLF line ends that
// has one of each certain fix (a moved link, a dead link with an archived
// copy, a misspelt anchor), and a config that lets the link checker reach
// the test server.
func fixDraft(t *testing.T, srv *httptest.Server) (dir, draft string) {
	draft = "\ufeff# Notes\r\n\r\n## Method\r\n\r\n" +
		"See [old](" + srv.URL + "/old#part), [gone](" + srv.URL + "/gone) and [method](#methd).\r\n"
	dir = files(t, map[string]string{
		".citelint.yml": "links:\n  allow-private: true\n  archive-api: " + srv.URL + "/available\n",
		"d.md":          draft,
	})
	return dir, draft
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFixAppliesCertainFixes checks the three fixes byte for byte, with
// links judged from the cache a first check filled (fix is offline by
// default): the byte order mark and CRLF stay, the file's mode stays,
// no temporary file is left beside it, and what --diff prints applies
// with patch -p0 to the same result.
func TestFixAppliesCertainFixes(t *testing.T) {
	srv := fixServer(t)
	dir, draft := fixDraft(t, srv)
	env := []string{"XDG_CACHE_HOME=" + t.TempDir()}
	if r := citelint(t, dir, "", env, "--suggest-archive", "--format", "json", "d.md"); r.code != 1 ||
		!strings.Contains(r.stdout, `"rule": "redirected-link"`) || !strings.Contains(r.stdout, `"text": "`+srv.URL+`/web/2020/gone"`) {
		t.Fatalf("first check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	path := filepath.Join(dir, "d.md")
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	want := "\ufeff# Notes\r\n\r\n## Method\r\n\r\n" +
		"See [old](" + srv.URL + "/new#part), [gone](" + srv.URL + "/web/2020/gone) and [method](#method).\r\n"

	r := citelint(t, dir, "", env, "fix", "--diff", "d.md")
	if r.code != 0 || r.stderr != "citelint: would fix 3 findings; 0 findings remain\n" {
		t.Fatalf("fix --diff: exit %d, stderr %q", r.code, r.stderr)
	}
	wantDiff := "--- d.md\n+++ d.md\n@@ -2,4 +2,4 @@\n \r\n ## Method\r\n \r\n" +
		"-See [old](" + srv.URL + "/old#part), [gone](" + srv.URL + "/gone) and [method](#methd).\r\n" +
		"+" + strings.TrimPrefix(want, "\ufeff# Notes\r\n\r\n## Method\r\n\r\n")
	if r.stdout != wantDiff {
		t.Errorf("diff:\n%q\nwant\n%q", r.stdout, wantDiff)
	}
	if got := readFile(t, path); got != draft {
		t.Fatalf("--diff changed the file: %q", got)
	}
	if patch, err := exec.LookPath("patch"); err != nil {
		t.Log("patch is not installed: the diff is not applied with patch -p0")
	} else {
		copyDir := t.TempDir()
		if err := os.WriteFile(filepath.Join(copyDir, "d.md"), []byte(draft), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(patch, "-p0")
		cmd.Dir, cmd.Stdin = copyDir, strings.NewReader(r.stdout)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("patch -p0: %v\n%s", err, out)
		}
		if got := readFile(t, filepath.Join(copyDir, "d.md")); got != want {
			t.Errorf("patched:\n%q\nwant\n%q", got, want)
		}
	}

	r = citelint(t, dir, "", env, "fix", "d.md")
	if r.code != 0 || r.stdout != "" || r.stderr != "citelint: fixed 3 findings; 0 findings remain\n" {
		t.Fatalf("fix: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if got := readFile(t, path); got != want {
		t.Errorf("fixed:\n%q\nwant\n%q", got, want)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o640 {
		t.Errorf("mode after fixing: %v, %v", info.Mode(), err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	equal(t, "files after fixing", names, []string{".citelint.yml", "d.md"})

	// Nothing left to fix; the new addresses are not in the cache, which
	// fix says as the check does.
	r = citelint(t, dir, "", env, "fix", "d.md")
	if r.code != 0 || r.stderr != "citelint: offline: 2 links not checked (no recent result in the cache; \"citelint links PATH...\" checks them and fills it)\n"+
		"citelint: fixed 0 findings; 0 findings remain\n" || readFile(t, path) != want {
		t.Errorf("second fix: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestFixOnline checks links itself with --online, with the same fixes.
func TestFixOnline(t *testing.T) {
	srv := fixServer(t)
	dir, _ := fixDraft(t, srv)
	env := []string{"XDG_CACHE_HOME=" + t.TempDir()}
	r := citelint(t, dir, "", env, "fix", "--online", "--suggest-archive", "d.md")
	if r.code != 0 || r.stderr != "citelint: fixed 3 findings; 0 findings remain\n" {
		t.Fatalf("fix --online: exit %d, stderr %q", r.code, r.stderr)
	}
	if got := readFile(t, filepath.Join(dir, "d.md")); !strings.Contains(got, "/new#part), [gone]("+srv.URL+"/web/2020/gone) and [method](#method).\r\n") {
		t.Errorf("fixed: %q", got)
	}
}

// TestFixLeavesWhatItCannotFix: a placeholder has no certain fix, so it
// stays and the exit status is 1; text around the fix is untouched.
func TestFixLeavesWhatItCannotFix(t *testing.T) {
	dir := files(t, map[string]string{"d.md": "# Method\n\nOpens at TK, see [method](#metod).\n"})
	r := citelint(t, dir, "", nil, "fix", "d.md")
	if r.code != 1 || r.stderr != "citelint: fixed 1 finding; 1 finding remains\n" {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if got := readFile(t, filepath.Join(dir, "d.md")); got != "# Method\n\nOpens at TK, see [method](#method).\n" {
		t.Errorf("fixed: %q", got)
	}
}

// TestFixRefusesReadOnlyFiles: a read-only file is reported and left as
// it was (even for root, whom the permission would not stop), while the
// other files are fixed.
func TestFixRefusesReadOnlyFiles(t *testing.T) {
	src := "# Method\n\nSee [method](#metod).\n"
	dir := files(t, map[string]string{"ro.md": src, "rw.md": src})
	ro := filepath.Join(dir, "ro.md")
	if err := os.Chmod(ro, 0o444); err != nil {
		t.Fatal(err)
	}
	r := citelint(t, dir, "", nil, "fix", "ro.md", "rw.md")
	wantErr := "citelint: ro.md: read-only (mode -r--r--r--), so it is not fixed: make it writable (chmod u+w) to fix it\n"
	if r.code != 2 || !strings.HasPrefix(r.stderr, wantErr) {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if got := readFile(t, ro); got != src {
		t.Errorf("read-only file changed: %q", got)
	}
	if got := readFile(t, filepath.Join(dir, "rw.md")); got != "# Method\n\nSee [method](#method).\n" {
		t.Errorf("writable file: %q", got)
	}
	if info, err := os.Stat(ro); err != nil || info.Mode().Perm() != 0o444 {
		t.Errorf("mode: %v %v", info.Mode(), err)
	}
}

func TestFixUsage(t *testing.T) {
	dir := files(t, map[string]string{"d.md": "# A\n"})
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"fix"}, "citelint: fix changes files: name them, as in: citelint fix draft.md docs/\n"},
		{[]string{"fix", "--suggest-archive", "d.md"}, "citelint: --suggest-archive and --allow-private act on link checks, which only --online makes: add --online\n"},
		{[]string{"fix", "-"}, "citelint: fix changes files: it cannot read \"-\" (standard input); name the files\n"},
	} {
		r := citelint(t, dir, "", nil, tt.args...)
		if r.code != 2 || r.stderr != tt.want {
			t.Errorf("%v: exit %d, stderr %q", tt.args, r.code, r.stderr)
		}
	}
	if r := citelint(t, dir, "", nil, "fix", "d.md"); r.code != 0 || !bytes.Equal([]byte(readFile(t, filepath.Join(dir, "d.md"))), []byte("# A\n")) {
		t.Errorf("clean file: exit %d, stderr %q", r.code, r.stderr)
	}
}
