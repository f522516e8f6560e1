package rules

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	brokenfragment "github.com/citelint/citelint/rules/broken-fragment"
	deadlink "github.com/citelint/citelint/rules/dead-link"
	"github.com/citelint/citelint/rules/internal/linkrule"
	paywalledlink "github.com/citelint/citelint/rules/paywalled-link"
	redirectedlink "github.com/citelint/citelint/rules/redirected-link"
	unverifiablelink "github.com/citelint/citelint/rules/unverifiable-link"
)

// linkRules are the rules that judge links.
var linkRules = []*lint.Rule{deadlink.Rule, paywalledlink.Rule, redirectedlink.Rule, unverifiablelink.Rule, brokenfragment.Rule}

// runLinkRules checks src, saved as name in dir, with every link rule and
// the given link results (nil: links not checked). It returns one line per
// diagnostic, as the fixtures write them, with the rule's ID.
func runLinkRules(t *testing.T, dir, name, src string, results map[string]linkcheck.Result) ([]string, []lint.Diagnostic) {
	t.Helper()
	path := filepath.ToSlash(filepath.Join(dir, name))
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := lint.Parse(path, []byte(src), lint.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	var active []lint.ActiveRule
	for _, r := range linkRules {
		active = append(active, lint.ActiveRule{Rule: r, Severity: r.Severity})
	}
	runner := &lint.Runner{Rules: active, Known: Known}
	if results != nil {
		runner.Values = linkrule.Values(results, linkrule.Options{})
	}
	diags, err := runner.Check(doc)
	if err != nil {
		t.Fatal(err)
	}
	lint.SortDiagnostics(diags)
	var lines []string
	for _, d := range diags {
		msg := strings.ReplaceAll(d.Message, filepath.ToSlash(dir)+"/", "")
		lines = append(lines, fmt.Sprintf("%d:%d-%d:%d %s %s %q: %s", d.Pos.Line, d.Pos.Column, d.EndPos.Line, d.EndPos.Column,
			d.Rule, d.Severity, src[d.Start:d.End], msg))
	}
	return lines, diags
}

func wantLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n--- got\n%s\n--- want\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRelativeLinks checks files and headings in the repository without
// any link results: these checks need no network.
func TestRelativeLinks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"guide.md":       "# Guide\n\n## Install the tool\n\n<a id=\"faq\"></a>\n",
		"data/table.csv": "a,b\n",
	})
	src := "# Post\n\n## Method\n\n" +
		"See [the guide](guide.md#install-the-tool), [faq](guide.md#FAQ), [top](guide.md#top), [data](data/table.csv#row=2), [folder](data/).\n" +
		"Broken: [gone](missing.md), [gone too](missing.md#x), [no heading](guide.md#setup), [ref][r], [ref again][r].\n" +
		"Here: [method](#method), [nothing](#results), [empty](#).\n\n" +
		"[r]: <old notes.md>\n"
	got, _ := runLinkRules(t, dir, "post.md", src, nil)
	wantLines(t, got, []string{
		`6:16-6:26 dead-link error "missing.md": dead link: missing.md does not exist`,
		`6:40-6:52 dead-link error "missing.md#x": dead link: missing.md does not exist`,
		`6:68-6:82 broken-fragment warning "guide.md#setup": no heading or anchor "#setup" in guide.md`,
		`7:36-7:44 broken-fragment warning "#results": no heading or anchor "#results" in this document`,
		`9:7-9:19 dead-link error "old notes.md": dead link: old notes.md does not exist`,
	})
}

// results builds link results as the checker would return them.
func results(rs ...linkcheck.Result) map[string]linkcheck.Result {
	m := make(map[string]linkcheck.Result)
	for _, r := range rs {
		m[r.URL] = r
	}
	return m
}

