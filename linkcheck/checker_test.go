package linkcheck

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

func newChecker(t *testing.T, cfg Config) *Checker {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAddressGuardRefusesLoopback(t *testing.T) {
	srv := newScenarioServer(t)
	cfg := testConfig()
	cfg.AllowPrivate = false
	results, _ := newChecker(t, cfg).Check(context.Background(), []string{srv.URL + "/ok"})
	r := results[srv.URL+"/ok"]
	if r.Verdict != Skipped || !r.Refused || !strings.Contains(r.Reason, "127.0.0.1") {
		t.Errorf("got %v %q (refused %v), want skipped and refused, naming 127.0.0.1", r.Verdict, r.Reason, r.Refused)
	}
	if n := srv.count("/ok"); n != 0 {
		t.Errorf("the guarded server received %d requests", n)
	}
}

func TestAddressGuardRanges(t *testing.T) {
	g := newAddressGuard()
	for addr, want := range map[string]bool{
		"127.0.0.1":        false,
		"10.1.2.3":         false,
		"172.16.0.1":       false,
		"192.168.1.1":      false,
		"169.254.169.254":  false, // cloud metadata
		"fd00:ec2::254":    false, // AWS metadata over IPv6
		"::1":              false,
		"fe80::1":          false,
		"fc00::1":          false,
		"100.64.0.1":       false, // CGNAT
		"0.0.0.0":          false,
		"::ffff:127.0.0.1": false,
		"64:ff9b::a00:1":   false,
		"224.0.0.1":        false,
		"93.184.215.14":    true,
		"2606:4700::1111":  true,
	} {
		if got := g.allowed(netip.MustParseAddr(addr)); got != want {
			t.Errorf("allowed(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestMalformedAndRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "http://" + ln.Addr().String() + "/"
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	urls := []string{"http://[::1", "https:///no-host", refused}
	results, _ := newChecker(t, testConfig()).Check(context.Background(), urls)
	for _, raw := range urls[:2] {
		if r := results[raw]; r.Verdict != Dead || !strings.Contains(r.Reason, "malformed URL") {
			t.Errorf("%s: got %v %q, want dead malformed URL", raw, r.Verdict, r.Reason)
		}
	}
	if r := results[refused]; r.Verdict != Dead || r.Reason != "connection refused" {
		t.Errorf("refused: got %v %q", r.Verdict, r.Reason)
	}
}

func TestTLSErrorIsUnverifiable(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {}))
	defer srv.Close()
	results, _ := newChecker(t, testConfig()).Check(context.Background(), []string{srv.URL})
	if r := results[srv.URL]; r.Verdict != Unverifiable || !strings.HasPrefix(r.Reason, "TLS error") {
		t.Errorf("got %v %q, want unverifiable TLS error", r.Verdict, r.Reason)
	}
}

func TestClassifyError(t *testing.T) {
	wrap := func(err error) error {
		return &url.Error{Op: "Get", URL: "http://example.com/", Err: &net.OpError{Op: "dial", Net: "tcp", Err: err}}
	}
	for _, tc := range []struct {
		name    string
		err     error
		verdict Verdict
		reason  string
	}{
		{"nxdomain", wrap(&net.DNSError{Err: "no such host", Name: "nx.example", IsNotFound: true}), Dead, "domain nx.example does not exist (NXDOMAIN)"},
		{"resolver unreachable", wrap(&net.DNSError{Err: "dial udp 192.0.2.53:53: connect: network is unreachable", IsTemporary: true}), NotChecked, reasonNetworkUnavailable},
		{"resolver timeout", wrap(&net.DNSError{Err: "i/o timeout", IsTimeout: true}), NotChecked, reasonNetworkUnavailable},
		{"servfail", wrap(&net.DNSError{Err: "server misbehaving", Name: "broken.example", IsTemporary: true}), Unverifiable, "DNS lookup failed: server misbehaving"},
		{"no route", wrap(os.NewSyscallError("connect", syscall.ENETUNREACH)), NotChecked, reasonNetworkUnavailable},
		{"refused", wrap(os.NewSyscallError("connect", syscall.ECONNREFUSED)), Dead, "connection refused"},
		{"reset", wrap(os.NewSyscallError("read", syscall.ECONNRESET)), Unverifiable, "connection closed by the server"},
		{"certificate", &url.Error{Op: "Get", URL: "https://example.com/", Err: &tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}}}, Unverifiable, "TLS error"},
		{"guard", wrap(&forbiddenAddressError{addr: netip.MustParseAddr("169.254.169.254")}), Skipped, "refused to connect to 169.254.169.254"},
	} {
		verdict, reason := classifyError(tc.err)
		if verdict != tc.verdict || !strings.HasPrefix(reason, tc.reason) {
			t.Errorf("%s: got %v %q, want %v %q", tc.name, verdict, reason, tc.verdict, tc.reason)
		}
	}
}

