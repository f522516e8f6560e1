package linkcheck

import (
	"encoding/json"
	"testing"
	"time"
)

// TestCacheKeepsTheArchivedCopy: the capture the archive named survives
// the cache (for offline fixes), the list of captures is not stored.
func TestCacheKeepsTheArchivedCopy(t *testing.T) {
	f := newCacheFile()
	f.put(Result{URL: "https://example.com/a", Verdict: Dead, ArchiveURL: "https://web.archive.org/web/2020/https://example.com/a"}, time.Unix(0, 0))
	f.put(Result{URL: "https://example.com/b", Verdict: Dead, ArchiveURL: calendarURL("https://example.com/b")}, time.Unix(0, 0))
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	g := newCacheFile()
	if err := json.Unmarshal(b, g); err != nil {
		t.Fatal(err)
	}
	a, _ := g.get("https://example.com/a")
	if a.ArchivedCopy() != "https://web.archive.org/web/2020/https://example.com/a" {
		t.Errorf("a: %+v", a)
	}
	if e := g.Entries["https://example.com/b"]; e.ArchiveURL != "" {
		t.Errorf("b's calendar address was cached: %+v", e)
	}
}
