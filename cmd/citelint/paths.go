package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/citelint/citelint/lint"
)

// skippedDirs are never walked into.
var skippedDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true}

// checkedExts are the file endings a folder walk picks up. Plain-text
// files are checked when named, matched by a glob or by the config's
// include patterns, but not found by a walk: a folder's .txt files are as
// often robots.txt or requirements.txt as drafts.
var checkedExts = map[string]bool{".md": true, ".markdown": true}

// collect turns the command line's paths into inputs: files as named,
// folders walked, globs expanded, "-" as standard input. Each file is
// listed once, in the order first named. A path that names nothing is an
// error; the rest are still collected.
func collect(paths []string, cfg *lint.Config, stdin io.Reader, stdinName string) ([]lint.Input, []lint.FileError) {
	var inputs []lint.Input
	var errs []lint.FileError
	seen := map[string]bool{}
	add := func(p string) {
		p = filepath.ToSlash(filepath.Clean(p))
		if seen[p] || cfg.Ignored(p) {
			return
		}
		seen[p] = true
		inputs = append(inputs, lint.Input{Path: p, Format: lint.FormatOf(p), Read: func() ([]byte, error) { return readFile(p) }})
	}
	for _, arg := range paths {
		if arg == "-" {
			name := stdinName
			if name == "" {
				name = "<stdin>"
			}
			if seen["-"] {
				continue
			}
			seen["-"] = true
			// Standard input can be read only once: keep it for a second Read.
			inputs = append(inputs, lint.Input{Path: filepath.ToSlash(name), Format: lint.FormatOf(name), Read: sync.OnceValues(func() ([]byte, error) {
				b, err := io.ReadAll(stdin)
				if err != nil {
					return nil, fmt.Errorf("read standard input: %w", err)
				}
				return b, nil
			})})
			continue
		}
		info, err := os.Stat(arg)
		switch {
		case err == nil && info.IsDir():
			if err := walk(arg, cfg, add); err != nil {
				errs = append(errs, lint.FileError{Path: filepath.ToSlash(arg), Err: err})
			}
		case err == nil:
			add(arg)
		case errors.Is(err, fs.ErrNotExist) && hasMeta(arg):
			matches, gerr := doublestar.FilepathGlob(arg, doublestar.WithFilesOnly())
			if gerr != nil {
				errs = append(errs, lint.FileError{Path: arg, Err: fmt.Errorf("bad glob pattern: %w", gerr)})
				continue
			}
			if len(matches) == 0 {
				errs = append(errs, lint.FileError{Path: arg, Err: errNoMatch})
			}
			for _, m := range matches {
				if !inSkippedDir(m) {
					add(m)
				}
			}
		case errors.Is(err, fs.ErrNotExist):
			errs = append(errs, lint.FileError{Path: filepath.ToSlash(arg), Err: errNotFound})
		default:
			errs = append(errs, lint.FileError{Path: filepath.ToSlash(arg), Err: err})
		}
	}
	return inputs, errs
}

func hasMeta(p string) bool { return strings.ContainsAny(p, "*?[{") }

func inSkippedDir(p string) bool {
	for _, part := range strings.Split(filepath.ToSlash(filepath.Dir(p)), "/") {
		if skippedDirs[part] {
			return true
		}
	}
	return false
}

// walk adds the checkable files under dir in lexical order.
func walk(dir string, cfg *lint.Config, add func(string)) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && (skippedDirs[d.Name()] || cfg.Ignored(p)) {
				return filepath.SkipDir
			}
			return nil
		}
		if (checkedExts[strings.ToLower(filepath.Ext(p))] || cfg.Included(p)) && d.Type().IsRegular() {
			add(p)
		}
		return nil
	})
}

func readFile(p string) ([]byte, error) {
	b, err := os.ReadFile(p)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
		return nil, err
	}
	return b, nil
}