// failingTransport fails every request with err.
type failingTransport struct{ err error }

func (f failingTransport) RoundTrip(*http.Request) (*http.Response, error) { return nil, f.err }

func TestNetworkUnavailableIsCountedOnce(t *testing.T) {
	c := newChecker(t, testConfig())
	c.transport.next = failingTransport{err: &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ENETUNREACH)}}
	urls := []string{"https://a.example/1", "https://a.example/2", "https://b.example/"}
	results, sum := c.Check(context.Background(), urls)
	if sum.NetworkUnavailable != len(urls) {
		t.Errorf("NetworkUnavailable = %d, want %d", sum.NetworkUnavailable, len(urls))
	}
	for _, raw := range urls {
		if r := results[raw]; r.Verdict != NotChecked || r.Reason != reasonNetworkUnavailable {
			t.Errorf("%s: got %v %q", raw, r.Verdict, r.Reason)
		}
	}
}

func TestBackoff(t *testing.T) {
	withRetryAfter := func(code int, value string) *http.Response {
		return &http.Response{StatusCode: code, Header: http.Header{"Retry-After": {value}}}
	}
	minWait, maxWait := 10*time.Millisecond, 30*time.Second
	if got := backoff(minWait, maxWait, 0, withRetryAfter(429, "120")); got != maxWait {
		t.Errorf("Retry-After 120s: waited %v, want the %v cap", got, maxWait)
	}
	if got := backoff(minWait, maxWait, 0, withRetryAfter(503, "7")); got != 7*time.Second {
		t.Errorf("Retry-After 7s: waited %v", got)
	}
	if got := backoff(minWait, maxWait, 0, withRetryAfter(429, "99999999999999999")); got != maxWait {
		t.Errorf("huge Retry-After: waited %v, want the cap", got)
	}
	date := time.Now().Add(5 * time.Second).UTC().Format(http.TimeFormat)
	if got := backoff(minWait, maxWait, 0, withRetryAfter(429, date)); got < 3*time.Second || got > 5*time.Second {
		t.Errorf("Retry-After date 5s ahead: waited %v", got)
	}
	past := time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)
	if got := backoff(minWait, maxWait, 0, withRetryAfter(429, past)); got != 0 {
		t.Errorf("Retry-After in the past: waited %v, want 0", got)
	}
	// Without Retry-After: exponential, jittered within [half, full].
	seen := make(map[time.Duration]bool)
	for range 50 {
		got := backoff(minWait, maxWait, 2, withRetryAfter(500, "5"))
		if got < 20*time.Millisecond || got > 40*time.Millisecond {
			t.Fatalf("attempt 2 waited %v, want within [20ms, 40ms]", got)
		}
		seen[got] = true
	}
	if len(seen) < 2 {
		t.Error("backoff is not jittered")
	}
}

