package linkcheck

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// scenarioServer is a local web server with one path per situation a link
// checker meets, counting the requests each path receives.
type scenarioServer struct {
	*httptest.Server

	mu sync.Mutex
	// hits counts requests per path.
	hits map[string]int
	// times records when each request for a path arrived.
	times map[string][]time.Time
	// hugeWritten is how many bytes /huge managed to send.
	hugeWritten int64
}

// testConfig is a Config for local servers: short timeouts and waits, no
// pacing, private addresses allowed.
func testConfig() Config {
	return Config{
		Timeout:      300 * time.Millisecond,
		MinRetryWait: 5 * time.Millisecond,
		MaxRetryWait: 100 * time.Millisecond,
		Retries:      2,
		MinInterval:  -1,
		PerHost:      8,
		AllowPrivate: true,
	}
}

func page(head, body string) string {
	return "<!doctype html><html><head><title>t</title>" + head + "</head><body>" + body + "</body></html>"
}

func jsonLD(doc string) string {
	return `<script type="application/ld+json">` + doc + `</script>`
}

// gzipBomb returns a gzip stream of a few KiB that inflates to an HTML page
// of 16 MiB, eight times the read cap: one compressed MiB of spaces
// repeated as 16 gzip members, which decoders read as one stream.
func gzipBomb(t testing.TB) []byte {
	t.Helper()
	var member bytes.Buffer
	zw, err := gzip.NewWriterLevel(&member, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zw.Write(bytes.Repeat([]byte(" "), 1<<20)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	var head bytes.Buffer
	zw = gzip.NewWriter(&head)
	_, _ = io.WriteString(zw, "<html><body><p id=bomb>")
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return append(head.Bytes(), bytes.Repeat(member.Bytes(), 16)...)
}

func newScenarioServer(t testing.TB) *scenarioServer {
	t.Helper()
	s := &scenarioServer{hits: make(map[string]int), times: make(map[string][]time.Time)}
	bomb := gzipBomb(t)
	html := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = io.WriteString(w, body)
		}
	}
	status := func(code int, header ...string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			for i := 0; i+1 < len(header); i += 2 {
				w.Header().Set(header[i], header[i+1])
			}
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(code)
			_, _ = io.WriteString(w, page("", "<p>status page</p>"))
		}
	}
	redirect := func(code int, to string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, to, code) }
	}
	// failFirst answers code (with header) to the first n requests, then a page.
	failFirst := func(path string, n, code int, header func() (string, string)) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if s.count(path) <= n {
				if header != nil {
					k, v := header()
					w.Header().Set(k, v)
				}
				w.WriteHeader(code)
				return
			}
			html(page("", "<p>recovered</p>"))(w, r)
		}
	}

	mux := http.NewServeMux()
	mux.Handle("/ok", html(page("", "<p>Hello</p>")))
	mux.Handle("/404", status(404))
	mux.Handle("/410", status(410))
	mux.Handle("/301", redirect(301, "/target-301"))
	mux.Handle("/target-301", html(page("", "<p>moved here</p>")))
	mux.Handle("/308", redirect(308, "/target-308"))
	mux.Handle("/target-308", status(404))
	mux.Handle("/302", redirect(302, "/target-302"))
	mux.Handle("/target-302", html(page("", "<p>temporarily here</p>")))
	mux.Handle("/loop-a", redirect(302, "/loop-b"))
	mux.Handle("/loop-b", redirect(301, "/loop-a"))
	mux.HandleFunc("/no-head", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		html(page("", "<p>GET only</p>"))(w, r)
	})
	mux.Handle("/retry-after-seconds", failFirst("/retry-after-seconds", 1, 429, func() (string, string) { return "Retry-After", "1" }))
	mux.Handle("/retry-after-date", failFirst("/retry-after-date", 1, 429, func() (string, string) {
		return "Retry-After", time.Now().Add(3 * time.Second).UTC().Format(http.TimeFormat)
	}))
	mux.Handle("/429-always", status(429, "Retry-After", "0"))
	mux.Handle("/503-then-200", failFirst("/503-then-200", 1, 503, nil))
	mux.Handle("/503-always", status(503))
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		n, _ := io.WriteString(w, "<html><body><p id=early>start</p>")
		chunk := []byte(strings.Repeat("<p>filler text</p>\n", 3450)) // about 64 KiB
		written := int64(n)
		for written < 50<<20 {
			n, err := w.Write(chunk)
			written += int64(n)
			if err != nil {
				break
			}
		}
		_, _ = io.WriteString(w, "<p id=late>end</p>")
		s.mu.Lock()
		s.hugeWritten = written
		s.mu.Unlock()
	})
	mux.HandleFunc("/gzip-bomb", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(bomb)
	})
	mux.Handle("/malformed", html(`<html><div id=a><p <b>>>< id='x' <a name=y>unclosed <script>var s = "</div>`))

	// Paywall signs, strong.
	mux.Handle("/402", status(402))
	mux.Handle("/401", status(401))
	mux.Handle("/jsonld-bool", html(page(jsonLD(`{"@context":"https://schema.org","@type":"NewsArticle","headline":"h","isAccessibleForFree":false}`), "<p>teaser</p>")))
	mux.Handle("/jsonld-string-array", html(page(jsonLD(`[{"@type":"WebSite","name":"w"},{"@type":"Article","isAccessibleForFree":"False"}]`), "<p>teaser</p>")))
	mux.Handle("/jsonld-haspart-object", html(page(jsonLD(`{"@type":"NewsArticle","hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".paywall"}}`), "<p>teaser</p>")))
	mux.Handle("/jsonld-haspart-array", html(page(jsonLD(`{"@type":"NewsArticle","isAccessibleForFree":true,"hasPart":[{"@type":"WebPageElement","isAccessibleForFree":"False","cssSelector":".paywall"}]}`), "<p>teaser</p>")))
	mux.Handle("/jsonld-graph", html(page(jsonLD(`{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","isAccessibleForFree":false}]}`), "<p>teaser</p>")))
	mux.Handle("/microdata", html(page("", `<article itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="isAccessibleForFree" content="False"><p>teaser</p></article>`)))
	mux.Handle("/tier-locked", html(page(`<meta property="article:content_tier" content="locked">`, "<p>teaser</p>")))
	mux.Handle("/tier-metered", html(page(`<meta property="article:content_tier" content="metered">`, "<p>teaser</p>")))
	mux.Handle("/ghost", html(page("", `<article><p>teaser</p><aside class="gh-post-upgrade-cta"><h2>Réservé aux abonnés</h2></aside></article>`)))
	mux.Handle("/substack", html(page("", `<div class="paywall" data-testid="paywall" data-component-name="Paywall"><h2 class="paywall-title">For paid subscribers</h2></div>`)))
	mux.Handle("/amp", html(page(`<script async custom-element="amp-subscriptions" src="https://cdn.ampproject.org/v0/amp-subscriptions-0.1.js"></script>`,
		`<section subscriptions-section="content-not-granted"><p>Subscribe to read</p></section><section subscriptions-section="content"></section>`)))
	// Paywall signs, weak.
	mux.Handle("/piano", html(page(`<script src="https://cdn.tinypass.com/api/tinypass.min.js"></script>`, "<p>article</p>")))
	mux.Handle("/zephr", html(page(`<script src="https://assets.zephr.com/zephr-browser.js"></script>`, "<p>article</p>")))
	mux.Handle("/pelcro", html(page(`<script src="//js.pelcro.com/sdk/main.min.js"></script>`, "<p>article</p>")))
	mux.Handle("/poool", html(page(`<script src="https://assets.poool.fr/audit.min.js"></script>`, "<p>article</p>")))
	// A free page that talks about subscriptions and paywalls.
	mux.Handle("/free-subscribe", html(page(
		`<meta property="article:content_tier" content="free">`+jsonLD(`{"@type":"NewsArticle","isAccessibleForFree":true}`),
		`<p>Subscribe to our newsletter! This site has no paywall; paywalls are bad.</p><div class="subscribe-box"><a href="/subscribe">Subscribe</a></div>`)))

	mux.Handle("/cf-challenge", status(403, "Cf-Mitigated", "challenge", "Server", "cloudflare"))
	mux.Handle("/999", status(999))
	mux.Handle("/anchors", html(page("", `<h2 id="intro">Intro</h2><a name="legacy"></a><h2 id="café">Café</h2><div id="user-content-readme">x</div><input name="not-an-anchor">`)))

	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.times[r.URL.Path] = append(s.times[r.URL.Path], time.Now())
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// count returns how many requests path has received, this one included.
func (s *scenarioServer) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *scenarioServer) resetCounts() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.hits)
	clear(s.times)
}

