package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// linkServer is a local web server with one path per kind of link,
// counting the requests each path receives.
type linkServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newLinkServer(t *testing.T) *linkServer {
	t.Helper()
	s := &linkServer{hits: make(map[string]int)}
	page := func(head, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<!doctype html><html><head><title>t</title>%s</head><body>%s</body></html>", head, body)
		}
	}
	status := func(code int, header ...string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			for i := 0; i+1 < len(header); i += 2 {
				w.Header().Set(header[i], header[i+1])
			}
			w.WriteHeader(code)
		}
	}
	redirect := func(code int, to string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, to, code) }
	}
	mux := http.NewServeMux()
	mux.Handle("/ok", page("", `<h2 id="present">Here</h2>`))
	mux.Handle("/404", status(404))
	mux.Handle("/410", status(410))
	mux.Handle("/moved", redirect(301, "/ok"))
	mux.Handle("/moved-to-404", redirect(308, "/404"))
	mux.Handle("/temporary", redirect(302, "/ok"))
	mux.Handle("/loop", redirect(301, "/loop"))
	mux.Handle("/paywall", page(`<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>`, "<p>teaser</p>"))
	mux.Handle("/piano", page(`<script src="https://cdn.tinypass.com/api/tinypass.min.js"></script>`, "<p>article</p>"))
	mux.Handle("/free", page("", `<p>Subscribe to our newsletter! This site has no paywall.</p>`))
	mux.Handle("/cf", status(403, "Cf-Mitigated", "challenge"))
	mux.Handle("/999", status(999))
	mux.HandleFunc("/wayback", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"archived_snapshots":{"closest":{"available":true,"url":"http://web.archive.org/web/2020/%s"}}}`, r.URL.Query().Get("url"))
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// requests returns the request counts by path and resets them.
func (s *linkServer) requests() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.hits
	s.hits = make(map[string]int)
	return h
}

// linkConfig is a config for tests: the cache in the test's folder, no
// retries, so that runs are quick and counts exact.
const linkConfig = "links:\n  cache: cache\n  retries: 0\n  timeout: 5s\n"

// span returns "line:col-endLine:endCol" of the n-th (0-based) occurrence
// of needle in src, which must be ASCII.
func span(t *testing.T, src, needle string, n int) string {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(src[off+1:], needle)
		if j < 0 {
			t.Fatalf("occurrence %d of %q not in the draft", n, needle)
		}
		off += 1 + j
	}
	line := strings.Count(src[:off], "\n") + 1
	col := off - strings.LastIndex(src[:off], "\n")
	return fmt.Sprintf("%d:%d-%d:%d", line, col, line, col+len(needle))
}

// findings renders each diagnostic as "line:col-endLine:endCol rule
// severity: message".
func findings(out jsonOut) []string {
	var s []string
	for _, d := range out.Diagnostics {
		s = append(s, fmt.Sprintf("%d:%d-%d:%d %s %s: %s", d.Line, d.Column, d.EndLine, d.EndColumn, d.Rule, d.Severity, d.Message))
	}
	return s
}

func TestLinkRulesEndToEnd(t *testing.T) {
	srv := newLinkServer(t)
	u := srv.URL
	draft := strings.ReplaceAll(`# Sources