func TestRetryPolicy(t *testing.T) {
	ctx := context.Background()
	for code, want := range map[int]bool{408: true, 429: true, 500: true, 502: true, 503: true, 504: true, 501: false, 999: false, 404: false, 403: false, 200: false} {
		if got, _ := retryPolicy(ctx, &http.Response{StatusCode: code}, nil); got != want {
			t.Errorf("retry on %d = %v, want %v", code, got, want)
		}
	}
	for name, tc := range map[string]struct {
		err  error
		want bool
	}{
		"reset":       {os.NewSyscallError("read", syscall.ECONNRESET), true},
		"eof":         {io.ErrUnexpectedEOF, true},
		"timeout":     {&net.DNSError{Err: "timeout", IsTimeout: true, IsNotFound: true}, true},
		"refused":     {os.NewSyscallError("connect", syscall.ECONNREFUSED), false},
		"no network":  {os.NewSyscallError("connect", syscall.ENETUNREACH), false},
		"guard":       {&forbiddenAddressError{addr: netip.MustParseAddr("10.0.0.1")}, false},
		"certificate": {&tls.CertificateVerificationError{}, false},
	} {
		if got, _ := retryPolicy(ctx, nil, tc.err); got != tc.want {
			t.Errorf("retry on %s = %v, want %v", name, got, tc.want)
		}
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if got, err := retryPolicy(canceled, &http.Response{StatusCode: 503}, nil); got || err == nil {
		t.Errorf("retry after cancellation = %v, %v", got, err)
	}
}

// TestHostPauseIsShared checks that a 429 with Retry-After holds back the
// next request to the same host, whichever link it is for.
func TestHostPauseIsShared(t *testing.T) {
	var calls atomic.Int32
	next := roundTripFunc(func(*http.Request) (*http.Response, error) {
		code := http.StatusOK
		if calls.Add(1) == 1 {
			code = http.StatusTooManyRequests
		}
		return &http.Response{StatusCode: code, Header: http.Header{"Retry-After": {"1"}}, Body: io.NopCloser(strings.NewReader(""))}, nil
	})
	tr := &politeTransport{next: next, perHost: 2, timeout: time.Second, pauseMin: time.Millisecond, pauseMax: 2 * time.Second, hosts: make(map[string]*hostState)}
	send := func(path string) time.Time {
		req := httptest.NewRequest(http.MethodGet, "http://host.example"+path, nil)
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		closeBody(resp)
		return time.Now()
	}
	first := send("/a")
	second := send("/b")
	if gap := second.Sub(first); gap < 900*time.Millisecond {
		t.Errorf("second request to the host came %v after a 429, want the 1s pause", gap)
	}
	other := time.Now()
	req := httptest.NewRequest(http.MethodGet, "http://other.example/", nil)
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	closeBody(resp)
	if d := time.Since(other); d > 50*time.Millisecond {
		t.Errorf("another host waited %v", d)
	}
}

// trustServer makes c trust srv's test certificate.
func trustServer(c *Checker, srv *httptest.Server) {
	c.transport.next.(*http.Transport).TLSClientConfig = srv.Client().Transport.(*http.Transport).TLSClientConfig.Clone()
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// concurrencyServer counts requests in flight, across every server sharing
// it.
type concurrencyServer struct {
	inFlight, peak atomic.Int32
	delay          time.Duration
}

func (s *concurrencyServer) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	n := s.inFlight.Add(1)
	for {
		p := s.peak.Load()
		if n <= p || s.peak.CompareAndSwap(p, n) {
			break
		}
	}
	time.Sleep(s.delay)
	s.inFlight.Add(-1)
	w.Header().Set("Content-Type", "text/html")
	_, _ = io.WriteString(w, page("", "<p>ok</p>"))
}

func TestPerHostLimit(t *testing.T) {
	counter := &concurrencyServer{delay: 20 * time.Millisecond}
	srv := httptest.NewServer(counter)
	defer srv.Close()
	var urls []string
	for i := range 20 {
		urls = append(urls, srv.URL+"/p"+string(rune('a'+i)))
	}
	cfg := testConfig()
	cfg.PerHost = 3
	// Waits in the queue are no timeouts: a loaded machine (the race
	// detector, other tests) must not turn them into failures here.
	cfg.Timeout = 10 * time.Second
	results, _ := newChecker(t, cfg).Check(context.Background(), urls)
	if peak := counter.peak.Load(); peak != 3 {
		t.Errorf("peak requests in flight to one host = %d, want 3", peak)
	}
	for _, raw := range urls {
		if results[raw].Verdict != OK {
			t.Errorf("%s: %v %q", raw, results[raw].Verdict, results[raw].Reason)
		}
	}
}

func TestGlobalLimit(t *testing.T) {
	counter := &concurrencyServer{delay: 20 * time.Millisecond}
	var urls []string
	for range 6 {
		srv := httptest.NewServer(counter)
		defer srv.Close()
		for _, p := range []string{"/a", "/b", "/c"} {
			urls = append(urls, srv.URL+p)
		}
	}
	cfg := testConfig()
	cfg.MaxConcurrency = 4
	newChecker(t, cfg).Check(context.Background(), urls)
	if peak := counter.peak.Load(); peak != 4 {
		t.Errorf("peak requests in flight = %d, want 4", peak)
	}
}

func TestMinIntervalPacesAHost(t *testing.T) {
	counter := &concurrencyServer{}
	srv := httptest.NewServer(counter)
	defer srv.Close()
	cfg := testConfig()
	cfg.MinInterval = 40 * time.Millisecond
	start := time.Now()
	newChecker(t, cfg).Check(context.Background(), []string{srv.URL + "/1", srv.URL + "/2", srv.URL + "/3", srv.URL + "/4"})
	if d := time.Since(start); d < 120*time.Millisecond {
		t.Errorf("4 requests at 40ms intervals took %v, want at least 120ms", d)
	}
}

func TestDeadline(t *testing.T) {
	srv := newScenarioServer(t)
	cfg := testConfig()
	cfg.Timeout = 5 * time.Second
	cfg.Deadline = 150 * time.Millisecond
	start := time.Now()
	results, _ := newChecker(t, cfg).Check(context.Background(), []string{srv.URL + "/slow"})
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Check took %v despite a 150ms deadline", d)
	}
	if r := results[srv.URL+"/slow"]; r.Verdict != Unverifiable || r.Reason != "the links deadline (150ms) passed before the link was checked" {
		t.Errorf("got %v %q, want unverifiable for the deadline", r.Verdict, r.Reason)
	}
}

