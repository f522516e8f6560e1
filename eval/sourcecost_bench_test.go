package eval

import (
	"context"
	"hash/fnv"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/check"
	"github.com/citelint/citelint/internal/cputime"
	"github.com/citelint/citelint/internal/gctune"
)

// corpusPostURL matches a link to a dated digital.gov post, whose file in
// the corpus is named from its date and slug.
var corpusPostURL = regexp.MustCompile(`https?://(?:www\.)?digital\.gov/(\d{4})/(\d{2})/(\d{2})/([a-z0-9-]+)/?`)

// otherURL matches any other web address in a post.
var otherURL = regexp.MustCompile(`https?://[^\s)<>"'\]]+`)

// BenchmarkCorpusCachedSourceChecks measures what the source checks
// (unsupported-figure, misquoted) add to a rerun served by the cache, on
// whole real posts: the digitalgov posts that link to other posts of the
// corpus, each such link pointed at that post served from a local server
// and every other web address at a page the server does not have (a dead
// link, as the link rules see it). A first online run fills the link and
// verdict caches; the server is then closed, and each iteration runs the
// offline link rules alone, then with the source checks, back to back, and
// reports both times and their ratio (issue 12: at most 1.10). It is the
// measure of BenchmarkCachedSourceChecks in check on drafts of a real
// length rather than one sentence each. It skips without the corpus; the
// posts are copied to a temporary folder, never into the repository.
func BenchmarkCorpusCachedSourceChecks(b *testing.B) {
	defer gctune.Apply(os.Getenv)() // the command's collector settings, for both runs
	corpus, err := DigitalgovDir()
	if err != nil {
		b.Skip(err)
	}
	entries, err := os.ReadDir(corpus)
	if err != nil {
		b.Skipf("the digitalgov corpus is not at %s (set CITELINT_DIGITALGOV): %v", corpus, err)
	}
	have := map[string]bool{}
	for _, e := range entries {
		have[e.Name()] = true
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, "/f/")
		if !ok || name != path.Base(name) || !have[name] {
			http.NotFound(w, r)
			return
		}
		text, err := readBounded(filepath.Join(corpus, name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		_, _ = w.Write(text)
	})
	// The link checker waits between two requests to one host (host and
	// port): the pages are spread over several servers, so that the first
	// run takes seconds, not minutes.
	servers := make([]*httptest.Server, 16)
	for i := range servers {
		servers[i] = httptest.NewServer(handler)
		defer servers[i].Close()
	}
	serverOf := func(s string) string {
		h := fnv.New32a()
		h.Write([]byte(s))
		return servers[h.Sum32()%uint32(len(servers))].URL
	}

	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".citelint.yml"), []byte("links:\n  cache: .cache\n  allow-private: true\n"), 0o600); err != nil {
		b.Fatal(err)
	}
	const maxDrafts = 150
	drafts, bytes := 0, 0
	for _, e := range entries {
		if drafts == maxDrafts || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		text, err := readBounded(filepath.Join(corpus, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		cites := 0
		local := otherURL.ReplaceAllStringFunc(string(text), func(u string) string {
			if m := corpusPostURL.FindStringSubmatch(u); m != nil && m[0] == strings.TrimRight(u, ".,;:") {
				if name := m[1] + "__" + m[2] + "__" + m[1] + "-" + m[2] + "-" + m[3] + "-" + m[4] + ".md"; have[name] && name != e.Name() {
					cites++
					return serverOf(name) + "/f/" + name + strings.TrimPrefix(u, m[0])
				}
			}
			return serverOf(u) + "/gone/" + strings.NewReplacer("://", "/", "#", "/").Replace(u)
		})
		if cites == 0 {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), []byte(local), 0o600); err != nil {
			b.Fatal(err)
		}
		drafts++
		bytes += len(local)
	}
	if drafts < 50 {
		b.Skipf("only %d posts of the corpus cite another one", drafts)
	}
	b.Chdir(dir)
	sourceRules := []string{"unsupported-figure", "misquoted"}
	run := func(links check.LinkMode, disable []string) *check.Result {
		res, err := check.Check(context.Background(), check.Options{NetworkOnly: true, Links: links, Disable: disable})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Errors) > 0 {
			b.Fatalf("%s: %v", res.Errors[0].Path, res.Errors[0].Err)
		}
		return res
	}
	sourceFindings := func(res *check.Result) []string {
		var out []string
		for _, d := range res.Diagnostics {
			if slices.Contains(sourceRules, d.Rule) {
				out = append(out, d.Path+" "+d.Rule+" "+d.Message)
			}
		}
		return out
	}
	online := sourceFindings(run(check.LinksOnline, nil))
	for _, srv := range servers {
		srv.Close() // the timed runs must be served by the cache
	}
	if offline := sourceFindings(run(check.LinksOffline, nil)); !slices.Equal(online, offline) || len(online) == 0 {
		b.Fatalf("the cache served %d source findings, the online run found %d", len(offline), len(online))
	}
	// Processor time as well as wall time: other processes on the
	// machine stretch the second far more than the first.
	var links, with, linksCPU, withCPU time.Duration
	for b.Loop() {
		t0, c0 := time.Now(), cputime.Process()
		run(check.LinksOffline, sourceRules)
		t1, c1 := time.Now(), cputime.Process()
		run(check.LinksOffline, nil)
		links, with = links+t1.Sub(t0), with+time.Since(t1)
		linksCPU, withCPU = linksCPU+c1-c0, withCPU+cputime.Process()-c1
	}
	n := float64(b.N)
	b.ReportMetric(float64(drafts), "drafts")
	b.ReportMetric(float64(bytes)/float64(drafts), "bytes/draft")
	b.ReportMetric(float64(len(online)), "source-findings")
	b.ReportMetric(float64(links.Microseconds())/n/1000, "links-ms")
	b.ReportMetric(float64(with.Microseconds())/n/1000, "with-sources-ms")
	b.ReportMetric(float64(with)/float64(links), "with/links")
	if linksCPU > 0 {
		b.ReportMetric(float64(withCPU)/float64(linksCPU), "cpu-with/links")
	}
}
