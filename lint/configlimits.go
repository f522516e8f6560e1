package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/scanner"
	"github.com/goccy/go-yaml/token"
)

// Bounds on a config file by default. A citelint config is a few lines;
// the bounds exist because the YAML parser's memory grows with the square
// of the nesting depth (a 200 KB file of "[[[[" exhausts memory) and
// aliases can expand a small file exponentially ("billion laughs").
const (
	DefaultMaxConfigBytes  = 256 << 10 // 256 KiB
	DefaultMaxConfigDepth  = 64        // collections inside collections
	DefaultMaxConfigValues = 100_000   // values, counting those aliases repeat
)

// Environment variables that raise or lower the config bounds; each holds a
// whole number (bytes, levels, values).
const (
	EnvMaxConfigBytes  = "CITELINT_MAX_CONFIG_BYTES"
	EnvMaxConfigDepth  = "CITELINT_MAX_CONFIG_DEPTH"
	EnvMaxConfigValues = "CITELINT_MAX_CONFIG_VALUES"
)

// ConfigLimits bound what a config file may hold. They are checked before
// the YAML parser sees the file (size, nesting) or before any value is
// decoded (values reached through aliases). A zero field takes its default.
type ConfigLimits struct {
	MaxBytes  int64
	MaxDepth  int
	MaxValues int
}

func (l ConfigLimits) withDefaults() ConfigLimits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxConfigBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxConfigDepth
	}
	if l.MaxValues <= 0 {
		l.MaxValues = DefaultMaxConfigValues
	}
	return l
}