func TestConfigOptions(t *testing.T) {
	srv := newScenarioServer(t)
	var gotHeader atomic.Value
	hdr := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotHeader.Store(r.Header.Get("Authorization") + "|" + r.Header.Get("User-Agent") + "|" + r.Header.Get("Accept-Encoding"))
	}))
	defer hdr.Close()
	hdrURL, _ := url.Parse(hdr.URL)

	cfg := testConfig()
	cfg.Accept = []int{403}
	cfg.Exclude = []*regexp.Regexp{regexp.MustCompile(`/410$`)}
	cfg.PaywalledDomains = []string{"LOCALHOST"}
	cfg.UserAgent = DefaultUserAgent("1.2.3")
	cfg.Headers = map[string]map[string]string{hdrURL.Hostname(): {"Authorization": "token x", "Accept-Encoding": "identity"}}
	localhost := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	urls := []string{srv.URL + "/cf-challenge", srv.URL + "/410", localhost + "/ok", hdr.URL}
	c := newChecker(t, cfg)
	trustServer(c, hdr)
	results, _ := c.Check(context.Background(), urls)

	if r := results[srv.URL+"/cf-challenge"]; r.Verdict != OK || r.Reason != "HTTP 403 accepted by configuration" {
		t.Errorf("accepted 403: got %v %q", r.Verdict, r.Reason)
	}
	if r := results[srv.URL+"/410"]; r.Verdict != Skipped || srv.count("/410") != 0 {
		t.Errorf("excluded: got %v %q after %d requests", r.Verdict, r.Reason, srv.count("/410"))
	}
	if r := results[localhost+"/ok"]; r.Verdict != Paywalled || r.Strong || !strings.Contains(r.Reason, "paywalled-domains") {
		t.Errorf("listed domain: got %v strong=%v %q", r.Verdict, r.Strong, r.Reason)
	}
	want := "token x|citelint/1.2.3 (+https://github.com/citelint/citelint)|gzip"
	if got, _ := gotHeader.Load().(string); got != want {
		t.Errorf("headers sent %q, want %q", got, want)
	}
}

func TestArchiveSuggestion(t *testing.T) {
	srv := newScenarioServer(t)
	var asked atomic.Value
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Store(r.URL.Query().Get("url"))
		_, _ = io.WriteString(w, `{"url":"x","archived_snapshots":{"closest":{"status":"200","available":true,"url":"http://web.archive.org/web/20200101000000/x","timestamp":"20200101000000"}}}`)
	}))
	defer api.Close()
	cfg := testConfig()
	cfg.SuggestArchive = true
	cfg.ArchiveAPI = api.URL + "/wayback/available"
	dead := srv.URL + "/404"
	results, sum := newChecker(t, cfg).Check(context.Background(), []string{dead + "#section", srv.URL + "/ok"})
	if r := results[dead+"#section"]; r.ArchiveURL != "https://web.archive.org/web/20200101000000/x" {
		t.Errorf("ArchiveURL = %q", r.ArchiveURL)
	}
	if got, _ := asked.Load().(string); got != dead {
		t.Errorf("archive asked about %q, want %q", got, dead)
	}
	if r := results[srv.URL+"/ok"]; r.ArchiveURL != "" {
		t.Errorf("a live page got ArchiveURL %q", r.ArchiveURL)
	}
	if len(sum.Warnings) != 0 {
		t.Errorf("warnings: %q", sum.Warnings)
	}

	// An archive that fails leaves the calendar address, and one warning.
	api.Close()
	results, sum = newChecker(t, cfg).Check(context.Background(), []string{dead})
	if r := results[dead]; r.ArchiveURL != "https://web.archive.org/web/*/"+dead {
		t.Errorf("ArchiveURL without the API = %q", r.ArchiveURL)
	}
	if len(sum.Warnings) != 1 || !strings.Contains(sum.Warnings[0], "archive") {
		t.Errorf("warnings: %q", sum.Warnings)
	}
}

