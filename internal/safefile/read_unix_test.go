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
	if _, err := ReadRegular(name, 10); err == nil || err.Error() != name+" is not a regular file" {
		t.Errorf("ReadRegular of a FIFO: %v", err)
	}
	if _, err := ReadRegular("/dev/zero", 10); err == nil || err.Error() != "/dev/zero is not a regular file" {
		t.Errorf("ReadRegular of /dev/zero: %v", err)
	}
}
