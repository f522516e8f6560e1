// Package fix applies the fixes citelint is certain of (lint.Diagnostic.Fix)
// to files: "citelint fix". Edits are byte ranges of the file exactly as
// read, so a byte order mark and CRLF line ends stay as they were; text
// without a certain fix is never touched.
package fix

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/aymanbagabas/go-udiff"
	"github.com/citelint/citelint/lint"
)

// Applied is the outcome of applying fixes to one source.
type Applied struct {
	// Text is the source with the fixes applied.
	Text []byte
	// Fixed are the diagnostics whose fix was applied.
	Fixed []lint.Diagnostic
	// Overlapping are the diagnostics whose fix was left out because its
	// edits overlap another fix's: which one is right is not certain.
	Overlapping []lint.Diagnostic
}

// edit is one edit with the diagnostic it belongs to.
type edit struct {
	lint.Edit
	diag int
}

// Apply applies to src the fixes of diags (the diagnostics of src; those
// without a fix are ignored). A fix is applied whole or not at all: when
// the edits of two fixes overlap, or insert at the same place, neither is
// applied. An edit outside src is an error, as it means the diagnostics are
// not src's.
func Apply(src []byte, diags []lint.Diagnostic) (Applied, error) {
	var edits []edit
	for i, d := range diags {
		for _, e := range d.Fix {
			if e.Start < 0 || e.Start > e.End || e.End > len(src) {
				return Applied{}, fmt.Errorf("%s: fix of %s at byte %d: edit [%d, %d) is outside the %d bytes of the file", d.Path, d.Rule, d.Start, e.Start, e.End, len(src))
			}
			edits = append(edits, edit{e, i})
		}
	}
	slices.SortStableFunc(edits, func(a, b edit) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	// Each edit is compared with the edits starting before it ends: sorted
	// by start, the first that starts later (and not at the same place)
	// ends the comparisons.
	conflict := make([]bool, len(diags))
	for i, a := range edits {
		for _, b := range edits[i+1:] {
			if b.Start >= a.End && b.Start != a.Start {
				break
			}
			if b.diag != a.diag {
				conflict[a.diag], conflict[b.diag] = true, true
			} else if b.Start < a.End || a.Start == a.End {
				// One fix's own edits overlapping is a rule's mistake;
				// applying it would be a guess.
				conflict[a.diag] = true
			}
		}
	}
	var out Applied
	var keep []udiff.Edit
	for i, d := range diags {
		switch {
		case len(d.Fix) == 0:
		case conflict[i]:
			out.Overlapping = append(out.Overlapping, d)
		default:
			out.Fixed = append(out.Fixed, d)
		}
	}
	for _, e := range edits {
		if !conflict[e.diag] {
			keep = append(keep, udiff.Edit{Start: e.Start, End: e.End, New: e.New})
		}
	}
	text, err := udiff.ApplyBytes(src, keep)
	if err != nil {
		return Applied{}, fmt.Errorf("apply fixes: %w", err)
	}
	out.Text = text
	return out, nil
}

// Diff returns the unified diff from before to after for the file at
// path, named as given so that "patch -p0" applies it from the folder
// citelint ran in; "" when they are the same. Lines keep their ends (a
// CR before the LF stays in the line), and a last line without one is
// marked as diff marks it.
func Diff(path string, before, after []byte) string {
	return udiff.Unified(path, path, string(before), string(after))
}
