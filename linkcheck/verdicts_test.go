package linkcheck

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reportServer serves a one-line plain-text report on 127.0.0.1 for the
// test's length.
func reportServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, "Ship calls rose to 1,204 last year.")
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestVerdictFile checks the verdict file beside the link cache: a
// verdict put in one run is found by the next through the page's text
// hash kept in links.json, without the page's text; a verdict over
// MaxVerdictBytes, or about a page the link cache does not hold, is not
// kept; a line gone bad is skipped while the others are still read; and a
// links.json written before text hashes were kept still answers, with no
// text hash.
func TestVerdictFile(t *testing.T) {
	srv := reportServer(t)
	dir := t.TempDir()
	cfg := Config{AllowPrivate: true, MinInterval: -1, CacheDir: dir, KeepText: true}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	u := srv.URL + "/report.txt"
	results, _ := c.Check(context.Background(), []string{u})
	m := results[u].PageMeta()
	if want := TextHash(results[u].Page()); m == nil || m.TextHash != want || !m.Readable || m.Verdicts != c.Verdicts() {
		t.Fatalf("online page meta %+v, want text hash %s", m, want)
	}
	other := strings.Repeat("0", 64)
	m.Verdicts.Put("1", m.TextHash, "kept", []byte(`{"m":true}`))
	m.Verdicts.Put("1", m.TextHash, "too large", []byte(`"`+strings.Repeat("x", MaxVerdictBytes)+`"`))
	m.Verdicts.Put("1", m.TextHash, "two lines", []byte("{}\n{}"))
	m.Verdicts.Put("1", other, "no such page", []byte(`{}`))
	m.Verdicts.Put("1", m.TextHash, "second", []byte(`{"n":2}`))
	if err := c.SaveVerdicts(); err != nil {
		t.Fatal(err)
	}

	offline := func() (*PageMeta, *VerdictCache) {
		t.Helper()
		lookup, o := offlineLookup(t, dir)
		return lookup.Result(u).PageMeta(), o.Verdicts()
	}
	if err := os.RemoveAll(filepath.Join(dir, textDirName)); err != nil {
		t.Fatal(err)
	}
	om, v := offline()
	if om == nil || om.TextHash != m.TextHash || !om.Readable {
		t.Fatalf("offline page meta %+v, want text hash %s", om, m.TextHash)
	}
	got := func(hash, key string) string {
		val, ok := v.Get("1", hash, key)
		if !ok {
			return "miss"
		}
		return val
	}
	for key, want := range map[string]string{"kept": `{"m":true}`, "second": `{"n":2}`, "too large": "miss", "two lines": "miss"} {
		if g := got(m.TextHash, key); g != want {
			t.Errorf("verdict %q: got %s, want %s", key, g, want)
		}
	}
	if g := got(other, "no such page"); g != "miss" {
		t.Errorf("a verdict about a page the cache does not hold was kept: %s", g)
	}
	if v.Hits() != 2 {
		t.Errorf("hits %d, want 2", v.Hits())
	}

	// One line gone bad: the other is still read.
	path := filepath.Join(dir, verdictFileName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), `{"m":true}`, `{"m":false}`, 1))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, v = offline()
	if g, g2 := got(m.TextHash, "kept"), got(m.TextHash, "second"); g != "miss" || g2 != `{"n":2}` {
		t.Errorf("after a changed line: kept %s, second %s; want miss and {\"n\":2}", g, g2)
	}

	// A links.json of before text hashes: the page answers, with no hash.
	cacheData, err := os.ReadFile(filepath.Join(dir, cacheFileName))
	if err != nil {
		t.Fatal(err)
	}
	older := strings.Replace(string(cacheData), `,"textHash":"`+m.TextHash+`"`, "", 1)
	if older == string(cacheData) {
		t.Fatalf("no text hash in links.json: %s", cacheData)
	}
	cacheData = []byte(older)
	if err := os.WriteFile(filepath.Join(dir, cacheFileName), cacheData, 0o600); err != nil {
		t.Fatal(err)
	}
	if om, _ = offline(); om == nil || om.TextHash != "" || !om.Readable {
		t.Errorf("page meta from an older cache %+v, want readable with no text hash", om)
	}
}

