package linkcheck

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/citelint/citelint/extract"
	"github.com/citelint/citelint/internal/safefile"
)

// The verdict cache keeps, beside the link cache, what the rules that
// read page text (unsupported-figure, misquoted) concluded about a claim
// against a page, keyed by the page's text hash (TextHash) and the
// claim: a rerun over an unchanged draft and an unchanged page reads these
// small records instead of the page's text. The file is one line per
// verdict,
//
//	<id> <text hash> <generation> <crc32 of value> <value>
//
// where id is the SHA-256 of the generation, the text hash and the rule's
// key (or one the rule made of all its record depends on, those two
// included: see GetID), the generation names the version of the code that judged (see
// VerdictCache.Get), and value is the rule's record (one line of JSON).
// A line that does not parse, or whose checksum does not match, is
// ignored: a miss, never an error.
const (
	verdictFileName    = "links-verdicts.txt"
	verdictTmpPattern  = "links-verdicts.txt.*.tmp"
	verdictFileVersion = "citelint-verdicts 2"
	// maxVerdictFileBytes bounds the verdict file read back.
	maxVerdictFileBytes = 32 << 20
	// MaxVerdicts bounds the verdicts the file keeps; past it, those of
	// the run are kept first, then those already there, in the file's
	// order.
	MaxVerdicts = 100_000
	// MaxVerdictBytes bounds one verdict's record; a larger one is not
	// kept (the claim is judged again next run).
	MaxVerdictBytes = 16 << 10
)