func TestCacheSecondRunSendsNoRequest(t *testing.T) {
	srv := newScenarioServer(t)
	cfg := testConfig()
	cfg.CacheDir = t.TempDir()
	cacheable := []string{"/ok", "/301", "/jsonld-bool", "/piano", "/anchors"}
	// A dead link is kept for offline runs but checked again online.
	uncacheable := map[string]int{"/404": 1, "/503-always": 3}
	var urls []string
	for _, p := range cacheable {
		urls = append(urls, srv.URL+p)
	}
	for p := range uncacheable {
		urls = append(urls, srv.URL+p)
	}

	first, sum := newChecker(t, cfg).Check(context.Background(), urls)
	if sum.FromCache != 0 || len(sum.Warnings) != 0 {
		t.Fatalf("first run: %+v", sum)
	}
	srv.resetCounts()
	second, sum := newChecker(t, cfg).Check(context.Background(), urls)
	if sum.FromCache != len(cacheable) || sum.Fetched != len(uncacheable) {
		t.Errorf("second run: %+v", sum)
	}
	for _, p := range cacheable {
		if n := srv.count(p); n != 0 {
			t.Errorf("%s: requested %d times on the second run", p, n)
		}
		a, b := first[srv.URL+p], second[srv.URL+p]
		if !b.Cached || a.Verdict != b.Verdict || a.Reason != b.Reason || a.Strong != b.Strong || a.MovedTo != b.MovedTo {
			t.Errorf("%s: cached %+v differs from fresh %+v", p, b, a)
		}
	}
	for p, hits := range uncacheable {
		if n := srv.count(p); n != hits {
			t.Errorf("%s: requested %d times on the second run, want %d (not cached)", p, n, hits)
		}
	}
	if found, known := second[srv.URL+"/anchors"].HasAnchor("intro"); !found || !known {
		t.Errorf("cached anchors lost: found=%v known=%v", found, known)
	}
	if _, known := second[srv.URL+"/301"].HasAnchor("x"); !known {
		t.Error("cached page forgot it was HTML")
	}

	// Offline: the cache only, no request at all.
	srv.resetCounts()
	offline := cfg
	offline.Offline = true
	results, _ := newChecker(t, offline).Check(context.Background(), append(urls, srv.URL+"/new"))
	if r := results[srv.URL+"/ok"]; r.Verdict != OK || !r.Cached {
		t.Errorf("offline /ok: %v cached=%v", r.Verdict, r.Cached)
	}
	// A dead link found by the last online run is reported offline too;
	// a passing failure (503) was never kept.
	if r := results[srv.URL+"/404"]; r.Verdict != Dead || !r.Cached || r.Status != http.StatusNotFound {
		t.Errorf("offline /404: %v status %d cached=%v", r.Verdict, r.Status, r.Cached)
	}
	for _, p := range []string{"/503-always", "/new"} {
		if r := results[srv.URL+p]; r.Verdict != NotChecked || r.Reason != "offline" {
			t.Errorf("offline %s: %v %q", p, r.Verdict, r.Reason)
		}
	}
	srv.mu.Lock()
	total := len(srv.hits)
	srv.mu.Unlock()
	if total != 0 {
		t.Errorf("offline run sent requests: %v", srv.hits)
	}

	// Entries older than MaxAge are fetched again.
	srv.resetCounts()
	shortLived := cfg
	shortLived.MaxAge = time.Nanosecond
	newChecker(t, shortLived).Check(context.Background(), []string{srv.URL + "/ok"})
	if n := srv.count("/ok"); n != 1 {
		t.Errorf("expired entry: /ok requested %d times, want 1", n)
	}
}

