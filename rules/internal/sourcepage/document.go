package sourcepage

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"

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
	h := sha256.New()
	doc := f.p.Doc
	writeString(h, doc.Path)
	writeString(h, fmt.Sprint(doc.Format))
	writeString(h, string(doc.Source))
	var st docState
	for _, l := range linkrule.Links(f.p) {
		if l.Kind == linkrule.LocalLink {
			return nil
		}
		writeString(h, fmt.Sprint(l.Kind, " ", l.Start, " ", l.End))
		writeString(h, l.Target)
		ref, ok := f.answer(l)
		if !ok {
			writeString(h, "no answer")
			continue
		}
		m := ref.meta
		if m.Readable && (m.TextHash == "" || m.Verdicts == nil) {
			return nil
		}
		writeString(h, fmt.Sprint(m.Readable, m.Partial))
		writeString(h, m.Reason)
		writeString(h, m.TextHash)
		if st.verdicts == nil && m.Readable {
			st.verdicts, st.page = m.Verdicts, m.TextHash
		}
	}
	if st.verdicts == nil {
		return nil
	}
	st.key = "document\x00" + hex.EncodeToString(h.Sum(nil))
	return &st
}

func writeString(h hash.Hash, s string) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	h.Write([]byte(s))
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
