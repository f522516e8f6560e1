package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/citelint/citelint/lint"
)

// Named is a formatter and its format's name, for messages.
type Named struct {
	Name string
	Formatter
}

// Rendered is a report rendered in memory, kept in pieces that grow in
// size: a large report is not copied each time its buffer would grow, and
// a small one takes little.
type Rendered struct {
	chunks [][]byte
}

// Rendered's pieces start at firstChunk bytes and double up to maxChunk.
const (
	firstChunk = 4 << 10
	maxChunk   = 256 << 10
)

// Write appends p to the report.
func (r *Rendered) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		last := len(r.chunks) - 1
		if last < 0 || len(r.chunks[last]) == cap(r.chunks[last]) {
			size := firstChunk
			if last >= 0 {
				size = min(2*cap(r.chunks[last]), maxChunk)
			}
			r.chunks = append(r.chunks, make([]byte, 0, size))
			last++
		}
		k := min(len(p), cap(r.chunks[last])-len(r.chunks[last]))
		r.chunks[last] = append(r.chunks[last], p[:k]...)
		p = p[k:]
	}
	return n, nil
}

// WriteTo writes the report to w.
func (r *Rendered) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, c := range r.chunks {
		k, err := w.Write(c)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// String returns the report as one string.
func (r *Rendered) String() string {
	var b strings.Builder
	_, _ = r.WriteTo(&b)
	return b.String()
}

// RenderAll formats res in every format, in memory, before anything is
// written. A panic while formatting one file's findings becomes that
// file's error (its findings dropped), as a panic while checking it would,
// and every format is rendered again so that all of them agree.
func RenderAll(fs []Named, res *lint.Result) ([]*Rendered, error) {
	for {
		out := make([]*Rendered, len(fs))
		bad := map[string]error{}
		for i, f := range fs {
			buf := &Rendered{}
			var ferr error
			err := lint.Guard("the "+f.Name+" formatter", func() { ferr = f.Format(buf, res) })
			if ferr != nil {
				return nil, fmt.Errorf("write the %s report: %w", f.Name, ferr)
			}
			if err == nil {
				out[i] = buf
				continue
			}
			// Find the files whose findings make the formatter fail.
			for path, ds := range byPath(res.Diagnostics) {
				one := &lint.Result{Files: 1, Diagnostics: ds}
				if perr := lint.Guard("the "+f.Name+" formatter", func() { _ = f.Format(io.Discard, one) }); perr != nil && bad[path] == nil {
					bad[path] = perr
				}
			}
			if len(bad) == 0 {
				return nil, fmt.Errorf("write the %s report: %w", f.Name, err)
			}
			break
		}
		if len(bad) == 0 {
			return out, nil
		}
		res.Diagnostics = slices.DeleteFunc(res.Diagnostics, func(d lint.Diagnostic) bool { return bad[d.Path] != nil })
		paths := make([]string, 0, len(bad))
		for p := range bad {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		for _, p := range paths {
			res.Errors = append(res.Errors, lint.FileError{Path: p, Err: bad[p]})
		}
	}
}

// byPath groups diagnostics by file.
func byPath(ds []lint.Diagnostic) map[string][]lint.Diagnostic {
	m := map[string][]lint.Diagnostic{}
	for _, d := range ds {
		m[d.Path] = append(m[d.Path], d)
	}
	return m
}