// ConfigLimitsFromEnv reads the bounds from the environment through
// getenv (os.Getenv); an unset variable keeps the default.
func ConfigLimitsFromEnv(getenv func(string) string) (ConfigLimits, error) {
	var l ConfigLimits
	for _, v := range []struct {
		name string
		set  func(n int64)
	}{
		{EnvMaxConfigBytes, func(n int64) { l.MaxBytes = n }},
		{EnvMaxConfigDepth, func(n int64) { l.MaxDepth = int(min(n, 1<<30)) }},
		{EnvMaxConfigValues, func(n int64) { l.MaxValues = int(min(n, 1<<30)) }},
	} {
		s := getenv(v.name)
		if s == "" {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil || n <= 0 {
			return l, fmt.Errorf("%s=%q: expected a whole number above 0", v.name, s)
		}
		v.set(n)
	}
	return l, nil
}

// Load is LoadConfig within the limits l. It reads no more of the file than
// the size limit allows, and refuses what is not a regular file (a FIFO
// would block, a device never end).
func (l ConfigLimits) Load(file string, rules []*Rule, sections map[string]any) (*Config, error) {
	l = l.withDefaults()
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	} else if !fi.Mode().IsRegular() {
		return nil, &ConfigError{Path: file, Msg: "not a regular file; point --config at a YAML file"}
	}
	src, err := io.ReadAll(io.LimitReader(f, l.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	dir, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		return nil, err
	}
	return l.Parse(file, dir, src, rules, sections)
}

// parseYAML parses a config's YAML within the limits: size and nesting
// are checked before the parser builds anything, values (aliases
// expanded) before anything is decoded.
func (l ConfigLimits) parseYAML(name string, src []byte) (*ast.File, error) {
	l = l.withDefaults()
	tokens, err := l.tokenize(name, src)
	if err != nil {
		return nil, err
	}
	f, err := parser.Parse(tokens, 0)
	if err != nil {
		return nil, yamlError(name, err, "not valid YAML: ")
	}
	for _, doc := range f.Docs {
		if doc == nil {
			continue
		}
		if err := l.checkValues(name, doc.Body); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// recoverYAMLPanic turns a panic of the YAML library, which panics on
// some input (goccy/go-yaml v1.19.2 decoding an empty tag, "ignore: ! "),
// into an error naming the config rather than a crash of the run.
func recoverYAMLPanic(name string, c **Config, err *error) {
	if p := recover(); p != nil {
		*c, *err = nil, &ConfigError{Path: name, Msg: fmt.Sprintf(
			"the YAML library failed to read this file (%v); simplify what is unusual in it, and please report it", p)}
	}
}

// tokenize refuses a config larger than the size limit or nested deeper
// than the depth limit, before the YAML parser builds anything, and
// returns the file's YAML tokens for the parser. Depth is measured on the
// YAML scanner's own tokens, which are what the parser reads: a
// hand-written scanner could be misled (by a quote it takes for the start
// of a string, say) into missing nesting the parser then builds. The
// scanner's cost is linear in the input.
func (l ConfigLimits) tokenize(name string, src []byte) (token.Tokens, error) {
	if int64(len(src)) > l.MaxBytes {
		line, col := byteLineColumn(src, int(l.MaxBytes))
		return nil, &ConfigError{Path: name, Line: line, Column: col, Msg: fmt.Sprintf(
			"the file goes on past %s, the limit for a config file (a citelint config is a few lines); "+
				"if this really is the config, raise the limit with %s=<bytes>",
			formatSize(l.MaxBytes), EnvMaxConfigBytes)}
	}
	// As lexer.Tokenize does, scan to the end whatever errors come: an
	// invalid token among the tokens makes the parser refuse them all.
	var s scanner.Scanner
	s.Init(string(src))
	var all token.Tokens
	var d depthMeter
	for {
		tokens, err := s.Scan()
		if errors.Is(err, io.EOF) {
			return all, nil
		}
		for _, tk := range tokens {
			all.Add(tk)
			if tk.Type == token.InvalidType {
				return all, nil // the parser stops at it and says where
			}
			if d.add(tk) > l.MaxDepth {
				return nil, &ConfigError{Path: name, Line: d.at.Line, Column: d.at.Column, Msg: fmt.Sprintf(
					"nested more than %d levels deep here, the limit for a config file (a citelint config nests four or five); "+
						"if this really is the config, raise the limit with %s=<levels>",
					l.MaxDepth, EnvMaxConfigDepth)}
			}
		}
	}
}

// byteLineColumn returns the 1-based line and column (in code points) of
// offset in src.
func byteLineColumn(src []byte, offset int) (int, int) {
	offset = min(offset, len(src))
	lineStart := bytes.LastIndexByte(src[:offset], '\n') + 1
	return 1 + bytes.Count(src[:offset], []byte("\n")), 1 + utf8.RuneCount(src[lineStart:offset])
}

// formatSize writes a byte count the way the limits are documented.
func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// depthMeter follows the nesting of collections through a stream of YAML
// tokens: flow collections by their brackets, block collections by the
// columns of their "-" entries and "key:" pairs.
type depthMeter struct {
	flow  int
	block []blockLevel
	prev  *token.Token    // the last token that is not a comment
	at    *token.Position // where the last level opened: a bracket, "-" or key
}

// blockLevel is an open block collection: a sequence or a mapping, at the
// column its entries start.
type blockLevel struct {
	column int
	seq    bool
}

// add takes the next token and returns the nesting depth where it stands.
func (d *depthMeter) add(tk *token.Token) int {
	if tk.Type == token.CommentType {
		return len(d.block) + d.flow
	}
	prev := d.prev
	d.prev = tk
	d.at = tk.Position
	switch tk.Type {
	case token.DocumentHeaderType, token.DocumentEndType:
		d.flow, d.block = 0, d.block[:0]
	case token.SequenceStartType, token.MappingStartType:
		d.flow++
	case token.SequenceEndType, token.MappingEndType:
		d.flow = max(d.flow-1, 0)
	case token.SequenceEntryType:
		if d.flow == 0 {
			d.open(tk.Position.Column, true)
		}
	case token.MappingKeyType:
		if d.flow == 0 {
			d.open(tk.Position.Column, false)
		}
	case token.MappingValueType:
		if d.flow == 0 {
			if prev != nil && prev.Position.Line == tk.Position.Line {
				d.at = prev.Position // where the key starts
			}
			d.open(d.at.Column, false)
		}
	}
	return len(d.block) + d.flow
}

// open records a block entry at column: a sibling of the collection open
// at that column, or a new collection inside the one before. A sequence
// may sit at its parent key's column ("key:\n- a"), so a sequence entry
// at a mapping's column opens a sequence, and a key at that column closes it.
func (d *depthMeter) open(column int, seq bool) {
	for len(d.block) > 0 && d.block[len(d.block)-1].column > column {
		d.block = d.block[:len(d.block)-1]
	}
	if k := len(d.block) - 1; k >= 0 && d.block[k].column == column {
		top := d.block[k]
		switch {
		case top.seq == seq:
			return // another entry of the same collection
		case top.seq && !seq:
			d.block = d.block[:k] // a key after an indentless sequence
			if k > 0 && d.block[k-1].column == column && !d.block[k-1].seq {
				return
			}
		}
	}
	d.block = append(d.block, blockLevel{column, seq})
}

// checkValues refuses a document whose values, counting each value an
// alias repeats as often as it is repeated, number more than the limit:
// a few lines of anchors and aliases can otherwise stand for billions of
// values ("billion laughs"), which decoding would build.
func (l ConfigLimits) checkValues(name string, body ast.Node) error {
	c := valueCounter{anchors: map[string]int{}, limit: l.MaxValues}
	c.count(body)
	if c.at == nil {
		return nil
	}
	return errAt(name, c.at, fmt.Sprintf(
		"the config stands for more than %d values by here (an alias counts the values it repeats), "+
			"the limit for a config file; if this really is the config, raise the limit with %s=<values>",
		l.MaxValues, EnvMaxConfigValues))
}

// valueCounter counts the values a YAML tree stands for, in document
// order. Counts saturate just past the limit, so that exponential
// expansion costs nothing to count.
type valueCounter struct {
	anchors map[string]int // values each anchor stands for
	limit   int
	seen    int      // values so far
	at      ast.Node // where seen first passed the limit
}

// count returns how many values n stands for.
func (c *valueCounter) count(n ast.Node) int {
	if n == nil || c.at != nil {
		return 0
	}
	switch n := n.(type) {
	case *ast.MappingValueNode:
		return c.add(c.count(n.Key), c.count(n.Value))
	case *ast.MappingKeyNode:
		return c.count(n.Value)
	case *ast.TagNode:
		return c.count(n.Value)
	case *ast.AnchorNode:
		size := c.count(n.Value)
		if n.Name != nil {
			c.anchors[n.Name.String()] = size
		}
		return size
	case *ast.AliasNode:
		size := 0
		if n.Value != nil {
			size = c.anchors[n.Value.String()]
		}
		c.note(size, n) // decoding copies the anchor's values here
		return size
	}
	size := 1 // the node itself: a scalar or a collection
	c.note(1, n)
	switch n := n.(type) {
	case *ast.MappingNode:
		for _, kv := range n.Values {
			size = c.add(size, c.count(kv))
		}
	case *ast.SequenceNode:
		for _, v := range n.Values {
			size = c.add(size, c.count(v))
		}
	}
	return size
}

// note adds k values met at n.
func (c *valueCounter) note(k int, n ast.Node) {
	c.seen = c.add(c.seen, k)
	if c.seen > c.limit && c.at == nil {
		c.at = n
	}
}

// add adds counts, saturating just past the limit.
func (c *valueCounter) add(a, b int) int {
	return min(a+b, c.limit+1)
}
