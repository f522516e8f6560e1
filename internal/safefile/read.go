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
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, limit)
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	src, over, err := readSized(f, info.Size(), limit)
	if err != nil {
		return nil, err
	}
	if over {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, limit)
	}
	return src, nil
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
