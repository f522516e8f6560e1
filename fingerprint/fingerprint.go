// Package fingerprint identifies a finding by what it is about — its rule,
// its file, the text it points at and the sentence around it — rather than
// by where it is. Line numbers change whenever text above a finding is added
// or removed; a fingerprint does not, so baselines and CI systems that track
// findings across runs can tell an old finding from a new one.
package fingerprint

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// Key is what a finding is about. Text fields have their runs of white
// space collapsed, so that rewrapping a paragraph changes no key.
type Key struct {
	Rule string
	Path string
	// Span is the text the finding points at (its first line when the span
	// runs over several lines).
	Span string
	// Sentence is the sentence around the span (the diagnostic's excerpt).
	Sentence string
}

// Of returns the key of a diagnostic.
func Of(d lint.Diagnostic) Key {
	return Key{
		Rule:     d.Rule,
		Path:     d.Path,
		Span:     collapseSpace(SpanText(d)),
		Sentence: collapseSpace(d.Excerpt),
	}
}

// Hash returns a hex digest of the key and of n, the finding's occurrence
// among findings sharing the key (0 for the first), so that two identical
// placeholders in one sentence get distinct hashes.
func (k Key) Hash(n int) string {
	h := sha256.New()
	for _, s := range []string{k.Rule, k.Path, k.Span, k.Sentence, strconv.Itoa(n)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Occurrences returns, for each diagnostic of ds, its key's occurrence
// number: how many diagnostics before it in ds share its key. With ds in
// the runner's order (by path, then offset) the numbers do not depend on
// unrelated edits.
func Occurrences(ds []lint.Diagnostic) []int {
	seen := make(map[Key]int, len(ds))
	out := make([]int, len(ds))
	for i, d := range ds {
		k := Of(d)
		out[i] = seen[k]
		seen[k]++
	}
	return out
}

// Hashes returns the hash of each diagnostic of ds, occurrences counted.
func Hashes(ds []lint.Diagnostic) []string {
	occ := Occurrences(ds)
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = Of(d).Hash(occ[i])
	}
	return out
}

// SpanText returns the source text a diagnostic points at, read from its
// snippet (the source line around the span): the whole span when it fits on
// one line, else its part on the first line. It is empty for an empty span
// or a diagnostic without a snippet.
func SpanText(d lint.Diagnostic) string {
	s := d.Snippet
	if s.Column < 1 || d.Pos.Column < s.Column {
		return ""
	}
	from := d.Pos.Column - s.Column // in code points from the snippet start
	to := -1                        // to the snippet's end
	if d.EndPos.Line == d.Pos.Line {
		to = d.EndPos.Column - s.Column
	}
	var b strings.Builder
	i := 0
	for _, r := range s.Text {
		if to >= 0 && i >= to {
			break
		}
		if i >= from {
			b.WriteRune(r)
		}
		i++
	}
	return b.String()
}

// collapseSpace trims s and turns each run of white space into one space.
func collapseSpace(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
