package linkcheck

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"time"

	"github.com/citelint/citelint/extract"
	"github.com/citelint/citelint/internal/safefile"
	"github.com/gofrs/flock"
)

const (
	// cacheVersion changes whenever the meaning of a cache entry does; a
	// file of another version is ignored.
	cacheVersion  = 1
	cacheFileName = "links.json"
	// lockFileName guards the read-merge-write of the cache file between
	// runs sharing it.
	lockFileName = "links.json.lock"
	// tmpPattern names the temporary files the cache is written to before
	// being renamed into place.
	tmpPattern = "links.json.*.tmp"
	// ownSubfolder is the cache's folder inside a configured folder that
	// holds other files.
	ownSubfolder = "citelint"
	// lockWait bounds the wait for another run to finish writing.
	lockWait = 10 * time.Second
)

// ownCacheDir returns the folder the cache may live in for a configured
// dir: dir itself when it is missing, empty or holds only the cache's own
// files, otherwise its citelint subfolder. So "cache: ." in a repository
// never writes over the repository's own links.json.
func ownCacheDir(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return dir // missing (created on save) or unreadable (reported then)
	}
	for _, e := range entries {
		if !isOwnCacheFile(e) {
			return filepath.Join(dir, ownSubfolder)
		}
	}
	if len(entries) > 0 && !isCitelintCache(filepath.Join(dir, cacheFileName)) {
		return filepath.Join(dir, ownSubfolder)
	}
	return dir
}

// isOwnCacheFile reports whether a folder entry is one the cache writes.
func isOwnCacheFile(e fs.DirEntry) bool {
	if e.IsDir() && e.Name() == textDirName {
		return true
	}
	if !e.Type().IsRegular() {
		return false
	}
	if name := e.Name(); name == cacheFileName || name == lockFileName || name == verdictFileName {
		return true
	}
	matched, _ := filepath.Match(tmpPattern, e.Name()) // the pattern is valid
	verdictTmp, _ := filepath.Match(verdictTmpPattern, e.Name())
	return matched || verdictTmp
}

// isCitelintCache reports whether path is missing or looks like a cache
// file citelint wrote, of any version and even cut short: a JSON object
// whose first field is "version". Someone else's links.json is not
// mistaken for it, and so is never replaced.
func isCitelintCache(path string) bool {
	data, err := safefile.ReadRegular(path, maxCacheBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return true
	}
	return err == nil && cacheFileStart.Match(data)
}

// cacheFileStart matches the start of a cache file as json.Marshal writes
// it, with any spacing an editor might have added.
var cacheFileStart = regexp.MustCompile(`^\s*\{\s*"version"\s*:`)

// maxCacheBytes bounds the cache file read: far beyond what any real run
// writes (about 300 bytes per link), far below what would hurt.
const maxCacheBytes = 256 << 20

// cacheFile is the on-disk cache: results by URL (fragment removed).
type cacheFile struct {
	Version int                   `json:"version"`
	Entries map[string]cacheEntry `json:"entries"`

	// dirty tells that the file needs writing.
	dirty bool
	// texts holds the page texts put since the file was loaded, by body
	// hash, to be written beside it.
	texts map[string]*extract.Page
	// dir is the cache folder, where texts are read from; keepText tells
	// get to read them.
	dir      string
	keepText bool
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
	// ArchiveURL is the capture the archive named for a dead link (never
	// the list of captures), kept so that an offline "citelint fix" can
	// link to it.
	ArchiveURL string `json:"archiveURL,omitempty"`
	// HTML tells that the page was HTML, so Anchors is meaningful even
	// when empty.
	HTML      bool     `json:"html,omitempty"`
	Anchors   []string `json:"anchors,omitempty"`
	Truncated bool     `json:"truncated,omitempty"`
	// Page describes the page's text, kept when the checker keeps text;
	// the text itself is in a file of its own (see textcache.go).
	Page *cachedPage `json:"page,omitempty"`
}

func newCacheFile() *cacheFile {
	return &cacheFile{Version: cacheVersion, Entries: make(map[string]cacheEntry)}
}

// cacheable reports whether a result may be kept between runs: only
// answers a server gave on purpose and that a rerun would most likely
// repeat. A dead link is kept too, but serves offline runs only (see
// usableFromCache); passing failures (timeouts, rate limits, an
// unreachable network) are never kept.
func cacheable(r Result) bool {
	return r.Verdict == OK || r.Verdict == Paywalled || r.Verdict == Redirected || r.Verdict == Dead
}

// usableFromCache reports whether a cached result may answer for a link.
// A run with the network checks dead links again, so that a fixed site is
// seen fixed; an offline run (the pre-commit hook) reports them from the
// last run that could check them, rather than not at all.
func usableFromCache(r Result, offline bool) bool {
	return offline || r.Verdict != Dead
}

