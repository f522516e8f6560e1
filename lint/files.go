package lint

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/citelint/citelint/internal/safefile"
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

// ReadFile reads a regular file of at most maxBytes, and never opens
// anything else (see safefile.ReadRegular).
func (OSFiles) ReadFile(name string, maxBytes int64) ([]byte, error) {
	return safefile.ReadRegular(filepath.FromSlash(name), maxBytes)
}
