package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// runIn runs citelint in-process in dir, with stdin as standard input, and
// returns its exit code, standard output and standard error. HOME and the
// cache folder point into the test's temporary folder.
func runIn(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(t.TempDir(), "cache"))
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"citelint"}, args...), strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// want fails the test unless the run exited with code and printed exactly
// stdout and stderr.
func want(t *testing.T, args []string, code int, stdout, stderr string, wantCode int, wantStdout, wantStderr string) {
	t.Helper()
	if code != wantCode || stdout != wantStdout || stderr != wantStderr {
		t.Errorf("citelint %s:\n exit %d, want %d\n stdout %q\n   want %q\n stderr %q\n   want %q",
			strings.Join(args, " "), code, wantCode, stdout, wantStdout, stderr, wantStderr)
	}
}

func TestVersionFlagsAndJSON(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		code, out, errs := runIn(t, dir, "", args...)
		want(t, args, code, out, errs, exitClean, "citelint dev\n", "")
	}
	code, out, errs := runIn(t, dir, "", "version", "--json")
	var v versionInfo
	if err := json.Unmarshal([]byte(out), &v); err != nil || code != exitClean || errs != "" {
		t.Fatalf("version --json: exit %d, %v, stdout %q, stderr %q", code, err, out, errs)
	}
	if v.Version != "dev" || v.Go != runtime.Version() || v.OS != runtime.GOOS || v.Arch != runtime.GOARCH {
		t.Errorf("version --json = %+v", v)
	}
	code, out, errs = runIn(t, dir, "", "version", "extra")
	want(t, []string{"version", "extra"}, code, out, errs, exitError, "", "citelint: version takes no arguments, got \"extra\"\n")
}

func TestEmptyInput(t *testing.T) {
	dir := files(t, map[string]string{"empty/robots.txt": "User-agent: *\n", "a.md": "Fine.\n"})
	// A folder with nothing to check: a warning, exit 0, and a summary of 0 files.
	args := []string{"--color", "never", "empty"}
	code, out, errs := runIn(t, dir, "", args...)
	want(t, args, code, out, errs, exitClean, "0 errors, 0 warnings, 0 info in 0 files\n",
		"citelint: warning: nothing to check in empty: no .md or .markdown file there (or every one is ignored); name .txt files or match them with a glob\n")
	// A glob matching nothing: exit 2, and the summary counts no file for it.
	args = []string{"--color", "never", "nothing/*.md", "a.md"}
	code, out, errs = runIn(t, dir, "", args...)
	want(t, args, code, out, errs, exitError, "0 errors, 0 warnings, 0 info in 1 file\n",
		"citelint: nothing/*.md: no file matches this pattern\n")
	args = []string{"--format", "json", "nothing/*.md"}
	_, out, _ = runIn(t, dir, "", args...)
	if got := decode(t, out); got.Summary.Files != 0 || len(got.Errors) != 1 || got.Errors[0].Path != "nothing/*.md" {
		t.Errorf("json for an empty glob: %+v", got)
	}
	// A folder with a draft says nothing more.
	args = []string{"--color", "never", "."}
	code, out, errs = runIn(t, dir, "", args...)
	want(t, args, code, out, errs, exitClean, "0 errors, 0 warnings, 0 info in 1 file\n", "")
}