// TestVerdictGenerations checks that a run of another generation (a new
// version of the matching code) neither reads the verdicts of the old
// one nor keeps them when it writes the file.
func TestVerdictGenerations(t *testing.T) {
	srv := reportServer(t)
	dir := t.TempDir()
	u := srv.URL + "/report.txt"
	run := func(gen, put string) (found []string) {
		t.Helper()
		c, err := New(Config{AllowPrivate: true, MinInterval: -1, CacheDir: dir, KeepText: true})
		if err != nil {
			t.Fatal(err)
		}
		results, _ := c.Check(context.Background(), []string{u})
		m := results[u].PageMeta()
		for _, key := range []string{"a", "b"} {
			if val, ok := m.Verdicts.Get(gen, m.TextHash, key); ok {
				found = append(found, key+"="+val)
			}
		}
		if put != "" {
			m.Verdicts.Put(gen, m.TextHash, put, []byte(`"`+gen+`"`))
		}
		if err := c.SaveVerdicts(); err != nil {
			t.Fatal(err)
		}
		return found
	}
	run("1", "a")
	if got := run("1", ""); strings.Join(got, " ") != `a="1"` {
		t.Errorf("generation 1 again: %q", got)
	}
	if got := run("2", "b"); got != nil {
		t.Errorf("generation 2 read generation 1's verdicts: %q", got)
	}
	if got := run("1", ""); got != nil {
		t.Errorf("generation 1's verdicts survived generation 2's write: %q", got)
	}
	if got := run("2", ""); strings.Join(got, " ") != `b="2"` {
		t.Errorf("generation 2 again: %q", got)
	}
}

// offlineLookup returns a lookup over the cache in dir for an offline run
// keeping text, and its checker.
func offlineLookup(t *testing.T, dir string) (*CachedLookup, *Checker) {
	t.Helper()
	o, err := New(Config{CacheDir: dir, KeepText: true, Offline: true})
	if err != nil {
		t.Fatal(err)
	}
	lookup, warning := o.CachedLookup()
	if warning != "" {
		t.Fatal(warning)
	}
	return lookup, o
}

// TestCachedPageMeta checks what an offline run keeping text knows of
// each cached link without reading a page's text: a page read earlier is
// readable, with its text hash; a dead link is not, with its verdict as
// the reason; a page served to a run that kept no text has no answer
// (TextNotCached). Each is made once: the same meta and page every time
// they are asked for, which the source rules use to tell pages apart.
func TestCachedPageMeta(t *testing.T) {
	srv := reportServer(t)
	dir := t.TempDir()
	dead := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(dead.Close)
	read, gone, plain := srv.URL+"/report.txt", dead.URL+"/gone", srv.URL+"/plain.txt"
	for _, keep := range []bool{false, true} { // plain first, without its text
		c, err := New(Config{AllowPrivate: true, MinInterval: -1, CacheDir: dir, KeepText: keep})
		if err != nil {
			t.Fatal(err)
		}
		urls := []string{plain}
		if keep {
			urls = []string{read, gone}
		}
		c.Check(context.Background(), urls)
	}
	lookup, o := offlineLookup(t, dir)
	for _, tc := range []struct {
		url      string
		readable bool
		reason   string
	}{
		{read, true, ""},
		{gone, false, "dead: HTTP 404"},
		{plain, false, TextNotCached},
	} {
		r := lookup.Result(tc.url)
		m, p := r.PageMeta(), r.Page()
		if m == nil || p == nil {
			t.Fatalf("%s: no page meta or page in an offline run keeping text", tc.url)
		}
		if m.Readable != tc.readable || m.Reason != tc.reason || (m.TextHash != "") != tc.readable || m.Verdicts != o.Verdicts() {
			t.Errorf("%s: meta %+v, want readable %v, reason %q, a text hash only when readable, the run's verdicts", tc.url, *m, tc.readable, tc.reason)
		}
		if !tc.readable && (p.Readable || p.Reason != tc.reason || p.URL != tc.url) {
			t.Errorf("%s: page readable %v, reason %q, url %q; want unreadable for %q", tc.url, p.Readable, p.Reason, p.URL, tc.reason)
		}
		if r.PageMeta() != m || r.Page() != p {
			t.Errorf("%s: a second question gave another meta or page", tc.url)
		}
	}
}
