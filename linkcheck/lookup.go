package linkcheck

import (
	"sync"
	"time"
)

// CachedLookup answers for links from the cache alone, one link at a time
// as they are met, with no list of links made beforehand and no request
// sent: what an offline run needs. It is safe for concurrent use.
type CachedLookup struct {
	c     *Checker
	cache *cacheFile

	mu         sync.Mutex
	notChecked map[string]bool // keys of links with no usable cached result
}

// CachedLookup loads the cache and returns a lookup over it, with a
// warning when the cache could not be read.
func (c *Checker) CachedLookup() (*CachedLookup, string) {
	cache, warning := c.loadCache(time.Now())
	return &CachedLookup{c: c, cache: cache, notChecked: make(map[string]bool)}, warning
}

// Result returns what the cache knows of raw: the cached verdict, a verdict
// that needs no network (a malformed or excluded URL, a non-web scheme),
// or NotChecked.
func (l *CachedLookup) Result(raw string) Result {
	link := parseLink(raw)
	r, ok := l.c.answerWithoutNetwork(link, l.cache)
	if !ok || r.Verdict == NotChecked {
		r = Result{URL: link.key, Verdict: NotChecked, Reason: "offline"}
		if l.c.cfg.KeepText {
			r = l.c.withPage(r)
		}
		l.mu.Lock()
		l.notChecked[link.key] = true
		l.mu.Unlock()
	}
	return r
}

// NotChecked counts the distinct links asked for that the cache could not
// answer.
func (l *CachedLookup) NotChecked() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.notChecked)
}
