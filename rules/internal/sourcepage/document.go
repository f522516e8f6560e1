package sourcepage

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/linkrule"
)

// A document's findings are kept in the verdict cache too: finding a
// draft's claims (its figures and quotations, and how each is cited)
// costs as much as judging them, so a rerun over an unchanged draft whose
// cited pages are unchanged replays the findings rather than finding the
// claims again. The record's id is a hash of all the findings depend on:
// the code's generation, the draft's path, format and bytes, and for each
// of its links where it stands, where it leads and what the link cache
// says of the page (reached or not, readable or not and why, its text
// hash), or that a local file it links to is missing. A draft that links
// to a local file that exists (whose text the link cache does not hash)
// is judged every run, claim by claim.
//
// One record holds the findings of every rule that reads pages (a
// section per rule, by its kind), so that a rerun looks each draft up
// once, however many of those rules it runs.

// finding is a finding as a rule reports it, for the verdict cache.
type finding struct {
	Start, End          int
	Severity            lint.Severity
	Message, Suggestion string
	Evidence            *lint.Evidence
}

// docPlace is where a document's findings are kept: the verdict cache,
// the text hash of one page the document cites, and the record's id. It
// is made once per document and shared by the rules, which read the
// record once (section) and add their sections to it (keep).
type docPlace struct {
	verdicts *linkcheck.VerdictCache
	page     string
	id       [32]byte

	mu sync.Mutex
	// read tells that the record was looked up; sections holds its
	// sections, those read back and those the run's rules kept.
	read     bool
	sections []section
}

// docState is a rule's docPlace for the pass's document, and the
// findings it is recording.
type docState struct {
	place *docPlace
	kind  string
	// recording tells that the findings are being recorded (the kept
	// ones missed), and found holds them.
	recording bool
	found     []finding
}

// docPlaceKey keys a document's docPlace in lint.Memo.
type docPlaceKey struct{}

// documentKey returns where the pass's document's findings are kept, or
// nil when they are not kept (a link to a local file that exists, a page
// of unknown text hash, no readable web page, no verdict cache). It is
// found once per document, for both rules.
func (f *Finder) documentKey() *docPlace {
	return lint.Memo(f.p, docPlaceKey{}, f.documentPlace)
}

func (f *Finder) documentPlace() *docPlace {
	doc := f.p.Doc
	// The fields are written as they are met, each with its length
	// first, into one buffer, hashed with the draft after them.
	k := keyBuffers.Get().(*keyBuffer)
	var b []byte
	defer func() { k.buf = b; k.put() }() // b, grown, serves the next draft
	b = appendField(k.buf[:0], documentRecord)
	b = appendField(b, generation())
	b = appendField(b, doc.Path)
	b, at := openField(b)
	b = closeField(strconv.AppendInt(b, int64(doc.Format), 10), at)
	st := &docPlace{}
	for _, l := range linkrule.Links(f.p) {
		if l.Kind == linkrule.LocalLink {
			if !f.facts.Files.Missing(f.p, l.File) {
				return nil // a file's text is not hashed: judged every run
			}
			// A missing file is no source (dead-link reports it); if it
			// appears, the key no longer holds.
			b, at = openField(b)
			b = closeField(append(append(b, "missing local file "...), l.File...), at)
			continue
		}
		b, at = openField(b)
		b = strconv.AppendInt(b, int64(l.Kind), 10)
		b = strconv.AppendInt(append(b, ' '), int64(l.Start), 10)
		b = strconv.AppendInt(append(b, ' '), int64(l.End), 10)
		b = closeField(b, at)
		b = appendField(b, l.Target)
		m, ok := f.pageMeta(l)
		if !ok {
			b = appendField(b, "no answer")
			continue
		}
		if m.Readable && (m.TextHash == "" || m.Verdicts == nil) {
			return nil
		}
		b, at = openField(b)
		b = closeField(strconv.AppendBool(append(strconv.AppendBool(b, m.Readable), ' '), m.Partial), at)
		b = appendField(b, m.Reason)
		b = appendField(b, m.TextHash)
		if st.verdicts == nil && m.Readable {
			st.verdicts, st.page = m.Verdicts, m.TextHash
		}
	}
	if st.verdicts == nil {
		return nil
	}
	k.h.Reset()
	k.h.Write(b)
	k.h.Write(doc.Source)
	k.h.Sum(st.id[:0])
	return st
}

// documentRecord is the first field of a document record's id: no claim
// verdict's id (linkcheck's hash of its own fields) can be the same.
const documentRecord = "citelint document findings"