// scenario is the expected outcome of checking one path.
type scenario struct {
	path    string
	verdict Verdict
	strong  bool
	reason  string // a substring of Result.Reason
	hits    int    // requests expected, retries included
}

func TestCheckScenarios(t *testing.T) {
	srv := newScenarioServer(t)
	scenarios := []scenario{
		{"/ok", OK, false, "HTTP 200", 1},
		{"/404", Dead, false, "HTTP 404", 1},
		{"/410", Dead, false, "HTTP 410", 1},
		{"/301", Redirected, false, "moved permanently to " + srv.URL + "/target-301", 1},
		{"/308", Dead, false, "HTTP 404", 1},
		{"/302", OK, false, "HTTP 200", 1},
		{"/loop-a", Dead, false, "redirect loop", 1},
		{"/no-head", OK, false, "HTTP 200", 1},
		{"/429-always", Unverifiable, false, "HTTP 429 after 2 retries", 3},
		{"/503-then-200", OK, false, "HTTP 200", 2},
		{"/503-always", Unverifiable, false, "HTTP 503 after 2 retries", 3},
		{"/huge", OK, false, "HTTP 200", 1},
		{"/gzip-bomb", OK, false, "HTTP 200", 1},
		{"/malformed", OK, false, "HTTP 200", 1},
		{"/402", Paywalled, true, "HTTP 402", 1},
		{"/401", Paywalled, true, "HTTP 401", 1},
		{"/jsonld-bool", Paywalled, true, "isAccessibleForFree is false", 1},
		{"/jsonld-string-array", Paywalled, true, "isAccessibleForFree is false", 1},
		{"/jsonld-haspart-object", Paywalled, true, "isAccessibleForFree is false", 1},
		{"/jsonld-haspart-array", Paywalled, true, "isAccessibleForFree is false", 1},
		{"/jsonld-graph", Paywalled, true, "isAccessibleForFree is false", 1},
		{"/microdata", Paywalled, true, "isAccessibleForFree is false (microdata)", 1},
		{"/tier-locked", Paywalled, true, "content_tier is locked", 1},
		{"/tier-metered", Paywalled, true, "content_tier is metered", 1},
		{"/ghost", Paywalled, true, "gh-post-upgrade-cta", 1},
		{"/substack", Paywalled, true, "Substack", 1},
		{"/amp", Paywalled, true, "content-not-granted", 1},
		{"/piano", Paywalled, false, "Piano", 1},
		{"/zephr", Paywalled, false, "Zephr", 1},
		{"/pelcro", Paywalled, false, "Pelcro", 1},
		{"/poool", Paywalled, false, "Poool", 1},
		{"/free-subscribe", OK, false, "HTTP 200", 1},
		{"/cf-challenge", Unverifiable, false, "cf-mitigated: challenge", 1},
		{"/999", Unverifiable, false, "HTTP 999", 1},
		{"/anchors", OK, false, "HTTP 200", 1},
	}
	var urls []string
	for _, sc := range scenarios {
		urls = append(urls, srv.URL+sc.path)
	}
	// The same pages again, with fragments: no further requests.
	urls = append(urls, srv.URL+"/anchors#intro", srv.URL+"/anchors#missing", srv.URL+"/ok#top",
		"mailto:editor@example.com", "tel:+15550100")

	c, err := New(testConfig())
	if err != nil {
		t.Fatal(err)
	}
	results, sum := c.Check(context.Background(), urls)

	for _, sc := range scenarios {
		r := results[srv.URL+sc.path]
		if r.Verdict != sc.verdict || r.Strong != sc.strong || !strings.Contains(r.Reason, sc.reason) {
			t.Errorf("%s: got %v strong=%v %q, want %v strong=%v reason containing %q",
				sc.path, r.Verdict, r.Strong, r.Reason, sc.verdict, sc.strong, sc.reason)
		}
		if got := srv.count(sc.path); got != sc.hits {
			t.Errorf("%s: requested %d times, want %d", sc.path, got, sc.hits)
		}
	}
	for _, target := range []string{"/target-301", "/target-308", "/target-302", "/loop-b"} {
		if got := srv.count(target); got != 1 {
			t.Errorf("%s: requested %d times, want 1", target, got)
		}
	}
	for _, raw := range []string{"mailto:editor@example.com", "tel:+15550100"} {
		if r := results[raw]; r.Verdict != Skipped {
			t.Errorf("%s: got %v (%s), want skipped", raw, r.Verdict, r.Reason)
		}
	}
	if want := len(scenarios) + 2; sum.Links != want {
		t.Errorf("summary counts %d links, want %d", sum.Links, want)
	}
	if sum.NetworkUnavailable != 0 || len(sum.Warnings) != 0 {
		t.Errorf("summary: %+v", sum)
	}

	// Redirect details.
	if r := results[srv.URL+"/301"]; r.MovedTo != srv.URL+"/target-301" || r.FinalURL != srv.URL+"/target-301" {
		t.Errorf("/301: MovedTo %q FinalURL %q", r.MovedTo, r.FinalURL)
	}
	if r := results[srv.URL+"/308"]; r.MovedTo != srv.URL+"/target-308" || r.ArchiveURL != "https://web.archive.org/web/*/"+srv.URL+"/308" {
		t.Errorf("/308: MovedTo %q ArchiveURL %q", r.MovedTo, r.ArchiveURL)
	}
	if r := results[srv.URL+"/302"]; r.MovedTo != "" || r.FinalURL != srv.URL+"/target-302" {
		t.Errorf("/302: MovedTo %q FinalURL %q, want no move", r.MovedTo, r.FinalURL)
	}

	// Size caps: the 50 MB body was not read to the end, the bomb not
	// inflated past the cap, and anchors past the cap are unknown.
	huge := results[srv.URL+"/huge"]
	if found, known := huge.HasAnchor("early"); !found || !known {
		t.Errorf("/huge: early anchor found=%v known=%v", found, known)
	}
	if found, known := huge.HasAnchor("late"); found || known {
		t.Errorf("/huge: anchor past the cap found=%v known=%v, want unknown", found, known)
	}
	srv.mu.Lock()
	written := srv.hugeWritten
	srv.mu.Unlock()
	if written >= 50<<20 {
		t.Errorf("/huge: server sent all %d bytes; the client should have hung up", written)
	}
	if found, known := results[srv.URL+"/gzip-bomb"].HasAnchor("nowhere"); known || found {
		t.Errorf("/gzip-bomb: truncated page should leave anchors unknown, got found=%v known=%v", found, known)
	}

	// Anchors: ids and a names only; input keys with fragments share the result.
	anchors := results[srv.URL+"/anchors#missing"]
	for frag, want := range map[string]bool{"intro": true, "legacy": true, "caf%C3%A9": true, "café": true, "readme": true, "missing": false, "not-an-anchor": false} {
		if found, known := anchors.HasAnchor(frag); found != want || !known {
			t.Errorf("/anchors#%s: found=%v known=%v, want found=%v", frag, found, known, want)
		}
	}
	if _, known := anchors.HasAnchor(":~:text=Intro"); known {
		t.Error("a text fragment should not be judged")
	}
	if _, known := results[srv.URL+"/404"].HasAnchor("x"); known {
		t.Error("anchors of a page that was not read should be unknown")
	}
}
