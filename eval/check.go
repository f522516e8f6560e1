package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/citelint/citelint/internal/safefile"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
)

// Rule IDs the harness scores.
const (
	UncitedNumber     = "uncited-number"
	UnattributedQuote = "unattributed-quote"
)

// MaxDocumentBytes bounds each document and annotation file the harness
// reads (CITELINT_EVAL_MAX_BYTES overrides it): a corpus folder is data
// from elsewhere, and the largest digitalgov post or PolNeAR article is far
// below it.
var MaxDocumentBytes int64 = 16 << 20

// Checker runs citelint's rules over a document as "citelint check
// --offline" does with no config file: every rule on at its default
// severity and options, network rules left out, suppression comments
// applied.
type Checker struct {
	runner *lint.Runner
}

// NewChecker returns a checker with every offline rule active.
func NewChecker() (*Checker, error) {
	active, err := lint.Configure(rules.All(), nil, lint.Selection{Offline: true})
	if err != nil {
		return nil, fmt.Errorf("configure rules: %w", err)
	}
	return &Checker{runner: &lint.Runner{Rules: active, Known: rules.Known, Jobs: 1}}, nil
}

// Check parses src as the file name says (.txt is plain text, anything
// else Markdown) and returns every rule's findings.
func (c *Checker) Check(name string, src []byte) ([]lint.Diagnostic, error) {
	doc, err := lint.Parse(name, src, lint.FormatOf(name))
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	ds, err := c.runner.Check(doc)
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", name, err)
	}
	return ds, nil
}

// findingsOf returns the findings of one rule as scored spans.
func findingsOf(doc string, ds []lint.Diagnostic, rule string) []Finding {
	var out []Finding
	for _, d := range ds {
		if d.Rule == rule {
			out = append(out, Finding{Span: Span{d.Start, d.End}, Doc: doc, Line: d.Pos.Line, Warning: d.Severity >= lint.Warning, Message: d.Message})
		}
	}
	return out
}

// readBounded reads a file of at most MaxDocumentBytes.
func readBounded(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, over, err := safefile.ReadAll(f, MaxDocumentBytes)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if over {
		return nil, fmt.Errorf("%s is over %d bytes (CITELINT_EVAL_MAX_BYTES): not a corpus document", name, MaxDocumentBytes)
	}
	return b, nil
}

// DigitalgovDir returns the digitalgov corpus folder: $CITELINT_DIGITALGOV,
// or ../shared/corpora/digitalgov beside the module root found from the
// working directory.
func DigitalgovDir() (string, error) {
	if d := os.Getenv("CITELINT_DIGITALGOV"); d != "" {
		return d, nil
	}
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "..", "shared", "corpora", "digitalgov"), nil
}

// SourcesDir returns the folder scripts/sources4.sh to sources11.sh
// materialise the non-corpus source pages into: $CITELINT_SOURCES, or
// citelint/sources in the user's cache folder (the scripts' default).
func SourcesDir() (string, error) { return cacheFolder("CITELINT_SOURCES", "sources") }

// EighteenFDir returns the folder scripts/18f.sh materialises the 18F
// blog's posts into: $CITELINT_18F, or citelint/18f in the user's cache
// folder (the script's own default).
func EighteenFDir() (string, error) { return cacheFolder("CITELINT_18F", "18f") }

// PolnearDir returns the folder holding PolNeAR's materialised data/train
// and data/dev: $CITELINT_POLNEAR, or citelint/polnear in the user's cache
// folder ($XDG_CACHE_HOME, else ~/.cache), where scripts/polnear.sh puts it.
func PolnearDir() (string, error) { return cacheFolder("CITELINT_POLNEAR", "polnear") }

// cacheFolder returns $env when set, else citelint/name in the user's cache
// folder, where the scripts put texts that stay outside the repository.
func cacheFolder(env, name string) (string, error) {
	if d := os.Getenv(env); d != "" {
		return d, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find the cache folder for %s (set %s): %w", name, env, err)
	}
	return filepath.Join(cache, "citelint", name), nil
}

// moduleRoot finds the folder holding go.mod above the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.Contains(string(b), "module github.com/citelint/citelint\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the citelint module: run from the repository or set CITELINT_DIGITALGOV")
		}
		dir = parent
	}
}