func TestFlagCombinationsThatCannotWork(t *testing.T) {
	dir := files(t, map[string]string{"a.md": "At TK.\n"})
	for _, tt := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"-o", "r.txt", "--format", "json=r.json", "a.md"},
			"citelint: --output r.txt: every --format names its own file (NAME=FILE), so no format would go to r.txt; leave out --output, or a format's =FILE\n"},
		{[]string{"--stdin-filename", "draft.md", "a.md"},
			"citelint: --stdin-filename draft.md names the text read from standard input: add - to the paths, as in: citelint - --stdin-filename draft.md\n"},
		{[]string{"--offline", "--suggest-archive", "a.md"},
			"citelint: --suggest-archive needs the network, which --offline forbids: leave out one of them\n"},
		{[]string{"baseline", "r.json", "--stdin-filename", "draft.md", "a.md"},
			"citelint: --stdin-filename draft.md names the text read from standard input: add - to the paths, as in: citelint - --stdin-filename draft.md\n"},
	} {
		code, out, errs := runIn(t, dir, "", tt.args...)
		want(t, tt.args, code, out, errs, exitError, "", tt.stderr)
		if _, err := os.Stat(filepath.Join(dir, "r.json")); err == nil {
			t.Errorf("%v wrote r.json although it was refused", tt.args)
		}
	}
	// -o with one format left without a file is fine.
	args := []string{"-o", "r.txt", "--format", "text", "--format", "json=r.json", "a.md"}
	code, out, errs := runIn(t, dir, "", args...)
	want(t, args, code, out, errs, exitFindings, "", "")
	for _, f := range []string{"r.txt", "r.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
}

func TestEnableDisableTakeLists(t *testing.T) {
	dir := files(t, map[string]string{
		".citelint.yml": "rules:\n  citation-needed-marker: off\n  vague-source: off\n",
		"a.md":          "Experts say the branch opens at TK. 45% agree.\n",
	})
	rulesOf := func(args ...string) []string {
		t.Helper()
		code, out, errs := runIn(t, dir, "", append([]string{"--format", "json"}, args...)...)
		if code == exitError {
			t.Fatalf("citelint %v: exit %d: %s", args, code, errs)
		}
		var rs []string
		for _, d := range decode(t, out).Diagnostics {
			rs = append(rs, d.Rule)
		}
		return rs
	}
	equal(t, "--enable a,b", rulesOf("--enable", "citation-needed-marker,vague-source", "a.md"),
		[]string{"vague-source", "citation-needed-marker", "uncited-number"})
	equal(t, "--enable a, b --disable c", rulesOf("--enable", "citation-needed-marker, vague-source", "--disable", "uncited-number", "a.md"),
		[]string{"vague-source", "citation-needed-marker"})
	equal(t, "--disable a,b", rulesOf("--enable", "vague-source", "--disable", "vague-source,uncited-number", "a.md"), nil)
	args := []string{"--disable", "uncited-number,no-such-rule", "a.md"}
	code, out, errs := runIn(t, dir, "", args...)
	want(t, args, code, out, errs, exitError, "", "citelint: unknown rule \"no-such-rule\": run \"citelint rules\" for the list\n")
}

func TestShortAndLongFormatFlagsMix(t *testing.T) {
	dir := files(t, map[string]string{"a.md": "At TK.\n"})
	for _, args := range [][]string{
		{"-f", "json", "--format", "sarif=r.sarif", "a.md"},
		{"a.md", "--format", "sarif=r.sarif", "-f=json"},
		{"check", "--format=sarif=r.sarif", "-f", "json", "a.md"},
	} {
		_ = os.Remove(filepath.Join(dir, "r.sarif"))
		code, out, errs := runIn(t, dir, "", args...)
		if code != exitFindings || errs != "" || len(decode(t, out).Diagnostics) != 1 {
			t.Errorf("citelint %v: exit %d, stderr %q, stdout %q", args, code, errs, out)
		}
		if b, err := os.ReadFile(filepath.Join(dir, "r.sarif")); err != nil || !bytes.Contains(b, []byte(`"ruleId": "citation-needed-marker"`)) {
			t.Errorf("citelint %v: r.sarif: %v %.80s", args, err, b)
		}
	}
}

