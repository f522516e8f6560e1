package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Write puts data in the output file (see writeFileAtomic), or on out when
// output is empty or names standard output.
func Write(data []byte, output string, out io.Writer) error {
	return WriteFrom(bytes.NewReader(data), output, out)
}

// WriteFrom writes what src holds as Write writes data: to out when output
// is "" or standard output, otherwise atomically to the file output.
func WriteFrom(src io.WriterTo, output string, out io.Writer) error {
	if output == "" || IsStdout(output) {
		_, err := src.WriteTo(out)
		return err
	}
	return writeFileAtomic(output, func(w io.Writer) error {
		_, err := src.WriteTo(w)
		return err
	})
}

// Replace replaces the regular file at path with data atomically: through
// a temporary file in the same folder, synced and renamed over it, keeping
// its permissions; the temporary file never stays behind.
func Replace(path string, data []byte) error {
	return writeFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// IsStdout reports whether an output path names standard output itself,
// which is written through the writer the command already holds: opening
// the path again would start at its beginning, or replace the file a shell
// redirected it to.
func IsStdout(path string) bool {
	switch path {
	case "-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return true
	}
	return false
}

// CheckDestination refuses an output path that would destroy something: a file
// being checked (or the config), as the same file after symbolic links; a
// folder; a block device. protect lists the paths not to replace; what
// names what would be written, for messages.
func CheckDestination(what, path string, protect []string) error {
	if IsStdout(path) {
		return nil
	}
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // a new file replaces nothing
	}
	if err != nil {
		return fmt.Errorf("cannot write %s to %s: %w", what, path, UnwrapPath(err))
	}
	switch {
	case info.IsDir():
		return fmt.Errorf("cannot write %s to %s: it is a folder; name a file", what, path)
	case info.Mode()&fs.ModeDevice != 0 && info.Mode()&fs.ModeCharDevice == 0:
		return fmt.Errorf("cannot write %s to %s: it is a block device (a disk); name a file", what, path)
	}
	for _, p := range protect {
		if pi, err := os.Stat(p); err == nil && os.SameFile(info, pi) {
			it := "citelint reads that file"
			if filepath.Clean(p) != filepath.Clean(path) {
				it = "it is " + p + ", which citelint reads"
			}
			return fmt.Errorf("cannot write %s to %s: %s, and %s would replace it; name another file", what, path, it, what)
		}
	}
	return nil
}

// maxLinkHops bounds the symbolic links followed to an output's target,
// as the kernel bounds them (a loop never ends).
const maxLinkHops = 40

// linkTarget follows symbolic links from path to the file they lead to,
// which need not exist yet. Directory links along the way are left to the
// system.
func linkTarget(path string) (string, error) {
	for range maxLinkHops {
		info, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && info.Mode()&fs.ModeSymlink == 0) {
			return path, nil // the end of the chain, existing or to be created
		}
		if err != nil {
			return "", err
		}
		t, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(t) {
			// Not filepath.Join: it would resolve ".." lexically, which is
			// wrong when the link's folder is itself a link.
			t = filepath.Dir(path) + string(filepath.Separator) + t
		}
		path = t
	}
	return "", fmt.Errorf("more than %d symbolic links", maxLinkHops)
}

// writeFileAtomic writes an output file to path. A regular file (new, or
// reached through symbolic links, which stay) is written through a
// temporary file in the same directory and a rename, so that readers never
// see half a file; it keeps the mode of the file it replaces. A FIFO or a
// character device (/dev/null, a terminal) is written in place: a rename
// would replace it.
func writeFileAtomic(path string, fill func(io.Writer) error) (err error) {
	info, err := os.Stat(path)
	if err == nil && !info.Mode().IsRegular() {
		if info.IsDir() || (info.Mode()&fs.ModeDevice != 0 && info.Mode()&fs.ModeCharDevice == 0) {
			return fmt.Errorf("write %s: not a file", path)
		}
		return writeInPlace(path, fill)
	}
	target, err := linkTarget(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	mode := fs.FileMode(0o644)
	if info != nil && info.Mode().IsRegular() {
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := fill(tmp); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	// On disk before the rename: a crash must leave the old file or the
	// new one, never an empty one.
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// writeInPlace writes to a FIFO or device as a shell redirection would.
func writeInPlace(path string, fill func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, UnwrapPath(err))
	}
	if err := fill(f); err != nil {
		_ = f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
