package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/citelint/citelint/internal/safefile"
)

// maxProbe bounds what is read of an existing file to tell whether it is
// a baseline.
const maxProbe = 256 << 20

// CheckDestination refuses a baseline path that cannot take a baseline
// (see safefile.CheckDestination; protect lists the files read) or holds
// something else, such as a draft given first by mistake ("citelint
// baseline draft.md"). An empty file, or any JSON object with a version (a
// baseline of any version), may be replaced.
func CheckDestination(path string, protect []string) error {
	if err := safefile.CheckDestination("the baseline", path, protect); err != nil {
		return err
	}
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() == 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot write the baseline to %s: %w", path, safefile.UnwrapPath(err))
	}
	defer f.Close()
	var probe struct {
		Version *int `json:"version"`
	}
	if err := json.NewDecoder(io.LimitReader(f, maxProbe)).Decode(&probe); err != nil || probe.Version == nil {
		return fmt.Errorf("cannot write the baseline to %s: it holds something other than a citelint baseline (a draft?), which would be lost; name a new file, such as .citelint-baseline.json", path)
	}
	return nil
}

// WriteFile writes the baseline to path, whole or not at all, or to out
// when path names standard output (see safefile.Write).
func (b *Baseline) WriteFile(path string, out io.Writer) error {
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		return err
	}
	return safefile.Write(buf.Bytes(), path, out)
}