func TestTextFilesWhenNamedOrIncluded(t *testing.T) {
	tree := map[string]string{
		"draft.md":        "At TK.\n",
		"robots.txt":      "Disallow: TK\n",
		"notes/plan.txt":  "Plain TK.\n",
		"notes/other.txt": "More TK.\n",
	}
	paths := func(dir string, args ...string) []string {
		t.Helper()
		_, out, errs := runIn(t, dir, "", append([]string{"--format", "json"}, args...)...)
		if errs != "" {
			t.Errorf("citelint %v: stderr %q", args, errs)
		}
		var ps []string
		for _, d := range decode(t, out).Diagnostics {
			ps = append(ps, d.Path)
		}
		return ps
	}
	dir := files(t, tree)
	equal(t, "a folder walk", paths(dir, "."), []string{"draft.md"})
	equal(t, "named", paths(dir, ".", "robots.txt"), []string{"draft.md", "robots.txt"})
	equal(t, "a glob", paths(dir, "notes/*.txt"), []string{"notes/other.txt", "notes/plan.txt"})

	tree[".citelint.yml"] = "include: [\"notes/**/*.txt\"]\nignore: [other.txt]\n"
	dir = files(t, tree)
	equal(t, "a walk with include patterns", paths(dir, "."), []string{"draft.md", "notes/plan.txt"})
	equal(t, "a walk of the subfolder", paths(dir, "notes"), []string{"notes/plan.txt"})
}