func TestWebLinkVerdicts(t *testing.T) {
	src := "# T\n\n" +
		"[a](https://example.com/gone) [b](https://example.com/pay) [c](https://example.com/piano)\n" +
		"[d](https://example.com/old#part) [e](https://example.com/cf) [f](http://localhost/x)\n" +
		"[g](https://example.com/fine) [h](https://example.com/offline) [i](https://example.com/excluded)\n" +
		"[j](https://example.com/chain) [k][k] [k again][k]\n\n" +
		"[k]: https://example.com/gone\n"
	res := results(
		linkcheck.Result{URL: "https://example.com/gone", Verdict: linkcheck.Dead, Status: 404, Reason: "HTTP 404",
			ArchiveURL: "https://web.archive.org/web/*/https://example.com/gone"},
		linkcheck.Result{URL: "https://example.com/pay", Verdict: linkcheck.Paywalled, Strong: true, Reason: "schema.org isAccessibleForFree is false"},
		linkcheck.Result{URL: "https://example.com/piano", Verdict: linkcheck.Paywalled, Reason: "the page loads Piano's paywall script"},
		linkcheck.Result{URL: "https://example.com/old#part", Verdict: linkcheck.Redirected, Status: 200,
			MovedTo: "https://example.com/new", FinalURL: "https://example.com/new"},
		linkcheck.Result{URL: "https://example.com/cf", Verdict: linkcheck.Unverifiable, Status: 403,
			Reason: "HTTP 403 from bot protection (cf-mitigated: challenge)"},
		linkcheck.Result{URL: "http://localhost/x", Verdict: linkcheck.Skipped, Refused: true,
			Reason: "refused to connect to 127.0.0.1, a private or local address (allow private addresses to check it)"},
		linkcheck.Result{URL: "https://example.com/fine", Verdict: linkcheck.OK, Status: 200, Reason: "HTTP 200"},
		linkcheck.Result{URL: "https://example.com/offline", Verdict: linkcheck.NotChecked, Reason: "offline"},
		linkcheck.Result{URL: "https://example.com/excluded", Verdict: linkcheck.Skipped, Reason: "excluded by configuration"},
		linkcheck.Result{URL: "https://example.com/chain", Verdict: linkcheck.Dead, Status: 404, Reason: "HTTP 404",
			MovedTo: "https://example.com/moved", FinalURL: "https://example.com/moved",
			ArchiveURL: "https://web.archive.org/web/*/https://example.com/chain"},
	)
	got, diags := runLinkRules(t, t.TempDir(), "t.md", src, res)
	wantLines(t, got, []string{
		`3:5-3:29 dead-link error "https://example.com/gone": dead link: HTTP 404`,
		`3:35-3:58 paywalled-link warning "https://example.com/pay": behind a paywall: schema.org isAccessibleForFree is false`,
		`3:64-3:89 paywalled-link info "https://example.com/piano": may be behind a paywall: the page loads Piano's paywall script`,
		`4:5-4:33 redirected-link info "https://example.com/old#part": permanently redirected to https://example.com/new#part`,
		`4:39-4:61 unverifiable-link info "https://example.com/cf": could not verify: HTTP 403 from bot protection (cf-mitigated: challenge)`,
		`4:67-4:85 unverifiable-link info "http://localhost/x": not checked: refused to connect to 127.0.0.1, a private or local address (allow private addresses to check it)`,
		`6:5-6:30 dead-link error "https://example.com/chain": dead link: HTTP 404 after a redirect to https://example.com/moved`,
		`8:6-8:30 dead-link error "https://example.com/gone": dead link: HTTP 404`,
	})
	for _, d := range diags {
		switch d.Rule {
		case "dead-link":
			if !strings.Contains(d.Suggestion, "https://web.archive.org/web/*/https://example.com/") {
				t.Errorf("dead link without an archive suggestion: %q", d.Suggestion)
			}
		case "redirected-link":
			want := []lint.Edit{{Start: d.Start, End: d.End, New: "https://example.com/new#part"}}
			if !slices.Equal(d.Fix, want) || d.Suggestion != "link to https://example.com/new#part" {
				t.Errorf("redirect fix %+v, suggestion %q", d.Fix, d.Suggestion)
			}
		}
	}
}

