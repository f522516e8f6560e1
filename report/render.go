package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"

	"github.com/citelint/citelint/lint"
)

// Named is a formatter and its format's name, for messages.
type Named struct {
	Name string
	Formatter
}

// RenderAll formats res in every format, in memory, before anything is
// written. A panic while formatting one file's findings becomes that
// file's error (its findings dropped), as a panic while checking it would,
// and every format is rendered again so that all of them agree.
func RenderAll(fs []Named, res *lint.Result) ([][]byte, error) {
	for {
		out := make([][]byte, len(fs))
		bad := map[string]error{}
		for i, f := range fs {
			var buf bytes.Buffer
			var ferr error
			err := lint.Guard("the "+f.Name+" formatter", func() { ferr = f.Format(&buf, res) })
			if ferr != nil {
				return nil, fmt.Errorf("write the %s report: %w", f.Name, ferr)
			}
			if err == nil {
				out[i] = buf.Bytes()
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
