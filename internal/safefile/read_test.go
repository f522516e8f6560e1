package safefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadAll(t *testing.T) {
	for _, tc := range []struct {
		in       string
		limit    int64
		want     string
		wantOver bool
	}{
		{"abc", 3, "abc", false},
		{"abcd", 3, "abc", true},
		{"", 0, "", false},
		{"a", 0, "", true},
	} {
		got, over, err := ReadAll(strings.NewReader(tc.in), tc.limit)
		if err != nil || string(got) != tc.want || over != tc.wantOver {
			t.Errorf("ReadAll(%q, %d) = %q, %v, %v; want %q, %v", tc.in, tc.limit, got, over, err, tc.want, tc.wantOver)
		}
	}
}

// readers are ReadRegular and ReadRegularString, as one type.
var readers = map[string]func(name string, limit int64) (string, error){
	"ReadRegular": func(name string, limit int64) (string, error) {
		b, err := ReadRegular(name, limit)
		return string(b), err
	},
	"ReadRegularString": ReadRegularString,
}

func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.md")
	if err := os.WriteFile(name, []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	for fn, read := range readers {
		if got, err := read(name, 5); err != nil || got != "12345" {
			t.Errorf("%s at the limit = %q, %v", fn, got, err)
		}
		if _, err := read(name, 4); err == nil || err.Error() != name+" is larger than 4 bytes" {
			t.Errorf("%s over the limit: %v", fn, err)
		}
		if _, err := read(dir, 4); err == nil || err.Error() != dir+" is not a regular file" {
			t.Errorf("%s of a folder: %v", fn, err)
		}
		if _, err := read(filepath.Join(dir, "gone.md"), 4); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s of a missing file: %v", fn, err)
		}
	}
}

func TestUnwrapPath(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "gone"))
	if got := UnwrapPath(err); !errors.Is(got, fs.ErrNotExist) || strings.Contains(got.Error(), "gone") {
		t.Errorf("UnwrapPath(%v) = %v, want the error without the path", err, got)
	}
	other := errors.New("other")
	if got := UnwrapPath(other); got != other { //nolint:errorlint // the very error, not one it wraps
		t.Error("UnwrapPath changed an error that is no *fs.PathError")
	}
}

// TestReadSized checks the read sized by a file's stated size: the same
// bytes and limit as ReadAll whether the file is as stated, grew or shrank
// since, and however the reader splits its reads.
func TestReadSized(t *testing.T) {
	for _, tc := range []struct {
		in          string
		size, limit int64
		want        string
		wantOver    bool
	}{
		{"abc", 3, 3, "abc", false},
		{"abcdef", 3, 10, "abcdef", false}, // grew
		{"ab", 5, 10, "ab", false},         // shrank
		{"abcdef", 3, 4, "abcd", true},     // grew past the limit
		{"", 0, 0, "", false},
		{"a", 0, 0, "", true},
		{"abc", -1, 5, "abc", false},
		{"abcdef", 8, 4, "abcd", true}, // stated over the limit
	} {
		for _, split := range []bool{false, true} {
			var r io.Reader = strings.NewReader(tc.in)
			if split {
				r = iotest.OneByteReader(r)
			}
			got, over, err := readSized(r, tc.size, tc.limit)
			if err != nil || string(got) != tc.want || over != tc.wantOver {
				t.Errorf("readSized(%q, %d, %d, one byte at a time %v) = %q, %v, %v; want %q, %v", tc.in, tc.size, tc.limit, split, got, over, err, tc.want, tc.wantOver)
			}
		}
	}
}
