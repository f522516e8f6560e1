package sourcepage

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/linkrule"
)

// A document's findings are kept in the verdict cache too: finding a
// draft's claims (its figures and quotations, and how each is cited)
// costs as much as judging them, so a rerun over an unchanged draft whose
// cited pages are unchanged replays the findings rather than finding the
// claims again. The key holds all a rule's findings depend on: the
// draft's path, format and bytes, and for each of its links where it
// stands, where it leads and what the link cache says of the page (reached
// or not, readable or not and why, its text hash). A draft that links to
// a local file (whose text the link cache does not hash) is judged every
// run, claim by claim.

// finding is a finding as a rule reports it, for the verdict cache.
type finding struct {
	Start      int            `json:"s"`
	End        int            `json:"e"`
	Severity   lint.Severity  `json:"v,omitempty"`
	Message    string         `json:"m"`
	Suggestion string         `json:"g,omitempty"`
	Evidence   *lint.Evidence `json:"x,omitempty"`
}

// docState is where a document's findings are kept: under the text hash
// of one page it cites, with a key of all they depend on.
type docState struct {
	verdicts *linkcheck.VerdictCache
	page     string
	key      string
	// recording tells that the findings are being recorded (the kept
	// ones missed), and found holds them.
	recording bool
	found     []finding
}

// documentKey returns where the pass's document's findings are kept, or
// nil when they are not kept (a local link, a page of unknown text hash,
// no readable web page, no verdict cache).
func (f *Finder) documentKey() *docState {
	doc := f.p.Doc
	// The links' states are gathered, then hashed with the draft in one
	// write each.
	var b []byte
	b = appendField(b, doc.Path)
	b = appendField(b, fmt.Sprint(doc.Format))
	var st docState
	for _, l := range linkrule.Links(f.p) {
		if l.Kind == linkrule.LocalLink {
			return nil
		}
		b = appendField(b, strconv.Itoa(int(l.Kind))+" "+strconv.Itoa(l.Start)+" "+strconv.Itoa(l.End))
		b = appendField(b, l.Target)
		ref, ok := f.answer(l)
		if !ok {
			b = appendField(b, "no answer")
			continue
		}
		m := ref.meta
		if m.Readable && (m.TextHash == "" || m.Verdicts == nil) {
			return nil
		}
		b = appendField(b, strconv.FormatBool(m.Readable)+" "+strconv.FormatBool(m.Partial))
		b = appendField(b, m.Reason)
		b = appendField(b, m.TextHash)
		if st.verdicts == nil && m.Readable {
			st.verdicts, st.page = m.Verdicts, m.TextHash
		}
	}
	if st.verdicts == nil {
		return nil
	}
	h := sha256.New()
	h.Write(b)
	h.Write(doc.Source)
	st.key = "document\x00" + hex.EncodeToString(h.Sum(nil))
	return &st
}

// appendField appends s to b, its length first, so that no two lists of
// fields write the same bytes.
func appendField(b []byte, s string) []byte {
	b = binary.BigEndian.AppendUint64(b, uint64(len(s)))
	return append(b, s...)
}

// Replay reports the document's findings of kind (a rule's, with its
// version) as the verdict cache keeps them, and returns true; otherwise
// it returns false and records the findings the rule reports through
// Report, for Keep.
func (f *Finder) Replay(kind string) bool {
	f.doc = f.documentKey()
	if f.doc == nil {
		return false
	}
	f.doc.key = VerdictVersion + "\x00" + buildKey() + "\x00" + kind + "\x00" + f.doc.key
	if found, ok := getVerdict[[]finding](f.doc.verdicts, f.doc.page, f.doc.key); ok {
		for _, d := range found {
			f.p.Report(lint.Diagnostic{Start: d.Start, End: d.End, Severity: d.Severity, Message: d.Message, Suggestion: d.Suggestion, Evidence: d.Evidence})
		}
		return true
	}
	f.doc.recording = true
	return false
}

// Report reports a finding of the rule, recording it for Keep.
func (f *Finder) Report(d lint.Diagnostic) {
	f.p.Report(d)
	if f.doc != nil && f.doc.recording {
		f.doc.found = append(f.doc.found, finding{Start: d.Start, End: d.End, Severity: d.Severity, Message: d.Message, Suggestion: d.Suggestion, Evidence: d.Evidence})
	}
}

// Keep keeps the findings recorded since Replay for the next run.
func (f *Finder) Keep() {
	if f.doc == nil || !f.doc.recording {
		return
	}
	found := f.doc.found
	if found == nil {
		found = []finding{}
	}
	keep(f.doc.verdicts, f.doc.page, f.doc.key, found)
}
