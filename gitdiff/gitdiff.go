// Package gitdiff finds the lines added or changed since a git revision, so
// that a pull request check reports what the pull request wrote rather than
// the whole backlog. It runs the git command; it does not read the
// repository itself.
package gitdiff

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Changes are the lines added or changed since a revision, in the working
// tree, by file. Files git does not track yet count as changed throughout.
type Changes struct {
	// root is the repository's top folder, with symbolic links resolved.
	root string
	// dir is the folder paths are relative to, with symbolic links resolved.
	dir   string
	lines map[string][]Range // by slash path relative to root
	whole map[string]bool    // untracked files
}

// Range is a run of changed lines, 1-based, From <= To.
type Range struct {
	From, To int
}

// ErrNotRepository says the folder is not inside a git repository.
var ErrNotRepository = errors.New("not inside a git repository")

// Since returns the lines changed in the working tree of the repository
// holding dir since the merge base of rev and HEAD: for a branch name, the
// point the current branch left it, so that commits added to that branch
// since then are not counted; for an ancestor of HEAD, rev itself.
func Since(ctx context.Context, dir, rev string) (*Changes, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("--changed-since needs git, and git is not installed (or not on PATH)")
	}
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("the folder %s is %w; run citelint inside the repository whose changes it should check", resolve(dir), ErrNotRepository)
	}
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("unknown revision %q: a revision cannot start with '-'", rev)
	}
	if _, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("unknown revision %q: no commit, branch or tag has that name here; "+
			"check the spelling, or fetch it first (in GitHub Actions, check out with fetch-depth: 0)", rev)
	}
	base, err := git(ctx, dir, "merge-base", rev, "HEAD")
	if err != nil {
		return nil, fmt.Errorf("find where HEAD left %s: %w (a shallow clone may lack the history: fetch more of it)", rev, err)
	}
	c := &Changes{lines: map[string][]Range{}, whole: map[string]bool{}}
	c.root = resolve(strings.TrimSpace(string(top)))
	c.dir = resolve(dir)

	diff, err := git(ctx, dir, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
		"--unified=0", "--src-prefix=a/", "--dst-prefix=b/", strings.TrimSpace(string(base)), "--")
	if err != nil {
		return nil, fmt.Errorf("compare with %s: %w", rev, err)
	}
	if err := c.parse(bytes.NewReader(diff)); err != nil {
		return nil, fmt.Errorf("read the diff against %s: %w", rev, err)
	}
	untracked, err := git(ctx, c.root, "ls-files", "-z", "--others", "--exclude-standard", "--full-name")
	if err != nil {
		return nil, fmt.Errorf("list untracked files: %w", err)
	}
	for _, p := range strings.Split(string(untracked), "\x00") {
		if p != "" {
			c.whole[p] = true
		}
	}
	return c, nil
}

// Changed reports whether any of the lines from through to (1-based) of the
// file at path — relative to the folder Since was given, or absolute — was
// added or changed. A file outside the repository has no changes.
func (c *Changes) Changed(path string, from, to int) bool {
	rel, ok := c.relative(path)
	if !ok {
		return false
	}
	if c.whole[rel] {
		return true
	}
	for _, r := range c.lines[rel] {
		if r.From <= to && from <= r.To {
			return true
		}
	}
	return false
}

// relative returns path relative to the repository root, with slashes.
func (c *Changes) relative(path string) (string, bool) {
	p := filepath.FromSlash(path)
	if !filepath.IsAbs(p) {
		p = filepath.Join(c.dir, p)
	}
	rel, err := filepath.Rel(c.root, resolve(p))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// resolve returns an absolute path with symbolic links resolved where the
// path exists, so that paths compare with what git reports.
func resolve(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if real, err := filepath.EvalSymlinks(p); err == nil {
		return real
	}
	return p
}

// parse reads a unified diff made with --unified=0 and records the added
// lines of each file: the new side of each hunk. Hunk bodies are skipped by
// count, so an added line that reads like a header ("+++ x") is not taken
// for one.
func (c *Changes) parse(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024)
	var file string
	oldLeft, newLeft := 0, 0 // lines of the current hunk still to skip
	for sc.Scan() {
		line := sc.Text()
		if oldLeft > 0 || newLeft > 0 {
			switch {
			case strings.HasPrefix(line, "-"):
				oldLeft--
			case strings.HasPrefix(line, "+"):
				newLeft--
			case strings.HasPrefix(line, " "):
				oldLeft--
				newLeft--
			}
			continue
		}
		switch {
		case strings.HasPrefix(line, "diff --git "):
			file = ""
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				file = "" // deleted
				continue
			}
			name, err := unquote(name)
			if err != nil {
				return err
			}
			file = strings.TrimPrefix(name, "b/")
		case strings.HasPrefix(line, "@@ "):
			h, err := parseHunk(line)
			if err != nil {
				return err
			}
			oldLeft, newLeft = h.oldLines, h.newLines
			if file != "" && h.newLines > 0 {
				c.lines[file] = append(c.lines[file], Range{From: h.newStart, To: h.newStart + h.newLines - 1})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	for f := range c.lines {
		slices.SortFunc(c.lines[f], func(a, b Range) int { return a.From - b.From })
	}
	return nil
}

// hunk is a hunk header's line counts.
type hunk struct {
	oldLines           int
	newStart, newLines int
}

// parseHunk reads "@@ -a,b +c,d @@"; a missing count is 1.
func parseHunk(line string) (hunk, error) {
	fields := strings.Fields(line)
	if len(fields) < 3 || !strings.HasPrefix(fields[1], "-") || !strings.HasPrefix(fields[2], "+") {
		return hunk{}, fmt.Errorf("bad hunk header %q", line)
	}
	_, oldLines, err := hunkRange(fields[1][1:])
	if err != nil {
		return hunk{}, fmt.Errorf("bad hunk header %q: %w", line, err)
	}
	newStart, newLines, err := hunkRange(fields[2][1:])
	if err != nil {
		return hunk{}, fmt.Errorf("bad hunk header %q: %w", line, err)
	}
	return hunk{oldLines: oldLines, newStart: newStart, newLines: newLines}, nil
}

// hunkRange reads "start,count" or "start".
func hunkRange(s string) (start, count int, err error) {
	a, b, found := strings.Cut(s, ",")
	if start, err = strconv.Atoi(a); err != nil {
		return 0, 0, err
	}
	count = 1
	if found {
		if count, err = strconv.Atoi(b); err != nil {
			return 0, 0, err
		}
	}
	return start, count, nil
}

// unquote undoes git's quoting of a path holding unusual characters
// ("b/a\tb.md"); other paths are returned as they are.
func unquote(s string) (string, error) {
	if !strings.HasPrefix(s, `"`) {
		return s, nil
	}
	u, err := strconv.Unquote(s)
	if err != nil {
		return "", fmt.Errorf("bad quoted path %s: %w", s, err)
	}
	return u, nil
}

// git runs a git command in dir and returns its standard output; a failure
// carries git's standard error.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		name := args[0]
		for i := 0; i+2 < len(args) && args[i] == "-c"; i += 2 {
			name = args[i+2]
		}
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("git %s: %s", name, msg)
		}
		return nil, fmt.Errorf("git %s: %w", name, err)
	}
	return out, nil
}
