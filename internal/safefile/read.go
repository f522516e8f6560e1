// Package safefile reads and writes the files citelint is pointed at
// without letting them do harm: reads are bounded and never wait on what
// has no end (a FIFO, /dev/zero), and writes never replace a file being
// read, a folder or a disk, nor leave half a file behind.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"unsafe"
)

// ReadAll reads r to its end, but never more than limit bytes and one:
// over reports that r holds more than limit bytes (data is then
// incomplete and should be refused).
func ReadAll(r io.Reader, limit int64) (data []byte, over bool, err error) {
	data, err = io.ReadAll(io.LimitReader(r, limit+1))
	if int64(len(data)) > limit {
		return data[:limit], true, err
	}
	return data, false, err
}

// ReadRegular reads a regular file of at most limit bytes. It never opens
// anything else: opening a FIFO blocks until a writer comes, and a device
// such as /dev/zero never ends. The file is opened without blocking and
// checked again once open, in case it was swapped after the first look.
func ReadRegular(name string, limit int64) ([]byte, error) {
	f, size, err := openRegular(name, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, over, err := readSized(f, size, limit)
	if err != nil {
		return nil, err
	}
	if over {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, limit)
	}
	return src, nil
}

// ReadRegularString is ReadRegular for a file kept as a string: the
// string is the one copy made of it (the buffer the file is read into,
// which nothing else holds), so that its parts can be kept as they are,
// without a copy each.
func ReadRegularString(name string, limit int64) (string, error) {
	data, err := ReadRegular(name, limit)
	if err != nil || len(data) == 0 {
		return "", err
	}
	// data is this function's own and is never written again: viewing it
	// as a string is what strings.Builder.String does with its buffer.
	return unsafe.String(unsafe.SliceData(data), len(data)), nil
}

// openRegular opens a regular file of at most limit bytes, and returns its
// size; see ReadRegular.
func openRegular(name string, limit int64) (*os.File, int64, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, 0, err
	}
	if !info.Mode().IsRegular() {
		return nil, 0, fmt.Errorf("%s is not a regular file", name)
	}
	if info.Size() > limit {
		return nil, 0, fmt.Errorf("%s is larger than %d bytes", name, limit)
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, 0, err
	}
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, 0, fmt.Errorf("%s is not a regular file", name)
	}
	return f, info.Size(), nil
}

// readSized reads r to its end, at most limit bytes (over when there was
// more), into a buffer sized for the file's stated size: a cached page's
// text is read in one allocation rather than grown from 512 bytes. A file
// that grew since it was sized is still read whole, to the limit.
func readSized(r io.Reader, size, limit int64) (data []byte, over bool, err error) {
	if size < 0 || size > limit {
		return ReadAll(r, limit)
	}
	data = make([]byte, 0, size+1) // +1: room to see the end without growing
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, rerr := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return data[:limit], true, nil
		}
		if rerr == io.EOF {
			return data, false, nil
		}
		if rerr != nil {
			return data, false, rerr
		}
	}
}

// UnwrapPath drops the operation and path from a *fs.PathError, for a
// message that shows the path already.
func UnwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
