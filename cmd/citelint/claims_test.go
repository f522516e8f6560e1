package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// offlineNote is what an offline run over testdata/drafts says of its
// web links, with a fresh cache.
const offlineNote = "citelint: offline: 5 links not checked (no recent result in the cache; \"citelint links PATH...\" checks them and fills it)\n"

func TestClaimsGolden(t *testing.T) {
	root := filepath.Join("..", "..")
	for _, tt := range []struct{ golden, format string }{
		{"claims.md", "markdown"},
		{"claims.csv", "csv"},
		{"claims.json", "json"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			r := citelint(t, root, "", nil, "claims", "--offline", "--format", tt.format, "testdata/drafts")
			// A worksheet is no gate: it exits 0 whatever the drafts hold.
			if r.code != exitClean || r.stderr != offlineNote {
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
				t.Errorf("output differs from %s (go test ./cmd/citelint -run ClaimsGolden -update, then review):\n%s", golden, r.stdout)
			}
		})
	}
}

// claimsJSON is the worksheet's JSON, as the README documents it.
type claimsJSON struct {
	Version int
	Files   []struct {
		Path   string
		Claims []struct {
			Kind, Status      string
			Line, Column      int
			Offset, EndOffset int
			Text, Sentence    string
			Source            struct{ Kind, Text, URL string }
			Findings          []struct {
				Rule, Severity, Message string
				Line, Column            int
				Offset, EndOffset       int
			}
		}
	}
}

func decodeClaims(t *testing.T, s string) claimsJSON {
	t.Helper()
	var out claimsJSON
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatalf("worksheet is not JSON: %v\n%s", err, s)
	}
	return out
}

// findingsInRows lists each finding of the worksheet, with the row it is
// in, as "path [offset,end) rule message".
func findingsInRows(w claimsJSON) []string {
	var out []string
	for _, f := range w.Files {
		for _, c := range f.Claims {
			for _, d := range c.Findings {
				out = append(out, fmt.Sprintf("%s [%d,%d) %s %s", f.Path, d.Offset, d.EndOffset, d.Rule, d.Message))
			}
		}
	}
	slices.Sort(out)
	return out
}

// checkFindingsInRows checks that every finding "citelint --offline
// --format json" reports for the paths is in exactly one row of the
// worksheet, and that the worksheet holds no other.
func checkFindingsInRows(t *testing.T, dir string, paths ...string) {
	t.Helper()
	check := citelint(t, dir, "", nil, append([]string{"--offline", "--format", "json", "--fail-on", "never"}, paths...)...)
	if check.code != exitClean {
		t.Fatalf("check: exit %d, stderr %q", check.code, check.stderr)
	}
	var want []string
	for _, d := range decode(t, check.stdout).Diagnostics {
		want = append(want, fmt.Sprintf("%s [%d,%d) %s %s", d.Path, d.Offset, d.EndOffset, d.Rule, d.Message))
	}
	slices.Sort(want)
	sheet := citelint(t, dir, "", nil, append([]string{"claims", "--offline", "--format", "json"}, paths...)...)
	if sheet.code != exitClean {
		t.Fatalf("claims: exit %d, stderr %q", sheet.code, sheet.stderr)
	}
	w := decodeClaims(t, sheet.stdout)
	got := findingsInRows(w)
	if len(want) == 0 {
		t.Fatal("no findings to place: the test would prove nothing")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%d findings in rows, %d reported; first difference:\n%s", len(got), len(want), firstDifference(got, want))
	}
	// The rows and the findings come from one judgement: a figure's or a
	// quotation's status agrees with its rule's finding.
	rows := 0
	for _, f := range w.Files {
		rows += len(f.Claims)
		for _, c := range f.Claims {
			rules := map[string]bool{}
			for _, d := range c.Findings {
				rules[d.Rule] = true
			}
			var bad bool
			switch c.Kind {
			case "figure":
				bad = rules["uncited-number"] != (c.Status == "unsourced" || c.Status == "vague-source")
			case "quotation":
				bad = rules["unattributed-quote"] != (c.Status == "unattributed")
			case "link":
				bad = rules["dead-link"] && c.Status != "dead"
			default:
				bad = rules["uncited-number"] || rules["unattributed-quote"]
			}
			if bad {
				t.Errorf("%s:%d: %s row %s %q disagrees with its findings %v", f.Path, c.Line, c.Kind, c.Status, c.Text, rules)
			}
		}
	}
	t.Logf("%d findings in %d rows of %d files", len(got), rows, len(w.Files))
}

func firstDifference(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf(" got %s\nwant %s", got[i], want[i])
		}
	}
	return fmt.Sprintf("one list is a prefix of the other (%d, %d)", len(got), len(want))
}

func TestClaimsHoldEveryFindingOnce(t *testing.T) {
	t.Run("testdata", func(t *testing.T) {
		checkFindingsInRows(t, filepath.Join("..", ".."), "testdata")
	})
	t.Run("corpus", func(t *testing.T) {
		// The corpus sits beside the repository (../shared/corpora); set
		// CITELINT_CORPUS to check it from elsewhere, such as a worktree.
		dir := os.Getenv("CITELINT_CORPUS")
		if dir == "" {
			dir = filepath.Join("..", "..", "..", "shared", "corpora", "digitalgov")
		}
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("no corpus at %s: %v", dir, err)
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		checkFindingsInRows(t, abs, ".")
	})
}

