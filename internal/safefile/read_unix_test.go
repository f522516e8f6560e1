//go:build unix

package safefile

import (
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadRegularRefusesFIFO: a FIFO with no writer would block a plain
// open forever.
func TestReadRegularRefusesFIFO(t *testing.T) {
	name := filepath.Join(t.TempDir(), "pipe.md")
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	for fn, read := range readers {
		if _, err := read(name, 10); err == nil || err.Error() != name+" is not a regular file" {
			t.Errorf("%s of a FIFO: %v", fn, err)
		}
		if _, err := read("/dev/zero", 10); err == nil || err.Error() != "/dev/zero is not a regular file" {
			t.Errorf("%s of /dev/zero: %v", fn, err)
		}
	}
}
