package main

import (
	"errors"
	"fmt"

	"github.com/citelint/citelint/lint"
	"github.com/dustin/go-humanize"
	"github.com/urfave/cli/v2"
)

// defaultMaxFileSize is the largest file checked by default. Drafts are a
// few hundred kilobytes at most; a larger file is a mistake (a data dump, a
// device) and would cost memory many times its size.
const defaultMaxFileSize = 10 * 1000 * 1000

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
		n, err := parseSize(l.MaxFileSize)
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

// parseSize reads a size such as 10MB, 512KB, 2MiB or a number of bytes.
func parseSize(s string) (int64, error) {
	n, err := humanize.ParseBytes(s)
	if err != nil || n == 0 || n > 1<<40 {
		return 0, fmt.Errorf("%q is not a size; write one such as 10MB or 512KB", s)
	}
	return int64(n), nil
}

// limits are the bounds in force: the flags over the config over the
// defaults.
type limits struct {
	maxFileSize int64
	maxFindings int
}

func resolveLimits(c *cli.Context, lc *limitsConfig) (limits, error) {
	l := limits{maxFileSize: defaultMaxFileSize, maxFindings: lint.DefaultMaxFindings}
	if lc.maxFileSize > 0 {
		l.maxFileSize = lc.maxFileSize
	}
	if lc.MaxFindings > 0 {
		l.maxFindings = lc.MaxFindings
	}
	if c.IsSet("max-file-size") {
		n, err := parseSize(c.String("max-file-size"))
		if err != nil {
			return l, fmt.Errorf("--max-file-size: %w", err)
		}
		l.maxFileSize = n
	}
	if c.IsSet("max-findings") {
		if c.Int("max-findings") < 1 {
			return l, errors.New("--max-findings must be at least 1")
		}
		l.maxFindings = c.Int("max-findings")
	}
	return l, nil
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