func (f *cacheFile) put(r Result, now time.Time) {
	f.Entries[r.URL] = cacheEntry{
		Checked:    now,
		Verdict:    r.Verdict,
		Status:     r.Status,
		Reason:     r.Reason,
		Strong:     r.Strong,
		FinalURL:   r.FinalURL,
		MovedTo:    r.MovedTo,
		ArchiveURL: r.ArchivedCopy(),
		HTML:       r.anchors != nil,
		Anchors:    slices.Sorted(maps.Keys(r.anchors)),
		Truncated:  r.truncated,
		Page:       f.putPage(r.Page()),
	}
	f.dirty = true
}

func (f *cacheFile) get(key string) (Result, bool) {
	e, ok := f.Entries[key]
	if !ok {
		return Result{}, false
	}
	r := Result{
		URL:        key,
		Verdict:    e.Verdict,
		Status:     e.Status,
		Reason:     e.Reason,
		Strong:     e.Strong,
		FinalURL:   e.FinalURL,
		MovedTo:    e.MovedTo,
		ArchiveURL: e.ArchiveURL,
		Cached:     true,
		truncated:  e.Truncated,
	}
	if f.keepText && e.Page != nil {
		r.page = f.pageLoader(e.Page)
		r.meta = f.pageMeta(e.Page)
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
	if c.cacheDir == "" {
		return newCacheFile(), ""
	}
	path := filepath.Join(c.cacheDir, cacheFileName)
	f, err := readCacheFile(path)
	if err != nil {
		f = newCacheFile()
		f.dirty = true
		f.dir, f.keepText = c.cacheDir, c.cfg.KeepText
		return f, fmt.Sprintf("link cache %s ignored and will be replaced: %v", path, err)
	}
	f.expire(now, c.cfg.MaxAge)
	f.dir, f.keepText = c.cacheDir, c.cfg.KeepText
	return f, ""
}

// readCacheFile reads and checks a cache file; a missing one is empty.
func readCacheFile(path string) (*cacheFile, error) {
	data, err := safefile.ReadRegular(path, maxCacheBytes)
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

// lockCacheDir creates the cache folder if need be and takes its lock,
// waiting at most lockWait for another run to release it, and returns the
// function that releases it. what and path name the file being saved, for
// the error.
func lockCacheDir(dir, what, path string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	lock := flock.New(filepath.Join(dir, lockFileName))
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	locked, err := lock.TryLockContext(ctx, 20*time.Millisecond)
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (err == nil && !locked):
		return nil, fmt.Errorf("%s %s not saved: another run held its lock for %s", what, path, lockWait)
	case err != nil:
		return nil, fmt.Errorf("%s %s not saved: lock: %w", what, path, err)
	}
	return func() { _ = lock.Unlock() }, nil // closing the file releases the lock anyway
}

// saveCache writes f atomically: to a temporary file in the same
// directory, renamed over the cache. It holds the cache's lock file while it
// merges in the entries another run wrote since f was loaded (the newer of
// two entries wins) and writes, so runs sharing a cache lose nothing, and a
// reader never sees a half-written file. Temporary files left by a run
// that was killed while writing are removed: under the lock, no other
// writer can own one.
func (c *Checker) saveCache(f *cacheFile, now time.Time) error {
	dir := c.cacheDir
	path := filepath.Join(dir, cacheFileName)
	unlock, err := lockCacheDir(dir, "link cache", path)
	if err != nil {
		return err
	}
	defer unlock()

	if stale, err := filepath.Glob(filepath.Join(dir, tmpPattern)); err == nil {
		for _, name := range stale {
			_ = os.Remove(name) // best effort: a leftover costs disk space only
		}
	}
	if disk, err := readCacheFile(path); err == nil {
		for key, theirs := range disk.Entries {
			if ours, ok := f.Entries[key]; !ok || theirs.Checked.After(ours.Checked) {
				f.Entries[key] = theirs
			}
		}
	}
	f.expire(now, c.cfg.MaxAge)
	if err := f.saveTexts(); err != nil {
		return fmt.Errorf("link cache: %w", err)
	}
	data, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("link cache: encode: %w", err)
	}
	if err := writeViaTemp(dir, tmpPattern, path, data); err != nil {
		return fmt.Errorf("link cache: %w", err)
	}
	return nil
}

// writeViaTemp writes data to path through a temporary file of dir named
// by pattern and a rename, so that another run never reads half a file;
// the temporary file is removed when anything fails.
func writeViaTemp(dir, pattern, path string, data []byte) error {
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return err
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
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
