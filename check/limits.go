package check

import (
	"fmt"

	"github.com/citelint/citelint/lint"
	"github.com/dustin/go-humanize"
)

// DefaultMaxFileSize is the largest file checked by default. Drafts are a
// few hundred kilobytes at most; a larger file is a mistake (a data dump, a
// device) and would cost memory many times its size.
const DefaultMaxFileSize = 10 * 1000 * 1000

// limitsConfig is the config file's "limits" section: bounds on what one
// file may cost.
//
//	limits:
//	  max-file-size: 10MB   # larger files are an error, never read whole
//	  max-findings: 10000   # per file; past it, one too-many-findings finding
type limitsConfig struct {
	MaxFileSize string `yaml:"max-file-size"`
	MaxFindings int    `yaml:"max-findings"`

	maxFileSize int64 // MaxFileSize parsed by Validate
}

// Validate parses the sizes, so that mistakes are reported with their
// place in the config file.
func (l *limitsConfig) Validate() error {
	if l.MaxFileSize != "" {
		n, err := ParseSize(l.MaxFileSize)
		if err != nil {
			return fmt.Errorf("max-file-size: %w", err)
		}
		l.maxFileSize = n
	}
	if l.MaxFindings < 0 {
		return fmt.Errorf("max-findings: %d is negative; write a number of findings such as 10000", l.MaxFindings)
	}
	return nil
}

// ParseSize reads a size such as 10MB, 512KB, 2MiB or a number of bytes.
func ParseSize(s string) (int64, error) {
	n, err := humanize.ParseBytes(s)
	if err != nil || n == 0 || n > 1<<40 {
		return 0, fmt.Errorf("%q is not a size; write one such as 10MB or 512KB", s)
	}
	return int64(n), nil
}

// limits are the bounds in force: the options over the config over the
// defaults.
type limits struct {
	maxFileSize int64
	maxFindings int
}

func resolveLimits(o *Options, lc *limitsConfig) limits {
	l := limits{maxFileSize: DefaultMaxFileSize, maxFindings: lint.DefaultMaxFindings}
	if lc.maxFileSize > 0 {
		l.maxFileSize = lc.maxFileSize
	}
	if lc.MaxFindings > 0 {
		l.maxFindings = lc.MaxFindings
	}
	if o.MaxFileSize > 0 {
		l.maxFileSize = o.MaxFileSize
	}
	if o.MaxFindings > 0 {
		l.maxFindings = o.MaxFindings
	}
	return l
}

// errTooLarge says a file is over the size limit.
func errTooLarge(size, limit int64) error {
	what := "it is larger than"
	if size > 0 {
		what = "it is " + humanize.Bytes(uint64(size)) + ", over"
	}
	return fmt.Errorf("not checked: %s the %s limit; raise it with --max-file-size or limits.max-file-size in the config if this is really a draft",
		what, humanize.Bytes(uint64(limit)))
}
