package linkcheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"
)

const (
	// cacheVersion changes whenever the meaning of a cache entry does; a
	// file of another version is ignored.
	cacheVersion  = 1
	cacheFileName = "links.json"
)

// cacheFile is the on-disk cache: results by URL (fragment removed).
type cacheFile struct {
	Version int                   `json:"version"`
	Entries map[string]cacheEntry `json:"entries"`

	// dirty tells that the file needs writing.
	dirty bool
}

// cacheEntry is one cached Result and when it was obtained.
type cacheEntry struct {
	Checked  time.Time `json:"checked"`
	Verdict  Verdict   `json:"verdict"`
	Status   int       `json:"status,omitempty"`
	Reason   string    `json:"reason,omitempty"`
	Strong   bool      `json:"strong,omitempty"`
	FinalURL string    `json:"finalURL,omitempty"`
	MovedTo  string    `json:"movedTo,omitempty"`
	// HTML tells that the page was HTML, so Anchors is meaningful even
	// when empty.
	HTML      bool     `json:"html,omitempty"`
	Anchors   []string `json:"anchors,omitempty"`
	Truncated bool     `json:"truncated,omitempty"`
}

func newCacheFile() *cacheFile {
	return &cacheFile{Version: cacheVersion, Entries: make(map[string]cacheEntry)}
}

// cacheable reports whether a result may be kept between runs: only
// answers a server gave on purpose and that a rerun would most likely
// repeat. Failures are checked again, so that a fixed site is seen fixed
// and a passing glitch is not remembered.
func cacheable(r Result) bool {
	return r.Verdict == OK || r.Verdict == Paywalled || r.Verdict == Redirected
}

func (f *cacheFile) put(r Result, now time.Time) {
	f.Entries[r.URL] = cacheEntry{
		Checked:   now,
		Verdict:   r.Verdict,
		Status:    r.Status,
		Reason:    r.Reason,
		Strong:    r.Strong,
		FinalURL:  r.FinalURL,
		MovedTo:   r.MovedTo,
		HTML:      r.anchors != nil,
		Anchors:   slices.Sorted(maps.Keys(r.anchors)),
		Truncated: r.truncated,
	}
	f.dirty = true
}

func (f *cacheFile) get(key string) (Result, bool) {
	e, ok := f.Entries[key]
	if !ok {
		return Result{}, false
	}
	r := Result{
		URL:       key,
		Verdict:   e.Verdict,
		Status:    e.Status,
		Reason:    e.Reason,
		Strong:    e.Strong,
		FinalURL:  e.FinalURL,
		MovedTo:   e.MovedTo,
		Cached:    true,
		truncated: e.Truncated,
	}
	if e.HTML {
		r.anchors = make(map[string]bool, len(e.Anchors))
		for _, a := range e.Anchors {
			r.anchors[a] = true
		}
	}
	return r, true
}

// expire drops the entries older than maxAge, and any from the future (a
// clock that moved back would otherwise keep them forever).
func (f *cacheFile) expire(now time.Time, maxAge time.Duration) {
	maps.DeleteFunc(f.Entries, func(_ string, e cacheEntry) bool {
		return now.Sub(e.Checked) > maxAge || e.Checked.After(now.Add(time.Minute))
	})
}

// loadCache reads the cache, without its expired entries. A missing file
// is an empty cache; an unreadable, corrupt or other-version file is
// ignored (and will be replaced) with a warning for the user.
func (c *Checker) loadCache(now time.Time) (*cacheFile, string) {
	if c.cfg.CacheDir == "" {
		return newCacheFile(), ""
	}
	path := filepath.Join(c.cfg.CacheDir, cacheFileName)
	f, err := readCacheFile(path)
	if err != nil {
		f = newCacheFile()
		f.dirty = true
		return f, fmt.Sprintf("link cache %s ignored and will be replaced: %v", path, err)
	}
	f.expire(now, c.cfg.MaxAge)
	return f, ""
}

// readCacheFile reads and checks a cache file; a missing one is empty.
func readCacheFile(path string) (*cacheFile, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return newCacheFile(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	var f cacheFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("not a valid cache file: %w", err)
	}
	if f.Version != cacheVersion {
		return nil, fmt.Errorf("format version %d, expected %d", f.Version, cacheVersion)
	}
	if f.Entries == nil {
		f.Entries = make(map[string]cacheEntry)
	}
	return &f, nil
}

// saveCache writes f atomically: to a temporary file in the same
// directory, renamed over the cache. Entries another run wrote since f was
// loaded are merged in (the newer of two entries wins), so runs sharing a
// cache lose at most what two exactly simultaneous writers race on, and a
// reader never sees a half-written file.
func (c *Checker) saveCache(f *cacheFile, now time.Time) error {
	dir := c.cfg.CacheDir
	path := filepath.Join(dir, cacheFileName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("link cache: %w", err)
	}
	if disk, err := readCacheFile(path); err == nil {
		for key, theirs := range disk.Entries {
			if ours, ok := f.Entries[key]; !ok || theirs.Checked.After(ours.Checked) {
				f.Entries[key] = theirs
			}
		}
	}
	f.expire(now, c.cfg.MaxAge)
	data, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("link cache: encode: %w", err)
	}
	tmp, err := os.CreateTemp(dir, cacheFileName+".*.tmp")
	if err != nil {
		return fmt.Errorf("link cache: %w", err)
	}
	_, err = tmp.Write(data)
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name()) // best effort: the write already failed
		return fmt.Errorf("link cache: write %s: %w", path, err)
	}
	return nil
}
