// Package baseline records a repository's existing findings so that later
// runs report only new ones. Findings are matched by fingerprint.Key — rule,
// path, the text of the span and its sentence — never by line, so edits
// elsewhere in a file do not turn old findings into new ones.
package baseline

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/citelint/citelint/fingerprint"
	"github.com/citelint/citelint/lint"
)

// Version is the version of the baseline file format.
const Version = 1

// Baseline is a set of known findings, counted: a sentence holding the same
// placeholder twice has one entry with Count 2.
type Baseline struct {
	Entries []Entry
}

// Entry is one known finding, or several identical ones.
type Entry struct {
	Rule     string `json:"rule"`
	Path     string `json:"path"`
	Span     string `json:"span"`
	Sentence string `json:"sentence"`
	// Count is how many identical findings the entry stands for.
	Count int `json:"count"`
	// Message is the finding's message when it was recorded, for people
	// reading the file; it plays no part in matching.
	Message string `json:"message,omitempty"`
}

func (e Entry) key() fingerprint.Key {
	return fingerprint.Key{Rule: e.Rule, Path: e.Path, Span: e.Span, Sentence: e.Sentence}
}

type file struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// New records the findings of ds.
func New(ds []lint.Diagnostic) *Baseline {
	index := map[fingerprint.Key]int{}
	b := &Baseline{Entries: []Entry{}}
	for _, d := range ds {
		k := fingerprint.Of(d)
		if i, ok := index[k]; ok {
			b.Entries[i].Count++
			continue
		}
		index[k] = len(b.Entries)
		b.Entries = append(b.Entries, Entry{
			Rule: k.Rule, Path: k.Path, Span: k.Span, Sentence: k.Sentence, Count: 1, Message: d.Message,
		})
	}
	slices.SortFunc(b.Entries, func(x, y Entry) int {
		return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.Rule, y.Rule),
			cmp.Compare(x.Span, y.Span), cmp.Compare(x.Sentence, y.Sentence))
	})
	return b
}

// Len returns how many findings the baseline stands for.
func (b *Baseline) Len() int {
	n := 0
	for _, e := range b.Entries {
		n += e.Count
	}
	return n
}

// Filter returns the diagnostics of ds that the baseline does not hold, in
// order. Where the baseline holds n identical findings and ds has more, the
// first n in ds are taken as the known ones.
func (b *Baseline) Filter(ds []lint.Diagnostic) []lint.Diagnostic {
	left := make(map[fingerprint.Key]int, len(b.Entries))
	for _, e := range b.Entries {
		left[e.key()] += e.Count
	}
	var out []lint.Diagnostic
	for _, d := range ds {
		k := fingerprint.Of(d)
		if left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, d)
	}
	return out
}

// WriteTo writes the baseline as indented JSON, sorted, so that its diffs
// are easy to review.
func (b *Baseline) WriteTo(w io.Writer) (int64, error) {
	entries := b.Entries
	if entries == nil {
		entries = []Entry{}
	}
	data, err := json.MarshalIndent(file{Version: Version, Findings: entries}, "", "  ")
	if err != nil {
		return 0, fmt.Errorf("encode baseline: %w", err)
	}
	n, err := w.Write(append(data, '\n'))
	return int64(n), err
}

// Read reads a baseline written by WriteTo.
func Read(r io.Reader) (*Baseline, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var f file
	if err := dec.Decode(&f); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, fmt.Errorf("not a citelint baseline (invalid JSON at byte %d): %w", syn.Offset, err)
		}
		return nil, fmt.Errorf("not a citelint baseline: %w", err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline format version %d is not supported (this citelint reads version %d); record it again with \"citelint baseline\"", f.Version, Version)
	}
	for i, e := range f.Findings {
		if e.Rule == "" || e.Path == "" || e.Count < 1 {
			return nil, fmt.Errorf("baseline entry %d: needs a rule, a path and a count of at least 1", i+1)
		}
	}
	return &Baseline{Entries: f.Findings}, nil
}