// TextHash returns the hex SHA-256 of what a rule reads of a page: its
// title, main and full text. A verdict about a page is keyed by it.
func TextHash(p *extract.Page) string {
	h := sha256.New()
	var n [8]byte
	for _, s := range []string{p.Title, p.Main, p.Full} {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// PageMeta is what is known of a page without reading its text: enough
// to tell whether a rule can judge claims against it, and to look its
// verdicts up.
type PageMeta struct {
	Readable bool
	Partial  bool
	Reason   string
	// TextHash is the page's TextHash, "" when unknown (a cache file
	// written before text hashes were kept: the text must be read to
	// know it).
	TextHash string
	// Verdicts is the run's verdict cache, nil without one.
	Verdicts *VerdictCache
}

// PageMeta returns what is known of the page without reading its text
// from the cache; nil when the checker keeps no text.
func (r Result) PageMeta() *PageMeta {
	if r.meta == nil {
		return nil
	}
	return r.meta()
}

// VerdictCache holds the verdicts of a run's cache folder: those read
// back, read once when first asked for, and those the run adds, written
// by Checker.SaveVerdicts. It is safe for concurrent use; a nil
// VerdictCache keeps nothing.
type VerdictCache struct {
	dir  string
	once sync.Once
	mu   sync.Mutex
	// read holds the lines read back, by id, without their id: each is
	// checked when first asked for (see value), so that a rerun reading
	// a few verdicts does not check them all. added holds those of the
	// run.
	read  map[[32]byte]string
	added map[[32]byte]verdictLine
	// gen is the generation of the run's lookups (see use): the lines of
	// another are read back, never found, and dropped when the run saves.
	gen string
	// reads counts the lookups that found a verdict, for tests.
	hits int
}

type verdictLine struct {
	textHash, gen, value string
}

func newVerdictCache(dir string) *VerdictCache {
	return &VerdictCache{dir: dir, added: map[[32]byte]verdictLine{}}
}

func verdictID(gen, textHash, key string) [32]byte {
	var buf [256]byte // most keys fit: no allocation per lookup
	b := append(append(append(append(append(buf[:0], gen...), 0), textHash...), 0), key...)
	return sha256.Sum256(b)
}

// maxGenerationBytes bounds a generation's name.
const maxGenerationBytes = 64

// validGeneration reports whether gen can name a generation: a few
// lowercase hex digits, so that it fits a line's field.
func validGeneration[T string | []byte](gen T) bool {
	if len(gen) == 0 || len(gen) > maxGenerationBytes {
		return false
	}
	for i := range len(gen) {
		if c := gen[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// Get returns the verdict kept for key about the page of text hash
// textHash, by the code of generation gen (lowercase hex: a hash of the
// caller's version). Verdicts of other generations are dropped when the
// run writes the file, so an upgrade does not leave the old ones to be
// read for ever; a run uses one generation.
func (v *VerdictCache) Get(gen, textHash, key string) (string, bool) {
	return v.GetID(verdictID(gen, textHash, key), gen, textHash)
}

// GetID is Get for a caller that makes its record's id itself: a SHA-256
// of all the record depends on, gen and textHash included, so that no
// other key of the cache can make the same id. A caller that looks many
// records up saves hashing its key twice.
func (v *VerdictCache) GetID(id [32]byte, gen, textHash string) (string, bool) {
	if v == nil || !isLowerHex(textHash) || !validGeneration(gen) {
		return "", false
	}
	v.once.Do(v.load)
	v.mu.Lock()
	defer v.mu.Unlock()
	v.use(gen)
	if l, ok := v.added[id]; ok {
		return l.value, true
	}
	val, ok := v.value(id, gen, textHash)
	if ok {
		v.hits++
	}
	return val, ok
}

// value returns the value of the line read back for id, when the line is
// sound and of generation gen and text hash textHash; v.mu is held.
func (v *VerdictCache) value(id [32]byte, gen, textHash string) (string, bool) {
	rest, ok := v.read[id]
	if !ok {
		return "", false
	}
	_, value, ok := parseVerdictFields(rest, gen, textHash)
	if !ok {
		delete(v.read, id) // damaged: a miss now and after
		return "", false
	}
	return value, true
}

// Put keeps a verdict for key about the page of text hash textHash, by
// the code of generation gen (see Get), to be written when the run saves
// its verdicts. value must be one line.
func (v *VerdictCache) Put(gen, textHash, key string, value []byte) {
	v.PutID(verdictID(gen, textHash, key), gen, textHash, value)
}

// PutID is Put for a record whose id the caller made (see GetID). A
// record put again in the same run replaces the one put before.
func (v *VerdictCache) PutID(id [32]byte, gen, textHash string, value []byte) {
	if v == nil || !isLowerHex(textHash) || !validGeneration(gen) || len(value) > MaxVerdictBytes || bytes.IndexByte(value, '\n') >= 0 {
		return
	}
	v.once.Do(v.load)
	v.mu.Lock()
	defer v.mu.Unlock()
	v.use(gen)
	if old, ok := v.value(id, gen, textHash); ok && old == string(value) {
		delete(v.added, id) // the file holds it already
		return
	}
	if _, ok := v.added[id]; ok || len(v.added) < MaxVerdicts {
		v.added[id] = verdictLine{textHash, gen, string(value)}
	}
}

// Hits returns how many lookups found a verdict read back from the
// cache folder.
func (v *VerdictCache) Hits() int {
	if v == nil {
		return 0
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.hits
}

// use records gen as the run's generation, the first one asked for; v.mu
// is held.
func (v *VerdictCache) use(gen string) {
	if v.gen == "" {
		v.gen = gen
	}
}

// Preload starts reading the verdicts back in the background, so that
// the first rule to ask does not wait for the file (and every other rule
// of the run for it) while drafts are being read and parsed.
func (v *VerdictCache) Preload() {
	if v != nil {
		go v.once.Do(v.load)
	}
}

// load reads the verdicts back, of every generation: the ids of one
// generation's lookups never match another's lines. It runs once, under
// v.once.
func (v *VerdictCache) load() {
	if v.dir == "" {
		v.read = map[[32]byte]string{}
		return
	}
	// The file is read as one string, and the verdicts kept as parts of
	// it: a rule reads a verdict as a string, with no copy.
	data, err := safefile.ReadRegularString(filepath.Join(v.dir, verdictFileName), maxVerdictFileBytes)
	if err != nil {
		v.read = map[[32]byte]string{}
		return
	}
	v.read = make(map[[32]byte]string, min(strings.Count(data, "\n"), MaxVerdicts))
	verdictLines(data, func(line string) {
		if id, fields, ok := parseVerdictID(line); ok {
			v.read[id] = fields
		}
	})
}

// verdictLines calls fn for each line of a verdict file after its version
// line, at most MaxVerdicts; a file of another version has none.
func verdictLines(data string, fn func(line string)) {
	first, rest, _ := strings.Cut(data, "\n")
	if first != verdictFileVersion {
		return
	}
	for n := 0; len(rest) > 0 && n < MaxVerdicts; n++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		fn(line)
	}
}

// parseVerdicts calls fn for each sound line of generation gen (of any,
// when gen is "") of a verdict file, in order; a file of another version
// yields nothing.
func parseVerdicts(data, gen string, fn func(id [32]byte, textHash, value string)) {
	verdictLines(data, func(line string) {
		if id, textHash, value, ok := parseVerdictLine(line, gen); ok {
			fn(id, textHash, value)
		}
	})
}

func parseVerdictLine(line, gen string) (id [32]byte, textHash, value string, ok bool) {
	id, fields, ok := parseVerdictID(line)
	if !ok {
		return id, "", "", false
	}
	textHash, value, ok = parseVerdictFields(fields, gen, "")
	return id, textHash, value, ok
}

// parseVerdictID reads a line's id, and returns the fields after it.
func parseVerdictID(line string) (id [32]byte, fields string, ok bool) {
	idHex, fields, _ := strings.Cut(line, " ")
	if len(idHex) != 64 {
		return id, "", false
	}
	var idBytes [64]byte // the id's hex, decoded without a copy on the heap
	copy(idBytes[:], idHex)
	if _, err := hex.Decode(id[:], idBytes[:]); err != nil {
		return id, "", false
	}
	return id, fields, true
}

// parseVerdictFields reads the fields of a line after its id, of
// generation gen and text hash textHash (of any, when "": a sound one),
// and checks the value's checksum.
func parseVerdictFields(fields, gen, textHash string) (hashHex, value string, ok bool) {
	hashHex, rest, _ := strings.Cut(fields, " ")
	lineGen, rest, _ := strings.Cut(rest, " ")
	sumHex, value, found := strings.Cut(rest, " ")
	switch {
	case !found || len(value) > MaxVerdictBytes,
		gen != "" && lineGen != gen, gen == "" && !validGeneration(lineGen),
		textHash != "" && hashHex != textHash, textHash == "" && !isLowerHex(hashHex):
		return "", "", false
	}
	sum, err := strconv.ParseUint(sumHex, 16, 32)
	if err != nil || uint32(sum) != checksum(value) {
		return "", "", false
	}
	return hashHex, value, true
}

// checksum returns the CRC-32 (IEEE) of s, read in place: crc32 only
// reads its input, so s is viewed as bytes rather than copied.
func checksum(s string) uint32 {
	return crc32.ChecksumIEEE(unsafe.Slice(unsafe.StringData(s), len(s)))
}

// isLowerHex reports whether b is a text hash as extract and TextHash
// write it (validHash, without a regular expression per line).
func isLowerHex[T string | []byte](b T) bool {
	if len(b) != 64 {
		return false
	}
	for i := range len(b) {
		if c := b[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func appendVerdictLine(out []byte, id [32]byte, textHash, gen, value string) []byte {
	out = hex.AppendEncode(out, id[:])
	out = append(out, ' ')
	out = append(out, textHash...)
	out = append(out, ' ')
	out = append(out, gen...)
	out = append(out, ' ')
	out = strconv.AppendUint(out, uint64(checksum(value)), 16)
	out = append(out, ' ')
	out = append(out, value...)
	return append(out, '\n')
}

// Verdicts returns the checker's verdict cache, nil when it keeps no page
// text or has no cache folder.
func (c *Checker) Verdicts() *VerdictCache { return c.verdicts }

// SaveVerdicts writes the verdicts the run added, merged with those on
// disk, under the cache's lock and atomically. Verdicts about pages the
// link cache no longer refers to are dropped, so the file follows the
// cache as it expires, and so are those of another generation than the
// run's. A run that added nothing writes nothing.
func (c *Checker) SaveVerdicts() error {
	v := c.verdicts
	if v == nil {
		return nil
	}
	v.mu.Lock()
	added, gen := v.added, v.gen
	v.added = map[[32]byte]verdictLine{}
	v.mu.Unlock()
	if len(added) == 0 {
		return nil
	}
	dir := c.cacheDir
	path := filepath.Join(dir, verdictFileName)
	unlock, err := lockCacheDir(dir, "verdict cache", path)
	if err != nil {
		return err
	}
	defer unlock()

	live := map[string]bool{}
	if f, err := readCacheFile(filepath.Join(dir, cacheFileName)); err == nil {
		for _, e := range f.Entries {
			if e.Page != nil && e.Page.TextHash != "" {
				live[e.Page.TextHash] = true
			}
		}
	}
	out := []byte(verdictFileVersion + "\n")
	n := 0
	ids := make([][32]byte, 0, len(added))
	for id := range added {
		ids = append(ids, id)
	}
	// A stable order: the same verdicts make the same file.
	slices.SortFunc(ids, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) })
	for _, id := range ids {
		if l := added[id]; live[l.textHash] && n < MaxVerdicts {
			out = appendVerdictLine(out, id, l.textHash, l.gen, l.value)
			n++
		}
	}
	data, err := safefile.ReadRegularString(path, maxVerdictFileBytes)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		data = "" // unreadable: replaced
	}
	parseVerdicts(data, gen, func(id [32]byte, textHash, value string) {
		if _, ok := added[id]; !ok && live[textHash] && n < MaxVerdicts {
			out = appendVerdictLine(out, id, textHash, gen, value)
			n++
		}
	})
	if err := writeViaTemp(dir, verdictTmpPattern, path, out); err != nil {
		return fmt.Errorf("verdict cache: %w", err)
	}
	return nil
}