func TestCorruptCacheIsIgnored(t *testing.T) {
	srv := newScenarioServer(t)
	for name, content := range map[string]string{
		"corrupt":    `{"version": 1, "entries": {`,
		"old format": `{"version": 0, "entries": {}}`,
		"bad entry":  `{"version": 1, "entries": {"x": {"verdict": "sideways"}}}`,
	} {
		t.Run(name, func(t *testing.T) {
			cfg := testConfig()
			cfg.CacheDir = t.TempDir()
			path := filepath.Join(cfg.CacheDir, cacheFileName)
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			results, sum := newChecker(t, cfg).Check(context.Background(), []string{srv.URL + "/ok"})
			if r := results[srv.URL+"/ok"]; r.Verdict != OK {
				t.Errorf("got %v %q", r.Verdict, r.Reason)
			}
			if len(sum.Warnings) != 1 || !strings.Contains(sum.Warnings[0], "ignored") {
				t.Errorf("warnings: %q", sum.Warnings)
			}
			f, err := readCacheFile(path)
			if err != nil {
				t.Fatalf("cache not replaced: %v", err)
			}
			if _, ok := f.Entries[srv.URL+"/ok"]; !ok {
				t.Errorf("replaced cache lacks the new entry: %v", f.Entries)
			}
		})
	}
}

func TestCacheMergesConcurrentWriters(t *testing.T) {
	dir := t.TempDir()
	c := newChecker(t, Config{CacheDir: dir})
	now := time.Now()
	a, b := newCacheFile(), newCacheFile()
	a.put(Result{URL: "https://a.example/", Verdict: OK, Status: 200}, now)
	b.put(Result{URL: "https://b.example/", Verdict: Redirected, Status: 200, MovedTo: "https://b.example/new"}, now)
	// Two runs that loaded an empty cache save one after the other.
	if err := c.saveCache(a, now); err != nil {
		t.Fatal(err)
	}
	if err := c.saveCache(b, now); err != nil {
		t.Fatal(err)
	}
	f, err := readCacheFile(filepath.Join(dir, cacheFileName))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 2 {
		t.Errorf("merged cache has %d entries, want 2: %v", len(f.Entries), f.Entries)
	}

	// Truly simultaneous writers never leave a broken file behind.
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			f := newCacheFile()
			f.put(Result{URL: "https://c.example/" + string(rune('a'+i)), Verdict: OK}, now)
			if err := c.saveCache(f, now); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if _, err := readCacheFile(filepath.Join(dir, cacheFileName)); err != nil {
		t.Errorf("cache after concurrent writes: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "*.tmp"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestProgressBar(t *testing.T) {
	srv := newScenarioServer(t)
	for _, n := range []int{progressThreshold, progressThreshold + 1} {
		var out bytes.Buffer
		cfg := testConfig()
		cfg.Progress = &lockedWriter{w: &out}
		var urls []string
		for i := range n {
			urls = append(urls, srv.URL+"/ok?"+string(rune('a'+i)))
		}
		newChecker(t, cfg).Check(context.Background(), urls)
		if shown := out.Len() > 0; shown != (n > progressThreshold) {
			t.Errorf("%d links: progress shown = %v (%q)", n, shown, out.String())
		}
	}
}

// lockedWriter serialises writes, as a terminal would.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestVerdictText(t *testing.T) {
	for v := OK; v <= NotChecked; v++ {
		text, err := v.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Verdict
		if err := back.UnmarshalText(text); err != nil || back != v {
			t.Errorf("%v round-tripped to %v, %v", v, back, err)
		}
	}
	if _, err := json.Marshal(Verdict(42)); err == nil {
		t.Error("an unknown verdict marshalled")
	}
	var v Verdict
	if err := v.UnmarshalText([]byte("sideways")); err == nil {
		t.Error("an unknown verdict name unmarshalled")
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	for name, cfg := range map[string]Config{
		"negative timeout":   {Timeout: -1},
		"wait bounds":        {MinRetryWait: time.Second, MaxRetryWait: time.Millisecond},
		"archive API scheme": {ArchiveAPI: "ftp://archive.example/"},
		"nil pattern":        {Exclude: []*regexp.Regexp{nil}},
		"negative per-host":  {PerHost: -2},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("%s: New accepted %+v", name, cfg)
		}
	}
	if _, err := New(Config{}); err != nil {
		t.Errorf("zero Config: %v", err)
	}
}

// TestCanceledContext checks that a canceled context leaves every link not
// checked, without a request.
func TestCanceledContext(t *testing.T) {
	srv := newScenarioServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	results, _ := newChecker(t, testConfig()).Check(ctx, []string{srv.URL + "/ok"})
	if r := results[srv.URL+"/ok"]; r.Verdict != NotChecked {
		t.Errorf("canceled: got %v %q", r.Verdict, r.Reason)
	}
	if n := srv.count("/ok"); n != 0 {
		t.Errorf("canceled run sent %d requests", n)
	}
}