func TestConfigMessagesEndToEnd(t *testing.T) {
	for _, tt := range []struct{ config, stderr string }{
		{"links:\n  timeout: 15\n", `citelint: config .citelint.yml:2:12: links.timeout: "15" is not a duration; write 15s`},
		{"links:\n  max-age: 1d\n", `citelint: config .citelint.yml:2:12: links.max-age: "1d" is not a duration; write 24h`},
		{"links:\n  accept: 403\n", `citelint: config .citelint.yml:2:11: links.accept: "403" is one value where a list belongs; write [403]`},
		{"links:\n  suggest-archive: yes\n", `citelint: config .citelint.yml:2:20: links.suggest-archive: "yes" is not a boolean; write true or false`},
		{"links:\n  timout: 15s\n", `citelint: config .citelint.yml:2:3: unknown key "timout" in links: expected exclude, timeout, `},
		{"link:\n  timeout: 15s\n", `citelint: config .citelint.yml:1:1: unknown key "link": expected rules, ignore, include, limits or links`},
		{"rules:\n  uncited-number: {min-count: ten}\n", `citelint: config .citelint.yml:2:31: rules.uncited-number.min-count: "ten" is not a whole number`},
	} {
		dir := files(t, map[string]string{".citelint.yml": tt.config, "a.md": "Fine.\n"})
		code, out, errs := runIn(t, dir, "", "--offline", "a.md")
		if code != exitError || out != "" || !strings.HasPrefix(errs, tt.stderr) || strings.Count(errs, "\n") != 1 {
			t.Errorf("config %q: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.config, code, out, errs, tt.stderr)
		}
	}
}

func TestInitRefusesBesideAnyConfig(t *testing.T) {
	for _, name := range []string{".citelint.yml", ".citelint.yaml"} {
		dir := files(t, map[string]string{name: "rules: {}\n"})
		code, out, errs := runIn(t, dir, "", "init")
		want(t, []string{"init", "beside " + name}, code, out, errs, exitError, "",
			"citelint: "+name+" already exists; citelint init never overwrites a config or writes a second one beside it\n")
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("init beside %s left %d files", name, len(entries))
		}
	}
	// In a subfolder of a folder with a config, init writes one and says
	// which file it now takes the place of.
	dir := files(t, map[string]string{".git/HEAD": "", ".citelint.yaml": "rules: {}\n", "docs/a.md": "Fine.\n"})
	code, out, errs := runIn(t, filepath.Join(dir, "docs"), "", "init")
	parent, _ := filepath.EvalSymlinks(filepath.Join(dir, ".citelint.yaml"))
	if code != exitClean || out != "wrote .citelint.yml\n" ||
		(errs != "citelint: note: .citelint.yml now applies here instead of "+parent+"\n" &&
			errs != "citelint: note: .citelint.yml now applies here instead of "+filepath.Join(dir, ".citelint.yaml")+"\n") {
		t.Errorf("init in a subfolder: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// TestLinksCommandFillsTheCacheForOfflineRuns is the hook's workflow: the
// offline run says once which web links it skipped and how to check them;
// "citelint links" checks them over the network and fills the cache; the
// next offline run judges them from there and says nothing more.
func TestLinksCommandFillsTheCacheForOfflineRuns(t *testing.T) {
	srv := newLinkServer(t)
	draft := strings.ReplaceAll("# Draft\n\nAt TK, see [a](U/ok) and [b](U/moved) and [a again](U/ok).\n", "U", srv.URL)
	other := strings.ReplaceAll("Also [b](U/moved) and a [local](draft.md) link.\n", "U", srv.URL)
	dir := files(t, map[string]string{"draft.md": draft, "other.md": other, ".citelint.yml": linkConfig})
	t.Chdir(dir)

	args := []string{"--offline", "--color", "never", "--format", "json", "draft.md", "other.md"}
	code, out, errs := runIn(t, dir, "", args...)
	if code != exitFindings || errs != "citelint: offline: 2 links not checked (no recent result in the cache; \"citelint links PATH...\" checks them and fills it)\n" {
		t.Errorf("first offline run: exit %d, stderr %q", code, errs)
	}
	if got := decode(t, out); len(got.Diagnostics) != 1 || got.Diagnostics[0].Rule != "citation-needed-marker" {
		t.Errorf("first offline run: %q", findings(got))
	}

	args = []string{"links", "--allow-private", "--color", "never", "draft.md", "other.md"}
	code, out, errs = runIn(t, dir, "", args...)
	line := strings.Split(draft, "\n")[2]
	wantOut := fmt.Sprintf("draft.md:3:%d: info: permanently redirected to %s/ok [redirected-link]\n", strings.Index(line, srv.URL+"/moved")+1, srv.URL)
	if code != exitClean || errs != "" || !strings.HasPrefix(out, wantOut) || strings.Contains(out, "citation-needed-marker") {
		t.Errorf("citelint links: exit %d, stderr %q, stdout %q; want the link findings only, starting %q", code, errs, out, wantOut)
	}
	equal(t, "requests of citelint links", hitList(srv.requests()), []string{"/moved=1", "/ok=2"}) // the redirect is followed

	args = []string{"--offline", "--format", "json", "draft.md", "other.md"}
	code, out, errs = runIn(t, dir, "", args...)
	got := decode(t, out)
	if code != exitFindings || errs != "" || len(got.Diagnostics) != 3 {
		t.Errorf("offline run after citelint links: exit %d, stderr %q, findings %q", code, errs, findings(got))
	}
	equal(t, "requests of the offline run", hitList(srv.requests()), nil)

	// A second "citelint links" trusts the fresh cache; --refresh asks again.
	args = []string{"links", "--allow-private", "--quiet", "--format", "json", "draft.md", "other.md"}
	if code, _, errs = runIn(t, dir, "", args...); code != exitClean || errs != "" {
		t.Errorf("second citelint links: exit %d, stderr %q", code, errs)
	}
	equal(t, "requests of a second citelint links", hitList(srv.requests()), nil)
	args = []string{"links", "--refresh", "--allow-private", "--quiet", "--format", "json", "draft.md", "other.md"}
	if code, _, errs = runIn(t, dir, "", args...); code != exitClean || errs != "" {
		t.Errorf("citelint links --refresh: exit %d, stderr %q", code, errs)
	}
	equal(t, "requests of citelint links --refresh", hitList(srv.requests()), []string{"/moved=1", "/ok=2"})
}

func TestJUnitFailuresFollowFailOn(t *testing.T) {
	dir := files(t, map[string]string{"a.md": "Experts say the hall opens at TK.\n"})
	for _, tt := range []struct {
		failOn       string
		code         int
		failures     string
		failingTypes string
	}{
		{"error", exitFindings, `failures="1"`, `type="citation-needed-marker"`},
		{"warning", exitFindings, `failures="2"`, `type="vague-source"`},
		{"never", exitClean, `failures="0"`, ""},
	} {
		args := []string{"--format", "junit", "--fail-on", tt.failOn, "a.md"}
		code, out, errs := runIn(t, dir, "", args...)
		if code != tt.code || errs != "" || !strings.Contains(out, `<testsuite name="a.md" tests="2" `+tt.failures) ||
			(tt.failingTypes != "" && !strings.Contains(out, tt.failingTypes)) {
			t.Errorf("citelint %v: exit %d, stderr %q\n%s", args, code, errs, out)
		}
		if wantOut := 2 - strings.Count(out, "<failure "); strings.Count(out, "<system-out>") != wantOut {
			t.Errorf("--fail-on %s: %d findings in system-out, want %d\n%s", tt.failOn, strings.Count(out, "<system-out>"), wantOut, out)
		}
	}
}

func TestHelpLinesAndUndefinedFootnotes(t *testing.T) {
	dir := files(t, map[string]string{"a.md": "Rents rose 40% last year.[^3]\n\nExperts say it will go on.\n\nPrices fell 12%.\n"})
	args := []string{"--color", "never", "a.md"}
	code, out, errs := runIn(t, dir, "", args...)
	want(t, args, code, out, errs, exitClean, `a.md:1:12: warning: footnote 3 has no definition, so "40%" has no citation [uncited-number]
    Rents rose 40% last year.[^3]
               ^^^
    help: define it on a line of its own, as in "[^3]: the source", or fix the label
a.md:3:1: warning: "Experts say" names no source [vague-source]
    Experts say it will go on.
    ^^^^^^^^^^^
    help: say who (which study, expert or official) and cite it
a.md:5:13: warning: "12%" has no citation [uncited-number]
    Prices fell 12%.
                ^^^
    help: link the source, add a footnote, or attribute it ("according to …")
0 errors, 3 warnings, 0 info in 1 file
`, "")
}

// TestPreCommitManifest checks what the hooks pass to citelint and show,
// without pre-commit (scripts/pre-commit-check.sh runs the real tool in CI):
// warnings are shown, one process runs, and the files are the drafts
// citelint checks.
func TestPreCommitManifest(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID            string   `yaml:"id"`
		Entry         string   `yaml:"entry"`
		TypesOr       []string `yaml:"types_or"`
		Files         string   `yaml:"files"`
		Exclude       string   `yaml:"exclude"`
		RequireSerial bool     `yaml:"require_serial"`
		Verbose       bool     `yaml:"verbose"`
	}
	if err := yaml.Unmarshal(src, &hooks); err != nil {
		t.Fatal(err)
	}
	entries := map[string]string{"citelint": "citelint check --offline", "citelint-links": "citelint links"}
	if len(hooks) != len(entries) {
		t.Fatalf("%d hooks, want %d", len(hooks), len(entries))
	}
	for _, h := range hooks {
		if h.Entry != entries[h.ID] || !h.Verbose || !h.RequireSerial || strings.Join(h.TypesOr, ",") != "markdown,text" {
			t.Errorf("hook %+v", h)
		}
		include, exclude := regexp.MustCompile(h.Files), regexp.MustCompile(h.Exclude)
		for name, checked := range map[string]bool{
			"draft.md": true, "docs/Post.MARKDOWN": true, "notes/plan.txt": true, "README.md": true,
			"robots.txt": false, "static/robots.txt": false, "requirements-dev.txt": false, "LICENSE.txt": false,
			"main.go": false, "notes.md.bak": false, "image.png": false,
		} {
			if got := include.MatchString(name) && !exclude.MatchString(name); got != checked {
				t.Errorf("hook %s takes %s: %v, want %v", h.ID, name, got, checked)
			}
		}
		// The entry is a command citelint accepts.
		dir := files(t, map[string]string{"a.md": "Fine.\n"})
		code, _, errs := runIn(t, dir, "", append(strings.Fields(h.Entry)[1:], "a.md")...)
		if code != exitClean || errs != "" {
			t.Errorf("hook %s entry: exit %d, %q", h.ID, code, errs)
		}
	}
}
