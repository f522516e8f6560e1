package fix

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"github.com/citelint/citelint/check"
	"github.com/citelint/citelint/internal/safefile"
	"github.com/citelint/citelint/lint"
)

// Options say what to fix and how.
type Options struct {
	// Check says what to check: paths, config, rules, limits and how links
	// are learned (check.LinksOffline to use cached results only). Its
	// Documents and Stdin are not used: fix changes files.
	Check check.Options
	// Diff, when set, writes a unified diff of the fixes to DiffTo instead
	// of changing any file.
	Diff   bool
	DiffTo io.Writer
}

// File is what happened to one file with fixes.
type File struct {
	Path string
	// Fixed counts the fixes applied (or shown, with Options.Diff).
	Fixed int
	// Overlapping are the findings whose fix overlapped another's, so
	// that none of them was applied.
	Overlapping []lint.Diagnostic
}

// Report is the outcome of a fix run.
type Report struct {
	// Files are the files that had fixes, in the order checked.
	Files []File
	// Remaining are the findings left after fixing (with Options.Diff,
	// those the fixes would leave).
	Remaining []lint.Diagnostic
	// Errors are the files that could not be checked or fixed.
	Errors []lint.FileError
	// Rules are the rules that ran.
	Rules []*lint.Rule
}

// Run checks the files opts names, applies the certain fixes to each file
// (or writes their diff), and checks the fixed text again for what
// remains. A file that cannot be written is reported in Report.Errors and
// left as it was; the others are still fixed.
func Run(ctx context.Context, opts Options) (*Report, error) {
	copts := opts.Check
	copts.Documents, copts.Stdin = nil, nil
	if slices.Contains(copts.Paths, "-") {
		return nil, errors.New(`fix changes files: it cannot read "-" (standard input); name the files`)
	}
	res, err := check.Check(ctx, copts)
	if err != nil {
		return nil, err
	}
	rep := &Report{Errors: res.Errors, Rules: res.Rules}
	byPath := map[string][]lint.Diagnostic{}
	var order []string
	for _, d := range res.Diagnostics {
		if _, seen := byPath[d.Path]; !seen {
			order = append(order, d.Path)
		}
		byPath[d.Path] = append(byPath[d.Path], d)
	}
	// Later checks read only the files being fixed, offline (the first
	// check cached what it learned about links), with the same config.
	again := opts.Check
	again.Paths, again.Stdin, again.Links = nil, nil, check.LinksOffline
	again.ConfigPath = res.ConfigPath
	again.Notify, again.Progress, again.LinkProgress = nil, nil, nil
	for _, path := range order {
		diags := byPath[path]
		if !slices.ContainsFunc(diags, func(d lint.Diagnostic) bool { return len(d.Fix) > 0 }) {
			rep.Remaining = append(rep.Remaining, diags...)
			continue
		}
		f, remaining, err := fixFile(ctx, again, path, opts)
		if err != nil {
			rep.Errors = append(rep.Errors, lint.FileError{Path: path, Err: err})
			rep.Remaining = append(rep.Remaining, diags...)
			continue
		}
		rep.Files = append(rep.Files, f)
		rep.Remaining = append(rep.Remaining, remaining...)
	}
	lint.SortDiagnostics(rep.Remaining)
	return rep, nil
}

// fixFile fixes one file and returns the findings left in it. The file is
// read once and checked as read, so that the offsets of the fixes are
// those of the bytes they change.
func fixFile(ctx context.Context, again check.Options, path string, opts Options) (File, []lint.Diagnostic, error) {
	if !opts.Diff {
		if err := writable(path); err != nil {
			return File{}, nil, err
		}
	}
	limit := again.MaxFileSize
	if limit <= 0 {
		limit = 1 << 30 // the first check applied the configured limit; this bounds a file swapped since
	}
	before, err := safefile.ReadRegular(path, limit)
	if err != nil {
		return File{}, nil, fmt.Errorf("read: %w", safefile.UnwrapPath(err))
	}
	diags, err := checkText(ctx, again, path, before)
	if err != nil {
		return File{}, nil, err
	}
	applied, err := Apply(before, diags)
	if err != nil {
		return File{}, nil, err
	}
	f := File{Path: path, Fixed: len(applied.Fixed), Overlapping: applied.Overlapping}
	if len(applied.Fixed) == 0 {
		return f, diags, nil
	}
	remaining, err := checkText(ctx, again, path, applied.Text)
	if err != nil {
		return File{}, nil, err
	}
	if opts.Diff {
		if _, err := io.WriteString(opts.DiffTo, Diff(path, before, applied.Text)); err != nil {
			return File{}, nil, fmt.Errorf("write the diff: %w", err)
		}
		return f, remaining, nil
	}
	// The file may have changed since it was read (an editor saved it):
	// then the fixes are for text that is gone.
	now, err := safefile.ReadRegular(path, limit)
	if err != nil {
		return File{}, nil, fmt.Errorf("read again before writing: %w", safefile.UnwrapPath(err))
	}
	if !bytes.Equal(now, before) {
		return File{}, nil, errors.New("changed while citelint was fixing it; left as it is: run citelint fix again")
	}
	if err := safefile.Replace(path, applied.Text); err != nil {
		return File{}, nil, fmt.Errorf("left as it was: %w", err)
	}
	return f, remaining, nil
}

// checkText checks text as the file at path, and returns its findings.
func checkText(ctx context.Context, opts check.Options, path string, text []byte) ([]lint.Diagnostic, error) {
	opts.Documents = []check.Source{{Path: path, Text: text}}
	res, err := check.Check(ctx, opts)
	if err != nil {
		return nil, err
	}
	if len(res.Errors) > 0 {
		return nil, res.Errors[0].Err
	}
	return res.Diagnostics, nil
}

// writable refuses a file that fix must not replace: one without write
// permission (replacing it by a rename would succeed, since only the
// folder's permission counts, and silently defeat the protection), or one
// that is not a regular file.
func writable(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return safefile.UnwrapPath(err)
	}
	if !info.Mode().IsRegular() {
		return errors.New("not a regular file, so it is not fixed")
	}
	if info.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("read-only (mode %s), so it is not fixed: make it writable (chmod u+w) to fix it", info.Mode().Perm())
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return errors.New("not writable by you, so it is not fixed")
		}
		return safefile.UnwrapPath(err)
	}
	return f.Close()
}