Fine: [ok](U/ok), [anchor](U/ok#present), [temporary](U/temporary), [free](U/free), [mail](mailto:a@example.com).
Dead: [404](U/404), [gone](U/410), [chain](U/moved-to-404), [loop](U/loop), [again](U/404).
Paywalled: [jsonld](U/paywall), [vendor](U/piano). Moved: [moved](U/moved#present).
Unverifiable: [cf](U/cf), [linkedin](U/999). Fragment: [missing](U/ok#absent).
Reference: [first][dead], [second][dead].

[dead]: U/410?ref
`, "U", u)
	dir := files(t, map[string]string{"draft.md": draft, ".citelint.yml": linkConfig})

	r := citelint(t, dir, "", nil, "--allow-private", "--format", "json", "draft.md")
	if r.code != exitFindings {
		t.Fatalf("exit %d, want %d (dead links are errors); stderr %q", r.code, exitFindings, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr %q", r.stderr)
	}
	out := decode(t, r.stdout)
	equal(t, "findings", findings(out), []string{
		span(t, draft, u+"/404", 0) + " dead-link error: dead link: HTTP 404",
		span(t, draft, u+"/410", 0) + " dead-link error: dead link: HTTP 410",
		span(t, draft, u+"/moved-to-404", 0) + " dead-link error: dead link: HTTP 404 after a redirect to " + u + "/404",
		span(t, draft, u+"/loop", 0) + " dead-link error: dead link: redirect loop",
		span(t, draft, u+"/404", 1) + " dead-link error: dead link: HTTP 404",
		span(t, draft, u+"/paywall", 0) + " paywalled-link warning: behind a paywall: schema.org isAccessibleForFree is false",
		span(t, draft, u+"/piano", 0) + " paywalled-link info: may be behind a paywall: the site loads the Piano paywall script",
		span(t, draft, u+"/moved#present", 0) + " redirected-link info: permanently redirected to " + u + "/ok#present",
		span(t, draft, u+"/cf", 0) + " unverifiable-link info: could not verify: HTTP 403 from bot protection (cf-mitigated: challenge)",
		span(t, draft, u+"/999", 0) + " unverifiable-link info: could not verify: HTTP 999: the site refuses automated clients",
		span(t, draft, u+"/ok#absent", 0) + ` broken-fragment warning: the page has no element with id or name "absent"`,
		span(t, draft, u+"/410?ref", 0) + " dead-link error: dead link: HTTP 410",
	})
	for _, d := range out.Diagnostics {
		if d.Rule == "dead-link" && !strings.Contains(d.Suggestion, "https://web.archive.org/web/*/"+u+"/") {
			t.Errorf("dead link at %d:%d suggests %q, want the archive's calendar", d.Line, d.Column, d.Suggestion)
		}
	}
	// Each distinct URL is fetched once, whatever its fragments and
	// repeats: /ok is requested for itself and at the end of the chains
	// from /moved and /temporary, /404 for itself and for /moved-to-404,
	// and /410 for itself and as /410?ref, a URL of its own.
	equal(t, "requests", hitList(srv.requests()), []string{
		"/404=2", "/410=2", "/999=1", "/cf=1", "/free=1", "/loop=1", "/moved-to-404=1", "/moved=1",
		"/ok=3", "/paywall=1", "/piano=1", "/temporary=1",
	})
}

// hitList renders request counts as sorted "path=n" strings.
func hitList(hits map[string]int) []string {
	var s []string
	for p, n := range hits {
		s = append(s, fmt.Sprintf("%s=%d", p, n))
	}
	slices.Sort(s)
	return s
}

func TestLinkCacheAndOffline(t *testing.T) {
	srv := newLinkServer(t)
	u := srv.URL
	draft := strings.ReplaceAll("See [a](U/ok), [b](U/ok#absent), [c](U/moved), [d](U/paywall), [e](U/404), [f](U/cf).\n", "U", u)
	dir := files(t, map[string]string{"draft.md": draft, ".citelint.yml": linkConfig})
	want := []string{
		span(t, draft, u+"/ok#absent", 0) + ` broken-fragment warning: the page has no element with id or name "absent"`,
		span(t, draft, u+"/moved", 0) + " redirected-link info: permanently redirected to " + u + "/ok",
		span(t, draft, u+"/paywall", 0) + " paywalled-link warning: behind a paywall: schema.org isAccessibleForFree is false",
		span(t, draft, u+"/404", 0) + " dead-link error: dead link: HTTP 404",
		span(t, draft, u+"/cf", 0) + " unverifiable-link info: could not verify: HTTP 403 from bot protection (cf-mitigated: challenge)",
	}

	first := citelint(t, dir, "", nil, "--allow-private", "--format", "json", "draft.md")
	equal(t, "first run", findings(decode(t, first.stdout)), want)
	equal(t, "first run's requests", hitList(srv.requests()), []string{"/404=1", "/cf=1", "/moved=1", "/ok=2", "/paywall=1"})
	if _, err := os.Stat(filepath.Join(dir, "cache", "links.json")); err != nil {
		t.Fatalf("no cache written where links.cache says: %v", err)
	}

	// Pages served (and their anchors) come from the cache; failures are
	// asked again.
	second := citelint(t, dir, "", nil, "--allow-private", "--format", "json", "draft.md")
	equal(t, "second run", findings(decode(t, second.stdout)), want)
	equal(t, "second run's requests", hitList(srv.requests()), []string{"/404=1", "/cf=1"})

	// Offline: cached results only, no request, the rest not checked. The
	// dead link found online is reported from the cache (the hook's case);
	// the passing failure (bot protection) was never kept.
	offline := citelint(t, dir, "", nil, "--allow-private", "--offline", "--format", "json", "draft.md")
	equal(t, "offline run", findings(decode(t, offline.stdout)), want[:4])
	equal(t, "offline run's requests", hitList(srv.requests()), nil)
	if offline.code != exitFindings {
		t.Errorf("offline exit %d, want %d", offline.code, exitFindings)
	}
	if want := "citelint: offline: 1 link not checked (no recent result in the cache; \"citelint links PATH...\" checks them and fills it)\n"; offline.stderr != want {
		t.Errorf("offline stderr %q, want %q", offline.stderr, want)
	}
	quiet := citelint(t, dir, "", nil, "--offline", "--quiet", "--format", "json", "draft.md")
	if quiet.stderr != "" {
		t.Errorf("--quiet offline stderr %q", quiet.stderr)
	}
}

func TestUnverifiableNeverFailsByDefault(t *testing.T) {
	srv := newLinkServer(t)
	draft := strings.ReplaceAll("Robots refused: [a](U/cf), [b](U/999).\n", "U", srv.URL)
	dir := files(t, map[string]string{"draft.md": draft, ".citelint.yml": linkConfig})
	r := citelint(t, dir, "", nil, "--allow-private", "--format", "json", "draft.md")
	if out := decode(t, r.stdout); r.code != exitClean || out.Summary.Info != 2 || len(out.Diagnostics) != 2 {
		t.Errorf("exit %d, summary %+v; want exit 0 with two infos", r.code, out.Summary)
	}

	// Excluded links are neither fetched nor reported.
	excluding := linkConfig + "  exclude: ['/cf$', '/999$']\n"
	dir = files(t, map[string]string{"draft.md": draft, ".citelint.yml": excluding})
	srv.requests()
	r = citelint(t, dir, "", nil, "--allow-private", "--format", "json", "draft.md")
	if out := decode(t, r.stdout); r.code != exitClean || len(out.Diagnostics) != 0 {
		t.Errorf("excluded links: exit %d, findings %q", r.code, findings(out))
	}
	equal(t, "requests for excluded links", hitList(srv.requests()), nil)
}

func TestAddressGuard(t *testing.T) {
	srv := newLinkServer(t)
	draft := "A [local page](" + srv.URL + "/ok).\n"
	dir := files(t, map[string]string{"draft.md": draft, ".citelint.yml": linkConfig})
	r := citelint(t, dir, "", nil, "--format", "json", "draft.md")
	out := decode(t, r.stdout)
	equal(t, "findings", findings(out), []string{
		span(t, draft, srv.URL+"/ok", 0) + " unverifiable-link info: not checked: refused to connect to 127.0.0.1, a private or local address (allow private addresses to check it)",
	})
	if len(out.Diagnostics) == 1 && !strings.Contains(out.Diagnostics[0].Suggestion, "--allow-private") {
		t.Errorf("suggestion %q does not say how to allow the address", out.Diagnostics[0].Suggestion)
	}
	if r.code != exitClean {
		t.Errorf("exit %d, want %d", r.code, exitClean)
	}
	equal(t, "requests without --allow-private", hitList(srv.requests()), nil)

	// links.allow-private in the config opts in as the flag does.
	dir = files(t, map[string]string{"draft.md": draft, ".citelint.yml": linkConfig + "  allow-private: true\n"})
	r = citelint(t, dir, "", nil, "--format", "json", "draft.md")
	if out := decode(t, r.stdout); r.code != exitClean || len(out.Diagnostics) != 0 {
		t.Errorf("allowed: exit %d, findings %q", r.code, findings(out))
	}
	equal(t, "requests with links.allow-private", hitList(srv.requests()), []string{"/ok=1"})
}

func TestSuggestArchive(t *testing.T) {
	srv := newLinkServer(t)
	draft := "A [dead page](" + srv.URL + "/404).\n"
	cfg := linkConfig + "  archive-api: " + srv.URL + "/wayback\n"
	dir := files(t, map[string]string{"draft.md": draft, ".citelint.yml": cfg})
	r := citelint(t, dir, "", nil, "--allow-private", "--suggest-archive", "--format", "json", "draft.md")
	out := decode(t, r.stdout)
	want := "https://web.archive.org/web/2020/" + srv.URL + "/404"
	if len(out.Diagnostics) != 1 || !strings.HasSuffix(out.Diagnostics[0].Suggestion, ": "+want) {
		t.Errorf("findings %+v, want a dead link suggesting %s", out.Diagnostics, want)
	}
}

// TestRelativeLinksOffline checks files and headings in the repository
// with no network at all, also for standard input named into a folder.
func TestRelativeLinksOffline(t *testing.T) {
	draft := "# Notes\n\n## Method\n\n" +
		"See [guide](guide.md#setup), [guide again](guide.md#install-it), [gone](old/plan.md), [method](#method), [results](#results).\n"
	dir := files(t, map[string]string{
		"docs/draft.md": draft,
		"docs/guide.md": "# Guide\n\n## Install it\n",
	})
	want := []string{
		span(t, draft, "guide.md#setup", 0) + ` broken-fragment warning: no heading or anchor "#setup" in docs/guide.md`,
		span(t, draft, "old/plan.md", 0) + " dead-link error: dead link: docs/old/plan.md does not exist",
		span(t, draft, "#results", 0) + ` broken-fragment warning: no heading or anchor "#results" in this document`,
	}
	r := citelint(t, dir, "", nil, "--offline", "--format", "json", "docs/draft.md")
	equal(t, "findings", findings(decode(t, r.stdout)), want)
	if r.code != exitFindings || r.stderr != "" {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	r = citelint(t, dir, draft, nil, "--offline", "--format", "json", "--stdin-filename", "docs/draft.md", "-")
	equal(t, "findings from standard input", findings(decode(t, r.stdout)), want)
}

func TestLinksConfigErrors(t *testing.T) {
	for _, tt := range []struct{ config, want string }{
		{"links:\n  exclude: ['(']\n", "config .citelint.yml:2:12: links.exclude: error parsing regexp"},
		{"links:\n  retries: -1\n", "config .citelint.yml:2:12: links.retries: -1 is negative; write 0 for no retries"},
		{"links:\n  timeout: -1s\n", "config .citelint.yml:2:12: links.timeout: -1s is negative; write a duration such as 15s"},
		{"links:\n  accept: [42]\n", "config .citelint.yml:2:11: links.accept: 42 is not an HTTP status; write numbers from 100 to 999"},
		{"links:\n  archive-api: ftp://example.com\n", "is not an http(s) URL"},
		{"links:\n  retry: 3\n", `config .citelint.yml:2:3: unknown key "retry" in links: expected exclude, timeout,`},
	} {
		dir := files(t, map[string]string{"draft.md": "Text.\n", ".citelint.yml": tt.config})
		r := citelint(t, dir, "", nil, "--offline", "draft.md")
		if r.code != exitError || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("config %q: exit %d, stderr %q; want exit %d mentioning %q", tt.config, r.code, r.stderr, exitError, tt.want)
		}
	}
}

func TestBaselineRecordsNoNetworkFailure(t *testing.T) {
	srv := newLinkServer(t)
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close() // accepts into the backlog, never answers
	draft := "Gone: [a](" + srv.URL + "/404). Refused: [b](" + srv.URL + "/999). Silent: [c](http://" + silent.Addr().String() + "/).\n"
	config := "links:\n  cache: off\n  retries: 0\n  timeout: 300ms\n  allow-private: true\n"
	dir := files(t, map[string]string{"draft.md": draft, ".citelint.yml": config})
	r := citelint(t, dir, "", nil, "baseline", "base.json", "draft.md")
	if r.code != exitClean {
		t.Fatalf("baseline: exit %d, stderr %q", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "base.json"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(data), `"rule"`); got != 1 || !strings.Contains(string(data), `"dead-link"`) || strings.Contains(string(data), "unverifiable-link") {
		t.Errorf("baseline holds %d findings, want only the dead link:\n%s", got, data)
	}

	// check still reports what the baseline left out.
	r = citelint(t, dir, "", nil, "--baseline", "base.json", "--format", "json", "draft.md")
	got := findings(decode(t, r.stdout))
	if len(got) != 2 || !strings.Contains(got[0], "unverifiable-link") || !strings.Contains(got[1], "timed out") {
		t.Errorf("findings after the baseline: %q", got)
	}
}

func TestTimeoutFlagSetsTheLinksDeadline(t *testing.T) {
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	link := "http://" + silent.Addr().String() + "/"
	draft := "Silent: [c](" + link + ").\n"
	config := "links:\n  cache: off\n  timeout: 30s\n  connect-timeout: 30s\n"
	dir := files(t, map[string]string{"draft.md": draft, ".citelint.yml": config})
	start := time.Now()
	r := citelint(t, dir, "", nil, "--timeout", "300ms", "--allow-private", "--format", "json", "draft.md")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v despite --timeout 300ms", d)
	}
	equal(t, "findings", findings(decode(t, r.stdout)), []string{
		span(t, draft, link, 0) + " unverifiable-link info: could not verify: the links deadline (300ms) passed before the link was checked",
	})
	if r.code != exitClean || r.stderr != "citelint: the links deadline passed: 1 links not checked (reported as unverifiable)\n" {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	dir = files(t, map[string]string{"draft.md": draft, ".citelint.yml": "links:\n  deadline: 200ms\n  cache: off\n"})
	r = citelint(t, dir, "", nil, "--allow-private", "--format", "json", "draft.md")
	if got := findings(decode(t, r.stdout)); len(got) != 1 || !strings.HasSuffix(got[0], "the links deadline (200ms) passed before the link was checked") {
		t.Errorf("links.deadline: %q", got)
	}
}

func TestCacheNeverReplacesARepositorysLinksJSON(t *testing.T) {
	srv := newLinkServer(t)
	theirs := `{"links": ["https://example.com/"]}`
	draft := "A [page](" + srv.URL + "/ok).\n"
	dir := files(t, map[string]string{
		"draft.md":      draft,
		"links.json":    theirs,
		".citelint.yml": "links:\n  cache: .\n  allow-private: true\n",
	})
	for range 2 {
		if r := citelint(t, dir, "", nil, "draft.md"); r.code != exitClean || r.stderr != "" {
			t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
		}
	}
	if data, err := os.ReadFile(filepath.Join(dir, "links.json")); err != nil || string(data) != theirs {
		t.Errorf("the repository's links.json now holds %q (%v)", data, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "citelint", "links.json")); err != nil {
		t.Errorf("no cache in the citelint subfolder: %v", err)
	}
	// The second run was answered from the cache.
	equal(t, "requests", hitList(srv.requests()), []string{"/ok=1"})
}
