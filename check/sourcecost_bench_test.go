package check

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/citelint/citelint/internal/cputime"
	"github.com/citelint/citelint/internal/gctune"
)

// BenchmarkCachedSourceChecks measures what the source checks
// (unsupported-figure, misquoted) add to a rerun served by the cache:
// each iteration runs the offline link rules over 120 drafts, each citing
// one of 60 pages on a local server, then the same run with the source
// checks on, back to back, and reports both times and their ratio (issue
// 12: at most 1.10). A first online run filled the cache and the verdict
// cache; the server is closed before the timed runs, so a request would
// fail. Half the drafts restate their page's figure and quotation, half
// alter them. In-process: the start-up a command adds to both runs is not
// counted (BenchmarkStartup in cmd/citelint measures it).
func BenchmarkCachedSourceChecks(b *testing.B) {
	defer gctune.Apply(os.Getenv)() // the command's collector settings, for both runs
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/story/%d", &i); err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		_, _ = fmt.Fprintf(w, `<html><head><title>Story %d</title></head><body><nav><a href="/">Home</a></nav><article><h1>Harbour report %d</h1>`, i, i)
		for p := range 12 {
			_, _ = fmt.Fprintf(w, `<p>Paragraph %d: the harbour board counted %d,%03d crossings in the year, up %d.%d percent on the year before. Its chair said the ferries were “running at the very edge of what the crews can manage” through the summer.</p>`, p, 10+i, p*7, p+2, i%10)
		}
		_, _ = fmt.Fprint(w, `</article><footer>Harbour news</footer></body></html>`)
	}))
	dir := b.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write(".citelint.yml", "links:\n  cache: .cache\n  allow-private: true\n")
	for d := range 120 {
		page, figure, quote := d%60, fmt.Sprintf("%d,%03d", 10+d%60, 7*(d%12)), "running at the very edge of what the crews can manage"
		if d%2 == 1 { // altered in the draft, never in the source
			figure, quote = fmt.Sprintf("%d,%03d", 20+d%60, 7*(d%12)), "running at the very limit of what the crews can manage"
		}
		write(fmt.Sprintf("draft-%03d.md", d), fmt.Sprintf("# Draft %d\n\nThe board [counted %s crossings](%s/story/%d) last year, and its chair said the ferries were “%s” all summer.\n\nThe rest of the draft says nothing new about the harbour.\n", d, figure, srv.URL, page, quote))
	}
	b.Chdir(dir)
	sourceRules := []string{"unsupported-figure", "misquoted"}
	run := func(links LinkMode, disable []string) *Result {
		res, err := Check(context.Background(), Options{NetworkOnly: true, Links: links, Disable: disable})
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	first := run(LinksOnline, nil)
	srv.Close() // the timed runs must be served by the cache
	count := func(res *Result) (n int) {
		for _, d := range res.Diagnostics {
			if d.Rule == "unsupported-figure" || d.Rule == "misquoted" {
				n++
			}
		}
		return n
	}
	if want := count(first); want != 120 || count(run(LinksOffline, nil)) != want {
		b.Fatalf("the source checks found %d findings online (want 120: one per altered figure and quotation), %d from the cache", want, count(run(LinksOffline, nil)))
	}
	// Processor time as well as wall time: other processes on the
	// machine stretch the second far more than the first.
	var links, with, linksCPU, withCPU time.Duration
	for b.Loop() {
		t0, c0 := time.Now(), cputime.Process()
		run(LinksOffline, sourceRules)
		t1, c1 := time.Now(), cputime.Process()
		run(LinksOffline, nil)
		links, with = links+t1.Sub(t0), with+time.Since(t1)
		linksCPU, withCPU = linksCPU+c1-c0, withCPU+cputime.Process()-c1
	}
	n := float64(b.N)
	b.ReportMetric(float64(links.Microseconds())/n/1000, "links-ms")
	b.ReportMetric(float64(with.Microseconds())/n/1000, "with-sources-ms")
	b.ReportMetric(float64(with)/float64(links), "with/links")
	if linksCPU > 0 {
		b.ReportMetric(float64(withCPU)/float64(linksCPU), "cpu-with/links")
	}
}