// section returns the findings record of kind (appendFindings') kept for
// the document, looking the document's record up on the first call.
func (d *docPlace) section(kind string) (string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.read {
		d.read = true
		if rec, ok := d.verdicts.GetID(d.id, generation(), d.page); ok {
			d.sections, _ = parseSections(rec)
		}
	}
	if i, ok := d.find(kind); ok {
		return d.sections[i].findings, true
	}
	return "", false
}

// find returns the index of kind's section, or where it belongs.
func (d *docPlace) find(kind string) (int, bool) {
	return slices.BinarySearchFunc(d.sections, kind, func(s section, k string) int { return strings.Compare(s.kind, k) })
}

// keep adds kind's findings record to the document's record and puts the
// record in the verdict cache, with the sections read back or kept before
// it.
func (d *docPlace) keep(kind, sec string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if i, ok := d.find(kind); ok {
		d.sections[i].findings = sec
	} else {
		d.sections = slices.Insert(d.sections, i, section{kind, sec})
	}
	d.verdicts.PutID(d.id, generation(), d.page, appendSections(nil, d.sections))
}

// keyBuffers keeps a hasher and a buffer for documentPlace: a rerun
// replaying every draft's findings makes a key per draft, and a new
// SHA-256 state, or a hash written field by field, costs more than the
// rest of the key's work on a short draft.
var keyBuffers = sync.Pool{New: func() any { return &keyBuffer{h: sha256.New()} }}

type keyBuffer struct {
	h   hash.Hash
	buf []byte
}

// maxKeptKeyBuffer bounds the buffer a keyBuffer keeps between
// documents: one made for a draft of thousands of links is let go.
const maxKeptKeyBuffer = 64 << 10

func (k *keyBuffer) put() {
	if cap(k.buf) > maxKeptKeyBuffer {
		k.buf = nil
	}
	keyBuffers.Put(k)
}

// appendField appends s to a key's fields, its length first, so that no
// two lists of fields make the same bytes.
func appendField(b []byte, s string) []byte {
	return append(binary.BigEndian.AppendUint64(b, uint64(len(s))), s...)
}

// openField starts a field made of parts, appended to the returned
// buffer from the returned offset on; closeField then writes its length
// before it, as appendField does.
func openField(b []byte) ([]byte, int) {
	b = binary.BigEndian.AppendUint64(b, 0)
	return b, len(b)
}

func closeField(b []byte, at int) []byte {
	binary.BigEndian.PutUint64(b[at-8:at], uint64(len(b)-at))
	return b
}

// Replay reports the document's findings of kind (a rule's, with its
// version) as the verdict cache keeps them, and returns true; otherwise
// it returns false and records the findings the rule reports through
// Report, for Keep.
func (f *Finder) Replay(kind string) bool {
	place := f.documentKey()
	if place == nil {
		return false
	}
	f.doc = docState{place: place, kind: kind}
	if sec, ok := place.section(kind); ok {
		if found, ok := parseFindings(sec); ok {
			for _, d := range found {
				f.p.Report(lint.Diagnostic{Start: d.Start, End: d.End, Severity: d.Severity, Message: d.Message, Suggestion: d.Suggestion, Evidence: d.Evidence})
			}
			return true
		}
	}
	f.doc.recording = true
	return false
}

// Report reports a finding of the rule, recording it for Keep.
func (f *Finder) Report(d lint.Diagnostic) {
	f.p.Report(d)
	if f.doc.recording {
		f.doc.found = append(f.doc.found, finding{Start: d.Start, End: d.End, Severity: d.Severity, Message: d.Message, Suggestion: d.Suggestion, Evidence: d.Evidence})
	}
}

// Keep keeps the findings recorded since Replay for the next run.
func (f *Finder) Keep() {
	if !f.doc.recording {
		return
	}
	f.doc.place.keep(f.doc.kind, string(appendFindings(nil, f.doc.found)))
}

// A document's findings are kept in a format of their own rather than
// JSON: a rerun over unchanged drafts reads little else, and this one
// reads back without reflection and exactly (any bytes, invalid UTF-8
// included), on one line:
//
//	f2 <n> (<start> <end> <severity> <message> <suggestion> (- | <url> <text> <link>))*
//
// A string is written as its length in bytes, a colon and its bytes
// ("5:hello"), and read back as a part of the record, with no copy; one
// holding a line break is quoted as Go quotes it (strconv.Quote) instead,
// so that the record stays one line.
const findingsTag = "f2"

