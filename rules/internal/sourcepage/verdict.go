package sourcepage

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"reflect"
	"runtime/debug"
	"sync"

	"github.com/citelint/citelint/extract"
	"github.com/citelint/citelint/linkcheck"
)

// VerdictVersion is part of every cached verdict's key. Bump it whenever
// what a verdict means changes: the matching of figures or quotations in
// verify, how a page's text is made (pageText), the records the rules
// keep, or their evidence. A rule's own version (the kind passed to
// Judge) changes with that rule's record or judgement alone. A release
// build also keys verdicts by its commit (see buildKey), so that a new
// version never trusts an old one's verdicts; a development build relies
// on these constants.
const VerdictVersion = "12"

// buildKey is the commit the binary was built from, when the build says
// and the tree was clean.
var buildKey = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if modified == "true" {
		return ""
	}
	return rev
})

// generation names the verdicts of this build in the verdict cache:
// those of another version are dropped when the file is written.
var generation = sync.OnceValue(func() string {
	sum := sha256.Sum256([]byte(VerdictVersion + "\x00" + buildKey()))
	return hex.EncodeToString(sum[:8])
})

// textHashKey keys a page's text hash, made from its text, in the run's
// memo.
type textHashKey struct{ page *extract.Page }

// Judge returns the verdict of kind about a claim against the page of s:
// the one the verdict cache keeps for this claim (claim says all the
// judgement depends on beside the page's text) and this page's text, or
// judge's, which reads the page's text, then kept for the next run. It
// returns false when the page's text, which the link cache said could be
// read, cannot be (the text file is gone): the caller reports the page as
// unreadable, with Source.UnreadReason.
func Judge[V any](f *Finder, s Source, kind, claim string, judge func() V) (V, bool) {
	var zero V
	meta := s.ref.meta
	key := VerdictVersion + "\x00" + buildKey() + "\x00" + kind + "\x00" + s.URL + "\x00" + claim
	if meta.Verdicts != nil && meta.TextHash != "" {
		if v, ok := getVerdict[V](meta.Verdicts, meta.TextHash, key); ok {
			return v, true
		}
	}
	page := s.ref.loaded()
	if !page.Readable {
		// The document's findings now say the text is missing: they are
		// not kept, for the text may come back.
		f.doc.recording = false
		return zero, false
	}
	v := judge()
	if meta.Verdicts != nil {
		hash := meta.TextHash
		if hash == "" {
			// A cache written before text hashes were kept.
			hash = f.facts.Memo(textHashKey{page}, func() any { return linkcheck.TextHash(page) }).(string)
		}
		keep(meta.Verdicts, hash, key, v)
	}
	return v, true
}

// getVerdict returns the verdict kept for key about the page of text
// hash hash; a record that does not decode is a miss.
func getVerdict[V any](c *linkcheck.VerdictCache, hash, key string) (V, bool) {
	var v V
	data, ok := c.Get(generation(), hash, key)
	if !ok || json.Unmarshal([]byte(data), &v) != nil {
		var zero V
		return zero, false
	}
	return v, true
}

// keep puts v in the verdict cache when it reads back as it is: a record
// that JSON would change (invalid UTF-8 in a page's words) is judged
// again each run rather than served different.
func keep[V any](c *linkcheck.VerdictCache, hash, key string, v V) {
	data, err := json.Marshal(v)
	if err != nil {
		return
	}
	var back V
	if json.Unmarshal(data, &back) != nil || !reflect.DeepEqual(back, v) {
		return
	}
	c.Put(generation(), hash, key, data)
}

// UnreadReason returns the reason the page of s, which the link cache said
// could be read, could not be when its text was needed.
func (s Source) UnreadReason() string { return s.ref.loaded().Reason }
