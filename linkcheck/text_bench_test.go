package linkcheck

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// articleBody is a news page of about 20 KB: navigation, twenty
// paragraphs with figures and a link, a table, a footer.
func articleBody(i int) string {
	var sb strings.Builder
	sb.WriteString(`<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Story ` + fmt.Sprint(i) + `</h1>`)
	for p := range 20 {
		fmt.Fprintf(&sb, `<p>Paragraph %d of story %d: the council counted %d,%03d visitors, up %d.%d percent on the year before, according to <a href="/source/%d">its report</a>. Officials expect the figure to keep rising through the next season and beyond, they said on Tuesday.</p>`, p, i, p+1, i%1000, p, i%10, p)
	}
	sb.WriteString(`<table><tr><th>Year</th><th>Visitors</th></tr><tr><td>2024</td><td>1,031</td></tr><tr><td>2025</td><td>1,204</td></tr></table></article><footer>© Example</footer>`)
	return page("", sb.String())
}

// BenchmarkCachedRun compares a second run served by the cache: the link
// check alone (links-only), the link check keeping text where the rules
// read one page's text (keep-text), and where they read every page's
// (keep-text-all-read). 200 pages of about 20 KB each were fetched by a
// first run.
func BenchmarkCachedRun(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		_, _ = fmt.Sscanf(r.URL.Path, "/story/%d", &i)
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, articleBody(i))
	}))
	b.Cleanup(srv.Close)
	urls := make([]string, 200)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/story/%d", srv.URL, i)
	}
	cfg := Config{AllowPrivate: true, MinInterval: -1, PerHost: 32, CacheDir: b.TempDir(), KeepText: true}
	first, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	firstResults, _ := first.Check(context.Background(), urls)
	for _, u := range urls {
		m := firstResults[u].PageMeta()
		m.Verdicts.Put("1", m.TextHash, "claim", []byte(`{"m":true}`))
	}
	if err := first.SaveVerdicts(); err != nil {
		b.Fatal(err)
	}
	srv.Close() // a request now would fail: the runs below must be served by the cache
	for _, mode := range []string{"links-only", "keep-text", "keep-text-all-read", "verdicts-only"} {
		keep := mode != "links-only"
		b.Run(mode, func(b *testing.B) {
			run := cfg
			run.KeepText = keep
			for b.Loop() {
				c, err := New(run)
				if err != nil {
					b.Fatal(err)
				}
				results, sum := c.Check(context.Background(), urls)
				if sum.FromCache != len(urls) || (mode == "keep-text" && results[urls[7]].Page().Main == "") {
					b.Fatalf("not served by the cache: %+v", sum)
				}
				if mode == "verdicts-only" {
					for _, u := range urls {
						m := results[u].PageMeta()
						if _, ok := m.Verdicts.Get("1", m.TextHash, "claim"); !ok {
							b.Fatalf("%s: no verdict", u)
						}
					}
				}
				if mode == "keep-text-all-read" {
					for _, u := range urls {
						if results[u].Page().Main == "" {
							b.Fatalf("%s: no text", u)
						}
					}
				}
			}
		})
	}
}
