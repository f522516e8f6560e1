package linkrule

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/citelint/citelint/linkcheck"
)

// TestCachedValuesReadAPageOnce checks that an offline run asks the cache
// for a link once, however many claims and rules ask: each answer from
// the cache reads the page's text file, and the rules keep what they
// work out from a page (its figures, its text prepared for quotations)
// by the page, so a page read again per claim was read, and its figures
// found, once per claim.
func TestCachedValuesReadAPageOnce(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "The harbour handled 1,204 ships.")
	}))
	defer srv.Close()
	cfg := linkcheck.Config{AllowPrivate: true, Retries: -1, MinInterval: -1, KeepText: true, CacheDir: t.TempDir()}
	online, err := linkcheck.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	u := srv.URL + "/report.txt"
	online.Check(context.Background(), []string{u})
	cfg.Offline = true
	offline, err := linkcheck.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	lookup, _ := offline.CachedLookup()
	facts := CachedValues(lookup, Options{})[linkFactsKey{}].(*Facts)
	l := Link{Kind: WebLink, Target: u}
	first, _ := facts.Result(l)
	second, _ := facts.Result(l)
	p1, p2 := first.Page(), second.Page()
	if p1 == nil || p1.Main != "The harbour handled 1,204 ships." {
		t.Fatalf("cached page %+v", p1)
	}
	if p1 != p2 {
		t.Errorf("the cache gave the page twice (%p, %p): want one page per link per run", p1, p2)
	}
	if n := hits.Load(); n != 1 {
		t.Errorf("%d requests, want 1 (the online run's)", n)
	}
}
