package check

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/citelint/citelint/internal/safefile"
	"github.com/citelint/citelint/lint"
)

// skippedDirs are never walked into.
var skippedDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true}

// checkedExts are the file endings a folder walk picks up. Plain-text
// files are checked when named, matched by a glob or by the config's
// include patterns, but not found by a walk: a folder's .txt files are as
// often robots.txt or requirements.txt as drafts.
var checkedExts = map[string]bool{".md": true, ".markdown": true}

// collect turns the paths to check into inputs: files as named,
// folders walked, globs expanded, "-" as standard input. Each file is
// listed once, in the order first named. A path that names nothing, or a
// folder that cannot be read, is an error; the rest are still collected.
// Reading an input fails past maxSize bytes.
func collect(paths []string, cfg *lint.Config, stdin io.Reader, stdinName string, maxSize int64) ([]lint.Input, []lint.FileError) {
	var inputs []lint.Input
	var errs []lint.FileError
	seen := map[string]bool{}
	add := func(p string) {
		p = filepath.ToSlash(filepath.Clean(p))
		if seen[p] || cfg.Ignored(p) {
			return
		}
		seen[p] = true
		inputs = append(inputs, lint.Input{Path: p, Format: lint.FormatOf(p), Read: func() ([]byte, error) { return readFile(p, maxSize) }})
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
				b, over, err := safefile.ReadAll(stdin, maxSize)
				if err != nil {
					return nil, fmt.Errorf("read standard input: %w", err)
				}
				if over {
					return nil, errTooLarge(0, maxSize)
				}
				return b, nil
			})})
			continue
		}
		info, err := os.Stat(arg)
		switch {
		case err == nil && info.IsDir():
			walk(arg, cfg, add, func(dir string, err error) {
				errs = append(errs, lint.FileError{Path: filepath.ToSlash(dir), Err: err})
			})
		case err == nil:
			add(arg)
		case errors.Is(err, fs.ErrNotExist) && hasMeta(arg):
			// Like the folder walk, a glob follows no symbolic link (a loop
			// would make it exponential) and takes regular files only (a
			// FIFO would block the run).
			matches, gerr := doublestar.FilepathGlob(arg, doublestar.WithFilesOnly(), doublestar.WithNoFollow())
			if gerr != nil {
				errs = append(errs, lint.FileError{Path: arg, Err: fmt.Errorf("bad glob pattern: %w", gerr)})
				continue
			}
			matches = slices.DeleteFunc(matches, func(m string) bool {
				info, err := os.Lstat(m)
				return err != nil || !info.Mode().IsRegular() || inSkippedDir(m)
			})
			if len(matches) == 0 {
				errs = append(errs, lint.FileError{Path: arg, Err: errNoMatch})
			}
			for _, m := range matches {
				add(m)
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

// readDir lists a folder, sorted by name. Tests replace it to make a
// folder unreadable, which file modes cannot do when running as root.
var readDir = os.ReadDir

// walk adds the checkable files under dir in lexical order. It follows no
// symbolic link and takes regular files only. A folder that cannot be read
// is passed to fail, and the walk goes on with the rest.
func walk(dir string, cfg *lint.Config, add func(string), fail func(string, error)) {
	entries, err := readDir(dir)
	if err != nil {
		fail(dir, fmt.Errorf("%w: %w", errFolder, safefile.UnwrapPath(err)))
		return
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.IsDir():
			if !skippedDirs[e.Name()] && !cfg.Ignored(p) {
				walk(p, cfg, add, fail)
			}
		case e.Type().IsRegular() && (checkedExts[strings.ToLower(filepath.Ext(p))] || cfg.Included(p)):
			add(p)
		}
	}
}

// readFile reads a file of at most limit bytes. A larger file is an error
// found without reading it whole: from its size when it is a regular file,
// else after limit+1 bytes (/dev/zero never ends).
func readFile(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, safefile.UnwrapPath(err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > limit {
		return nil, errTooLarge(info.Size(), limit)
	}
	b, over, err := safefile.ReadAll(f, limit)
	if err != nil {
		return nil, safefile.UnwrapPath(err)
	}
	if over {
		return nil, errTooLarge(0, limit)
	}
	return b, nil
}

// errNotFound says a named path does not exist.
var errNotFound = errors.New("no such file or folder")

// errNoMatch says a glob pattern matched no file.
var errNoMatch = errors.New("no file matches this pattern")

// errFolder says a folder of the walk could not be read.
var errFolder = errors.New("cannot read this folder")

// emptyFolders returns the folders among paths under which no input was
// found, so that "nothing was checked" is said rather than implied by a
// count of 0 files. A folder with an error of its own has been reported.
func emptyFolders(paths []string, inputs []lint.Input, errs []lint.FileError) []string {
	var out []string
	for _, p := range paths {
		if p == "-" || slices.ContainsFunc(errs, func(e lint.FileError) bool { return e.Path == filepath.ToSlash(p) }) {
			continue
		}
		if info, err := os.Stat(p); err != nil || !info.IsDir() {
			continue
		}
		dir := filepath.ToSlash(filepath.Clean(p))
		found := slices.ContainsFunc(inputs, func(in lint.Input) bool {
			if dir == "." {
				return !filepath.IsAbs(in.Path) && in.Path != ".." && !strings.HasPrefix(in.Path, "../")
			}
			return strings.HasPrefix(in.Path, strings.TrimSuffix(dir, "/")+"/")
		})
		if !found {
			out = append(out, p)
		}
	}
	return out
}
