package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// textServer serves the pages whose text the checker keeps, and counts
// the requests per path.
type textServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newTextServer(t *testing.T) *textServer {
	s := &textServer{hits: make(map[string]int)}
	mux := http.NewServeMux()
	article := page(`<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>`,
		`<article><p>The free part says turnout was 61 percent.</p><div class="paywall">Subscribe to read on.</div></article>`)
	mux.HandleFunc("/article", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(article))
	})
	mux.HandleFunc("/open", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(page("", `<p id="intro">Prices rose 4.2% in May.</p><table><tr><td>May</td><td>4.2</td></tr></table>`)))
	})
	mux.HandleFunc("/notes.txt", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("Plain notes: 12 of 40."))
	})
	mux.HandleFunc("/archive.zip", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/zip")
		_, _ = w.Write([]byte(strings.Repeat("z", 1<<20)))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(page("", strings.Repeat("<p>filler text</p>", 200))))
	})
	mux.HandleFunc("/forbidden", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Cf-Mitigated", "challenge")
		w.WriteHeader(http.StatusForbidden)
	})
	mux.HandleFunc("/app", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(page(`<script src="/app.js"></script>`, `<div id="app"></div>`)))
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

func (s *textServer) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, h := range s.hits {
		n += h
	}
	return n
}

func TestKeepTextOneGetAndCache(t *testing.T) {
	srv := newTextServer(t)
	cfg := testConfig()
	cfg.KeepText = true
	cfg.MaxTextPageBytes = 2000
	cfg.CacheDir = t.TempDir()
	paths := []string{"/article", "/open#intro", "/notes.txt", "/archive.zip", "/big", "/forbidden", "/app"}
	var urls []string
	for _, p := range paths {
		urls = append(urls, srv.URL+p)
	}
	type want struct {
		readable, partial bool
		reason, main      string
	}
	wants := map[string]want{
		"/article":     {true, true, "paywalled: only the free part was read (schema.org isAccessibleForFree is false)", "The free part says turnout was 61 percent."},
		"/open#intro":  {true, false, "", "Prices rose 4.2% in May.\n\nMay | 4.2"},
		"/notes.txt":   {true, false, "", "Plain notes: 12 of 40."},
		"/archive.zip": {false, false, "unsupported type application/zip", ""},
		"/big":         {false, false, "too large: over 2000 bytes (links.max-text-page-bytes)", ""},
		"/forbidden":   {false, false, "unverifiable: HTTP 403 from bot protection (cf-mitigated: challenge)", ""},
		"/app":         {false, false, "script-only page", ""},
	}
	check := func(run string, results map[string]Result) {
		t.Helper()
		for p, w := range wants {
			r := results[srv.URL+p]
			pg := r.Page()
			if pg == nil {
				t.Errorf("%s %s: no page (%v %q)", run, p, r.Verdict, r.Reason)
				continue
			}
			if pg.Readable != w.readable || pg.Partial != w.partial || pg.Reason != w.reason || pg.Main != w.main {
				t.Errorf("%s %s: readable %v partial %v reason %q main %q; want %+v", run, p, pg.Readable, pg.Partial, pg.Reason, pg.Main, w)
			}
		}
		if found, known := results[srv.URL+"/open#intro"].HasAnchor("intro"); !found || !known {
			t.Errorf("%s: the same GET lost the anchors: %v %v", run, found, known)
		}
		if r := results[srv.URL+"/article"]; r.Verdict != Paywalled || !r.Strong {
			t.Errorf("%s /article: %v strong %v", run, r.Verdict, r.Strong)
		}
	}

	first, _ := newChecker(t, cfg).Check(context.Background(), urls)
	check("first run", first)
	for _, p := range []string{"/article", "/open", "/notes.txt", "/archive.zip", "/big", "/app"} {
		if n := srv.hits[p]; n != 1 {
			t.Errorf("first run: %s requested %d times, want once", p, n)
		}
	}
	texts, err := os.ReadDir(filepath.Join(cfg.CacheDir, textDirName))
	if err != nil || len(texts) != 3 {
		t.Errorf("page texts kept: %v, %v; want 3 files", texts, err)
	}

	// A second run, online: only the 403 (not cacheable) is asked again.
	srv.mu.Lock()
	clear(srv.hits)
	srv.mu.Unlock()
	second, sum := newChecker(t, cfg).Check(context.Background(), urls)
	check("second run", second)
	if n := srv.total(); n != 1 || srv.hits["/forbidden"] != 1 || sum.FromCache != 6 {
		t.Errorf("second run: %d requests %v, summary %+v; want /forbidden only", n, srv.hits, sum)
	}

	// Offline: the cache only, no request at all.
	srv.mu.Lock()
	clear(srv.hits)
	srv.mu.Unlock()
	offline := cfg
	offline.Offline = true
	third, _ := newChecker(t, offline).Check(context.Background(), urls)
	if n := srv.total(); n != 0 {
		t.Errorf("offline run sent %d requests", n)
	}
	for _, p := range []string{"/article", "/open#intro", "/notes.txt"} {
		if pg := third[srv.URL+p].Page(); pg == nil || pg.Main != wants[p].main || pg.Reason != wants[p].reason {
			t.Errorf("offline %s: page %+v", p, pg)
		}
	}
	if pg := third[srv.URL+"/forbidden"].Page(); pg == nil || pg.Readable || pg.Reason != "not-checked: offline" {
		t.Errorf("offline /forbidden: %+v", pg)
	}
	lookup, _ := newChecker(t, offline).CachedLookup()
	if pg := lookup.Result(srv.URL + "/notes.txt").Page(); pg == nil || pg.Main != "Plain notes: 12 of 40." {
		t.Errorf("cached lookup: %+v", pg)
	}
}

func TestKeepTextRefetchesACacheWithoutText(t *testing.T) {
	srv := newTextServer(t)
	cfg := testConfig()
	cfg.CacheDir = t.TempDir()
	u := srv.URL + "/notes.txt"
	newChecker(t, cfg).Check(context.Background(), []string{u})
	if r, _ := newChecker(t, cfg).Check(context.Background(), []string{u}); r[u].Page() != nil || srv.hits["/notes.txt"] != 1 {
		t.Fatalf("without KeepText: page %+v, %d requests", r[u].Page(), srv.hits["/notes.txt"])
	}
	cfg.KeepText = true
	r, _ := newChecker(t, cfg).Check(context.Background(), []string{u})
	if pg := r[u].Page(); pg == nil || pg.Main != "Plain notes: 12 of 40." || srv.hits["/notes.txt"] != 2 {
		t.Errorf("with KeepText: page %+v, %d requests; want the page fetched again", pg, srv.hits["/notes.txt"])
	}
}
