package lint

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Files is how rules reach files other than the one they check (the file
// a relative link points to, say). The driver serves it, so that a rule
// never touches the file system itself and a driver holding files in
// memory (an editor's unsaved buffers) can answer instead of the disk.
// Names are slash-separated and relative to the working folder.
type Files interface {
	// Stat describes name.
	Stat(name string) (fs.FileInfo, error)
	// ReadFile reads name, which must be a regular file of at most
	// maxBytes.
	ReadFile(name string, maxBytes int64) ([]byte, error)
}

// OSFiles serves Files from the file system.
type OSFiles struct{}

// Stat describes name in the file system.
func (OSFiles) Stat(name string) (fs.FileInfo, error) { return os.Stat(filepath.FromSlash(name)) }

// ReadFile reads a regular file of at most maxBytes. It never opens
// anything else: opening a FIFO blocks until a writer comes, and a device
// such as /dev/zero never ends. The file is opened without blocking and
// checked again once open, in case it was swapped after the first look.
func (OSFiles) ReadFile(name string, maxBytes int64) ([]byte, error) {
	name = filepath.FromSlash(name)
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	if info.Size() > maxBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, maxBytes)
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	src, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(src)) > maxBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, maxBytes)
	}
	return src, nil
}
