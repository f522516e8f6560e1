// Package markdownspec reads the examples of the CommonMark specification
// and of goldmark's extension tests (GitHub Flavored Markdown tables,
// strikethrough, autolinks, task lists, footnotes and more) from goldmark's
// module in the module cache, so that tests can run a peer's test suite as
// hostile input without copying it into this repository. It is for tests
// only.
package markdownspec

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Example is one example's Markdown.
type Example struct {
	Name     string // e.g. "spec.json#12" or "table.txt#3"
	Markdown string
}

// Examples returns every example: the CommonMark specification's
// (_test/spec.json) then the extensions' (extension/_test/*.txt). It
// fails when goldmark's source is not in the module cache; callers skip.
var Examples = sync.OnceValues(func() ([]Example, error) {
	out, err := exec.Command("go", "list", "-m", "-json", "github.com/yuin/goldmark").Output()
	if err != nil {
		return nil, fmt.Errorf("go list -m github.com/yuin/goldmark: %w", err)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil {
		return nil, fmt.Errorf("go list -m github.com/yuin/goldmark: %w", err)
	}
	if mod.Dir == "" {
		return nil, errors.New("goldmark's source is not in the module cache (run go mod download)")
	}
	spec, err := os.ReadFile(filepath.Join(mod.Dir, "_test", "spec.json"))
	if err != nil {
		return nil, err
	}
	var cases []struct {
		Markdown string `json:"markdown"`
		Example  int    `json:"example"`
	}
	if err := json.Unmarshal(spec, &cases); err != nil {
		return nil, fmt.Errorf("spec.json: %w", err)
	}
	examples := make([]Example, 0, len(cases))
	for _, c := range cases {
		examples = append(examples, Example{fmt.Sprintf("spec.json#%d", c.Example), c.Markdown})
	}
	files, err := filepath.Glob(filepath.Join(mod.Dir, "extension", "_test", "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no extension examples in %s", mod.Dir)
	}
	for _, f := range files {
		ex, err := readCaseFile(f)
		if err != nil {
			return nil, err
		}
		examples = append(examples, ex...)
	}
	return examples, nil
})

// Separators of goldmark's test case files: a case is a number line, an
// optional OPTIONS line, the Markdown between two attribute separators,
// then the expected HTML up to the case separator.
const (
	attributeSep = "//- - - - - - - - -//"
	caseSep      = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

// readCaseFile reads the Markdown of each case in one of goldmark's test
// case files, applying the case's options (trim, escape sequences) as
// goldmark's own test driver does.
func readCaseFile(path string) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Example
	sc := bufio.NewScanner(f)
	line := 0
	next := func() (string, bool) {
		if !sc.Scan() {
			return "", false
		}
		line++
		return sc.Text(), true
	}
	for {
		header, ok := next()
		if !ok {
			break
		}
		if strings.TrimSpace(header) == "" {
			continue
		}
		no, _, _ := strings.Cut(header, ":")
		no = strings.TrimSpace(no)
		if _, err := strconv.Atoi(no); err != nil {
			return nil, fmt.Errorf("%s:%d: no case number in %q", path, line, header)
		}
		l, _ := next()
		var opts struct {
			EnableEscape bool `json:"enableEscape"`
			Trim         bool `json:"trim"`
		}
		if _, o, ok := strings.Cut(l, "OPTIONS:"); ok {
			if err := json.Unmarshal([]byte(o), &opts); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, err)
			}
			l, _ = next()
		}
		if l != attributeSep {
			return nil, fmt.Errorf("%s:%d: want %q, got %q", path, line, attributeSep, l)
		}
		var md []string
		for l, ok = next(); ok && l != attributeSep; l, ok = next() {
			md = append(md, l)
		}
		for ok && l != caseSep {
			l, ok = next() // the expected HTML
		}
		if !ok {
			return nil, fmt.Errorf("%s:%d: case %s does not end", path, line, no)
		}
		text := strings.Join(md, "\n")
		if opts.Trim {
			text = strings.TrimSpace(text)
		}
		if opts.EnableEscape {
			text = unescape(text)
		}
		out = append(out, Example{fmt.Sprintf("%s#%s", filepath.Base(path), no), text})
	}
	return out, sc.Err()
}

// escapes are the one-letter escape sequences of goldmark's test cases.
var escapes = map[byte]byte{'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}

// unescape applies the escape sequences goldmark's test cases may use
// (\t, \n, \\, \xHH, \uHHHH and the like) so that tabs are literal.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		c := s[i+1]
		if e, ok := escapes[c]; ok {
			b.WriteByte(e)
			i++
			continue
		}
		if n := map[byte]int{'x': 2, 'u': 4, 'U': 4}[c]; n > 0 && i+2+n <= len(s) {
			if v, err := strconv.ParseUint(s[i+2:i+2+n], 16, 32); err == nil {
				if c == 'x' {
					b.WriteByte(byte(v))
				} else {
					b.WriteRune(rune(v))
				}
				i += 1 + n
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Variant is a spelling of a document that must yield the same findings
// as the document itself.
type Variant struct {
	Name string
	// Make spells the plain document this way.
	Make func(plain []byte) []byte
	// ToPlain maps an offset of the spelling v back into the plain document.
	ToPlain func(v []byte, off int) int
}

// Variants are the document as written, with CRLF line endings, and
// behind a UTF-8 byte order mark.
var Variants = []Variant{
	{"plain", func(p []byte) []byte { return p }, func(_ []byte, off int) int { return off }},
	{"crlf", func(p []byte) []byte { return bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n")) },
		func(v []byte, off int) int { return off - bytes.Count(v[:off], []byte("\r\n")) }},
	{"bom", func(p []byte) []byte { return append([]byte("\ufeff"), p...) },
		func(_ []byte, off int) int { return max(0, off-len("\ufeff")) }},
}