// appendFindings appends the record of fs to b.
func appendFindings(b []byte, fs []finding) []byte {
	b = append(b, findingsTag...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(len(fs)), 10)
	for _, d := range fs {
		for _, n := range []int{d.Start, d.End, int(d.Severity)} {
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(n), 10)
		}
		b = appendStrings(b, d.Message, d.Suggestion)
		if d.Evidence == nil {
			b = append(b, " -"...)
			continue
		}
		b = appendStrings(b, d.Evidence.URL, d.Evidence.Text, d.Evidence.Link)
	}
	return b
}

func appendStrings(b []byte, ss ...string) []byte {
	for _, s := range ss {
		b = append(b, ' ')
		if strings.ContainsAny(s, "\r\n") {
			b = strconv.AppendQuote(b, s)
			continue
		}
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	return b
}

// parseFindings reads a record appendFindings wrote; false when it is
// not one (another version's, or damaged).
func parseFindings(rec string) ([]finding, bool) {
	r, n, ok := openRecord(rec, findingsTag)
	if !ok {
		return nil, false
	}
	fs := make([]finding, n)
	for i := range fs {
		d := &fs[i]
		d.Start, d.End, d.Severity = r.int(), r.int(), lint.Severity(r.int())
		d.Message, d.Suggestion = r.str(), r.str()
		if strings.HasPrefix(r.rest, "-") {
			r.bad = r.bad || r.word() != "-"
		} else {
			d.Evidence = &lint.Evidence{URL: r.str(), Text: r.str(), Link: r.str()}
		}
		if r.bad {
			return nil, false
		}
	}
	return fs, r.rest == ""
}

// openRecord reads the tag and the count that open a record: a reader at
// the record's first item and the count, or false when the tag is not
// tag or the count cannot be one (no item takes less than a byte).
func openRecord(rec, tag string) (findingsReader, int, bool) {
	r := findingsReader{rest: rec}
	if r.word() != tag {
		return r, 0, false
	}
	n := r.int()
	return r, n, !r.bad && n >= 0 && n <= len(rec)
}

// findingsReader reads a findings record's fields in turn; bad is set by
// the first that does not read.
type findingsReader struct {
	rest string
	bad  bool
}

// word reads up to the next space.
func (r *findingsReader) word() string {
	w, rest, _ := strings.Cut(r.rest, " ")
	r.rest = rest
	return w
}

func (r *findingsReader) int() int {
	n, err := strconv.Atoi(r.word())
	r.bad = r.bad || err != nil
	return n
}

// str reads a string as appendStrings wrote it: counted, or quoted.
func (r *findingsReader) str() string {
	if strings.HasPrefix(r.rest, `"`) {
		q, err := strconv.QuotedPrefix(r.rest)
		if err != nil {
			r.bad = true
			return ""
		}
		s, err := strconv.Unquote(q)
		r.bad = r.bad || err != nil
		r.next(len(q))
		return s
	}
	count, rest, ok := strings.Cut(r.rest, ":")
	n, err := strconv.Atoi(count)
	if !ok || err != nil || n < 0 || n > len(rest) {
		r.bad = true
		return ""
	}
	r.rest = rest
	s := rest[:n]
	r.next(n)
	return s
}

// next skips the n bytes of a field read, and the space after it; a
// field followed by anything else leaves the record bad.
func (r *findingsReader) next(n int) {
	r.rest = r.rest[n:]
	if r.rest != "" {
		if r.rest[0] != ' ' {
			r.bad = true
		}
		r.rest = r.rest[1:]
	}
}

// A document's record is its sections, each a rule's kind and its
// findings record, in order of kind:
//
//	d1 <n> (<kind> <findings>)*
//
// with both strings written as appendStrings writes them.
const sectionsTag = "d1"

// section is a rule's part of a document's record: the rule's kind and
// its findings record (appendFindings').
type section struct{ kind, findings string }

// appendSections appends the record of sections, in order of kind, to b.
func appendSections(b []byte, sections []section) []byte {
	b = append(b, sectionsTag...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(len(sections)), 10)
	for _, sec := range sections {
		b = appendStrings(b, sec.kind, sec.findings)
	}
	return b
}

// parseSections reads a record appendSections wrote; false when it is
// not one, or its kinds are not in order.
func parseSections(rec string) ([]section, bool) {
	r, n, ok := openRecord(rec, sectionsTag)
	if !ok {
		return nil, false
	}
	sections := make([]section, n)
	for i := range sections {
		sections[i] = section{r.str(), r.str()}
		if i > 0 && sections[i-1].kind >= sections[i].kind {
			r.bad = true
		}
	}
	if r.bad || r.rest != "" {
		return nil, false
	}
	return sections, true
}
