package linkcheck

import (
	"context"
	"sync"
	"testing"
)

func TestCachedLookupAnswersFromTheCacheAlone(t *testing.T) {
	srv := newScenarioServer(t)
	cfg := testConfig()
	cfg.CacheDir = t.TempDir()
	cfg.PaywalledDomains = nil
	if _, sum := newChecker(t, cfg).Check(context.Background(), []string{srv.URL + "/ok", srv.URL + "/301"}); sum.Fetched != 2 {
		t.Fatalf("first run: %+v", sum)
	}
	srv.resetCounts()

	offline := cfg
	offline.Offline = true
	lookup, warning := newChecker(t, offline).CachedLookup()
	if warning != "" {
		t.Fatalf("warning: %s", warning)
	}
	var wg sync.WaitGroup
	for range 4 { // as the runner's workers would, concurrently
		wg.Go(func() {
			if r := lookup.Result(srv.URL + "/ok#intro"); r.Verdict != OK || !r.Cached {
				t.Errorf("/ok: %v cached=%v", r.Verdict, r.Cached)
			}
			if r := lookup.Result(srv.URL + "/301"); r.Verdict != Redirected || !r.Cached {
				t.Errorf("/301: %v cached=%v", r.Verdict, r.Cached)
			}
			if r := lookup.Result(srv.URL + "/new"); r.Verdict != NotChecked {
				t.Errorf("/new: %v", r.Verdict)
			}
			if r := lookup.Result("mailto:desk@example.com"); r.Verdict != Skipped {
				t.Errorf("mailto: %v", r.Verdict)
			}
		})
	}
	wg.Wait()
	if n := lookup.NotChecked(); n != 1 {
		t.Errorf("NotChecked() = %d, want 1", n)
	}
	for _, p := range []string{"/ok", "/301", "/new"} {
		if n := srv.count(p); n != 0 {
			t.Errorf("%s requested %d times offline", p, n)
		}
	}
}
