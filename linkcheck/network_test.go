package linkcheck

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// failingResolver answers every lookup with NXDOMAIN, as a machine without
// a network sometimes does.
type failingResolver struct{}

func (failingResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

// mapResolver resolves the names it holds to 127.0.0.1 and answers
// NXDOMAIN for the rest.
type mapResolver map[string]bool

func (m mapResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	if m[host] {
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

// onHost rewrites a test server's URL to use host as its name.
func onHost(srvURL, host string) string {
	u, _ := url.Parse(srvURL)
	u.Host = host + ":" + u.Port()
	return u.String()
}

func TestNoResolvingNameMeansNetworkUnavailable(t *testing.T) {
	srv := newScenarioServer(t)
	cfg := testConfig()
	cfg.Resolver = failingResolver{}
	cfg.ArchiveAPI = "https://archive.test/wayback/available"
	urls := []string{onHost(srv.URL, "a.test") + "/ok", onHost(srv.URL, "b.test") + "/404", "https://c.test/"}
	results, sum := newChecker(t, cfg).Check(context.Background(), urls)
	for _, u := range urls {
		if r := results[u]; r.Verdict != NotChecked || r.Reason != reasonNetworkUnavailable {
			t.Errorf("%s: got %v %q, want not checked: network unavailable", u, r.Verdict, r.Reason)
		}
	}
	if sum.NetworkUnavailable != len(urls) {
		t.Errorf("NetworkUnavailable = %d, want %d", sum.NetworkUnavailable, len(urls))
	}
}

func TestNXDOMAINIsDeadWhenOtherNamesResolve(t *testing.T) {
	srv := newScenarioServer(t)
	cfg := testConfig()
	cfg.ArchiveAPI = "https://archive.test/wayback/available"

	// Another link's name resolves in the same run.
	cfg.Resolver = mapResolver{"good.test": true}
	good, missing := onHost(srv.URL, "good.test")+"/ok", onHost(srv.URL, "missing.test")+"/ok"
	results, sum := newChecker(t, cfg).Check(context.Background(), []string{good, missing})
	if r := results[good]; r.Verdict != OK {
		t.Errorf("resolving link: got %v %q", r.Verdict, r.Reason)
	}
	if r := results[missing]; r.Verdict != Dead || r.Reason != "domain missing.test does not exist (NXDOMAIN)" {
		t.Errorf("missing domain: got %v %q, want dead", r.Verdict, r.Reason)
	}
	if sum.NetworkUnavailable != 0 {
		t.Errorf("NetworkUnavailable = %d", sum.NetworkUnavailable)
	}

	// The only link's name is missing, but the archive's name resolves.
	cfg.Resolver = mapResolver{"archive.test": true}
	results, _ = newChecker(t, cfg).Check(context.Background(), []string{missing})
	if r := results[missing]; r.Verdict != Dead {
		t.Errorf("missing domain with a working resolver: got %v %q, want dead", r.Verdict, r.Reason)
	}
}

func TestHeadersGoOnlyToTheConfiguredHostOverHTTPS(t *testing.T) {
	var mu sync.Mutex
	got := make(map[string]string) // "server path" → Authorization received
	record := func(name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			got[name+" "+r.URL.Path] = r.Header.Get("Authorization")
			mu.Unlock()
		}
	}
	plain := httptest.NewServer(record("http"))
	defer plain.Close()
	otherTLS := httptest.NewTLSServer(record("other-port"))
	defer otherTLS.Close()
	var secure *httptest.Server
	secure = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-http":
			http.Redirect(w, r, plain.URL+"/from-https", http.StatusFound)
		case "/to-other-port":
			http.Redirect(w, r, otherTLS.URL+"/from-https", http.StatusFound)
		case "/to-other-host":
			http.Redirect(w, r, onHost(secure.URL, "other.test")+"/from-https", http.StatusFound)
		case "/to-self":
			http.Redirect(w, r, "/landing", http.StatusFound)
		default:
			record("https")(w, r)
		}
	}))
	defer secure.Close()

	cfg := testConfig()
	cfg.Resolver = mapResolver{"site.test": true, "other.test": true}
	cfg.Headers = map[string]map[string]string{
		"site.test": {"Authorization": "token site"},
		"127.0.0.1": {"Authorization": "token ip"},
	}
	c := newChecker(t, cfg)
	trustServer(c, secure)
	c.transport.next.(*http.Transport).TLSClientConfig.InsecureSkipVerify = true // other.test and site.test are not in the test certificate
	siteURL := onHost(secure.URL, "site.test")
	urls := []string{
		siteURL + "/direct",
		siteURL + "/to-self",
		siteURL + "/to-other-host",
		siteURL + "/to-other-port",
		siteURL + "/to-http",
		onHost(plain.URL, "site.test") + "/plain",
	}
	results, _ := c.Check(context.Background(), urls)
	for _, u := range urls {
		if r := results[u]; r.Verdict != OK {
			t.Errorf("%s: got %v %q", u, r.Verdict, r.Reason)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	want := map[string]string{
		"https /direct":          "token site", // the configured host, over HTTPS
		"https /landing":         "token site", // a redirect within the same origin
		"https /from-https":      "",           // after a redirect to another host
		"other-port /from-https": "",           // after a redirect to another port
		"http /from-https":       "",           // after a redirect to http://
		"http /plain":            "",           // never over http://
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s received Authorization %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("requests: %v", got)
	}
}

func TestCacheLivesInAFolderOfItsOwn(t *testing.T) {
	srv := newScenarioServer(t)
	repo := t.TempDir()
	theirs := `[{"href": "https://example.com/"}]`
	for name, content := range map[string]string{"links.json": theirs, "README.md": "# repo\n"} {
		if err := os.WriteFile(filepath.Join(repo, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := testConfig()
	cfg.CacheDir = repo
	results, sum := newChecker(t, cfg).Check(context.Background(), []string{srv.URL + "/ok"})
	if r := results[srv.URL+"/ok"]; r.Verdict != OK || len(sum.Warnings) != 0 {
		t.Fatalf("got %v %q, warnings %q", r.Verdict, r.Reason, sum.Warnings)
	}
	if data, err := os.ReadFile(filepath.Join(repo, "links.json")); err != nil || string(data) != theirs {
		t.Errorf("the repository's links.json now holds %q (%v)", data, err)
	}
	f, err := readCacheFile(filepath.Join(repo, "citelint", cacheFileName))
	if err != nil || len(f.Entries) != 1 {
		t.Errorf("cache in the citelint subfolder: %v, %v", f, err)
	}

	// A folder holding only a foreign links.json is not taken either.
	alone := t.TempDir()
	if err := os.WriteFile(filepath.Join(alone, "links.json"), []byte(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg.CacheDir = alone
	newChecker(t, cfg).Check(context.Background(), []string{srv.URL + "/ok"})
	if data, _ := os.ReadFile(filepath.Join(alone, "links.json")); string(data) != theirs {
		t.Errorf("a lone foreign links.json was replaced by %q", data)
	}

	// The cache's own folder keeps being used as is.
	own := filepath.Join(t.TempDir(), "cache")
	cfg.CacheDir = own
	for range 2 {
		newChecker(t, cfg).Check(context.Background(), []string{srv.URL + "/ok"})
	}
	if _, err := readCacheFile(filepath.Join(own, cacheFileName)); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(own, "citelint")); err == nil {
		t.Error("a subfolder was made inside the cache's own folder")
	}
}

func TestConcurrentRunsLoseNoCacheEntry(t *testing.T) {
	now := time.Now()
	for round := range 20 {
		dir := t.TempDir()
		var wg sync.WaitGroup
		const writers = 4
		for w := range writers {
			wg.Go(func() {
				// A checker per writer, as separate processes would have.
				c, err := New(Config{CacheDir: dir})
				if err != nil {
					t.Error(err)
					return
				}
				f, _ := c.loadCache(now)
				f.put(Result{URL: "https://example.com/" + string(rune('a'+w)), Verdict: OK}, now)
				if err := c.saveCache(f, now); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		f, err := readCacheFile(filepath.Join(dir, cacheFileName))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Entries) != writers {
			t.Fatalf("round %d: %d entries survived %d concurrent writers", round, len(f.Entries), writers)
		}
	}
}

func TestStaleTemporaryCacheFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, "links.json.123456.tmp")
	if err := os.WriteFile(stale, []byte(`{"version":1,"entr`), 0o644); err != nil {
		t.Fatal(err)
	}
	c := newChecker(t, Config{CacheDir: dir})
	if c.cacheDir != dir {
		t.Fatalf("cache folder %s, want %s: a leftover of the cache's own is not a foreign file", c.cacheDir, dir)
	}
	f := newCacheFile()
	f.put(Result{URL: "https://example.com/", Verdict: OK}, time.Now())
	if err := c.saveCache(f, time.Now()); err != nil {
		t.Fatal(err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "*.tmp"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	if strings.Contains(c.cacheDir, "citelint") {
		t.Errorf("cache moved to %s", c.cacheDir)
	}
}