// Findings a baseline holds are left out of the rows, as they are left
// out of the check; the rows of figures stay, and a row that only held
// such a finding goes.
func TestClaimsBaseline(t *testing.T) {
	dir := files(t, map[string]string{"draft.md": "The town spent $4.2 million on roads.\n\nThe library opens at TK.\n"})
	if r := citelint(t, dir, "", nil, "baseline", "--offline", "base.json", "draft.md"); r.code != exitClean {
		t.Fatalf("baseline: exit %d, stderr %q", r.code, r.stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "draft.md"), []byte("The town spent $4.2 million on roads.\n\nThe library opens at TK.\n\nIt cost $9 million.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := citelint(t, dir, "", nil, "claims", "--offline", "--baseline", "base.json", "--format", "json", "draft.md")
	if r.code != exitClean {
		t.Fatalf("claims: exit %d, stderr %q", r.code, r.stderr)
	}
	var got []string
	for _, f := range decodeClaims(t, r.stdout).Files {
		for _, c := range f.Claims {
			row := fmt.Sprintf("%d:%d %s %s %q", c.Line, c.Column, c.Kind, c.Status, c.Text)
			for _, d := range c.Findings {
				row += " " + d.Rule
			}
			got = append(got, row)
		}
	}
	equal(t, "rows", got, []string{
		`1:16 figure unsourced "$4.2 million"`,
		`5:9 figure unsourced "$9 million" uncited-number`,
	})
}

func TestClaimsOutputFile(t *testing.T) {
	dir := files(t, map[string]string{"draft.md": "It cost $9 million.\n"})
	r := citelint(t, dir, "", nil, "claims", "--offline", "--format", "csv=sheet.csv", "draft.md")
	if r.code != exitClean || r.stdout != "" || r.stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "sheet.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want := "file,line,column,kind,status,text,sentence,source_kind,source_text,source_url,link_status,link_reason,findings\r\n" +
		"draft.md,1,9,figure,unsourced,$9 million,It cost $9 million.,none,,,,,\"uncited-number: \"\"$9 million\"\" has no citation\"\r\n"
	if string(got) != want {
		t.Errorf("sheet.csv:\n%q\nwant\n%q", got, want)
	}
	// Never over a file being checked.
	r = citelint(t, dir, "", nil, "claims", "--offline", "--format", "csv=draft.md", "draft.md")
	if r.code != exitError || !strings.Contains(r.stderr, "draft.md") {
		t.Fatalf("claims over its input: exit %d, stderr %q", r.code, r.stderr)
	}
	if text, _ := os.ReadFile(filepath.Join(dir, "draft.md")); string(text) != "It cost $9 million.\n" {
		t.Errorf("draft.md was replaced: %q", text)
	}
	r = citelint(t, dir, "", nil, "claims", "--format", "yaml", "draft.md")
	if want := "citelint: --format yaml: unknown worksheet format; use markdown, csv, json\n"; r.code != exitError || r.stderr != want {
		t.Errorf("--format yaml: exit %d, stderr %q, want %q", r.code, r.stderr, want)
	}
}

// Offline, the worksheet gives each link the verdict the cache holds:
// "citelint links" filled it, and no request is made. The cached text of
// the page the figure cites does not hold 40%, so the figure is "not in
// source".
func TestClaimsOfflineFromCache(t *testing.T) {
	srv := newLinkServer(t)
	u := srv.URL
	draft := strings.ReplaceAll("Sales rose 40%, [the report](U/ok) says. See [a](U/moved), [b](U/paywall), [c](U/404), [d](U/cf).\n", "U", u)
	dir := files(t, map[string]string{"draft.md": draft, ".citelint.yml": linkConfig})
	if r := citelint(t, dir, "", nil, "links", "--allow-private", "--format", "json", "draft.md"); r.code != exitFindings {
		t.Fatalf("links: exit %d, stderr %q", r.code, r.stderr)
	}
	srv.requests()
	r := citelint(t, dir, "", nil, "claims", "--offline", "--format", "csv", "draft.md")
	if r.code != exitClean {
		t.Fatalf("claims: exit %d, stderr %q", r.code, r.stderr)
	}
	equal(t, "offline claims' requests", hitList(srv.requests()), nil)
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\r\n")[1:] {
		// kind, status, text, link status, link reason
		f := strings.Split(line, ",")
		got = append(got, strings.Join([]string{f[3], f[4], strings.TrimPrefix(f[5], u), f[len(f)-3], f[len(f)-2]}, " "))
	}
	equal(t, "rows", got, []string{
		"figure not-in-source 40% ok HTTP 200",
		"link sourced /ok ok HTTP 200",
		"link moved /moved redirected moved permanently to " + u + "/ok",
		"link paywalled /paywall paywalled schema.org isAccessibleForFree is false",
		"link dead /404 dead HTTP 404",
		"link unverified /cf not-checked offline",
	})
}