func TestRedirectFixNeedsNoEscaping(t *testing.T) {
	src := "[a](https://example.com/a)\n"
	res := results(linkcheck.Result{URL: "https://example.com/a", Verdict: linkcheck.Redirected, MovedTo: "https://example.com/b_(c)"})
	_, diags := runLinkRules(t, t.TempDir(), "t.md", src, res)
	if len(diags) != 1 || diags[0].Fix != nil || !strings.Contains(diags[0].Suggestion, "b_(c)") {
		t.Errorf("want a suggestion without a fix, got %+v", diags)
	}
}

// TestWebFragments checks fragments against pages really fetched, since
// the anchors a page has come only from the checker.
func TestWebFragments(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/page":
			fmt.Fprint(w, `<html><body><h2 id="results">R</h2><a name="legacy"></a><div id="user-content-notes"></div></body></html>`)
		case "/plain":
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, "no anchors here")
		}
	}))
	defer srv.Close()
	src := fmt.Sprintf("[a](%[1]s/page#results) [b](%[1]s/page#legacy) [c](%[1]s/page#notes) [d](%[1]s/page#absent)\n"+
		"[e](%[1]s/plain#x) [f](%[1]s/page#:~:text=anything)\n", srv.URL)
	doc, err := lint.Parse("t.md", []byte(src), lint.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	checker, err := linkcheck.New(linkcheck.Config{AllowPrivate: true, MinInterval: -1, Retries: -1})
	if err != nil {
		t.Fatal(err)
	}
	res, _ := checker.Check(context.Background(), linkrule.Targets(doc))
	got, _ := runLinkRules(t, t.TempDir(), "t.md", src, res)
	col := len(fmt.Sprintf("[a](%[1]s/page#results) [b](%[1]s/page#legacy) [c](%[1]s/page#notes) [d](", srv.URL)) + 1
	wantLines(t, got, []string{
		fmt.Sprintf(`1:%d-1:%d broken-fragment warning "%s/page#absent": the page has no element with id or name "absent"`,
			col, col+len(srv.URL+"/page#absent"), srv.URL),
	})
}

func TestNotCheckedLinksAreNotReported(t *testing.T) {
	src := "[a](https://example.com/a) [b](https://example.com/b#frag)\n"
	res := results(
		linkcheck.Result{URL: "https://example.com/a", Verdict: linkcheck.NotChecked, Reason: "network unavailable"},
		linkcheck.Result{URL: "https://example.com/b#frag", Verdict: linkcheck.NotChecked, Reason: "offline"},
	)
	if got, _ := runLinkRules(t, t.TempDir(), "t.md", src, res); len(got) != 0 {
		t.Errorf("unchecked links reported: %q", got)
	}
}

func TestDeadLinkSchemeSlips(t *testing.T) {
	dir := t.TempDir()
	// Autolinked addresses are mailto: links already, and are fine.
	src := "Write to [the desk](desk@example.com) or see [the site](www.example.com/about).\nOr <desk@example.com>, news@example.com.\n" +
		"The [registry]((https://example.com/registry)) lists them.\n"
	got, diags := runLinkRules(t, dir, "draft.md", src, nil)
	wantLines(t, got, []string{
		`1:21-1:37 dead-link error "desk@example.com": dead link: "desk@example.com" is an e-mail address written as a file path`,
		`1:57-1:78 dead-link error "www.example.com/about": dead link: "www.example.com/about" is a web address without https://, so it is read as a file path`,
		`3:16-3:46 dead-link error "(https://example.com/registry)": dead link: "(https://example.com/registry)" has parentheses around the address, so it is read as a file path`,
	})
	fixes := []string{}
	for _, d := range diags {
		for _, e := range d.Fix {
			fixes = append(fixes, fmt.Sprintf("%d:%q", e.Start, e.New))
		}
	}
	wantLines(t, fixes, []string{`20:"mailto:"`, `56:"https://"`, `136:""`, `165:""`})
}
