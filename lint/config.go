package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// ConfigNames are the file names citelint looks for, in order.
var ConfigNames = []string{".citelint.yml", ".citelint.yaml"}

// Config is citelint's configuration.
//
//	rules:
//	  citation-needed-marker: error            # a severity, or off
//	  uncited-number: {severity: warning, reach: paragraph}
//	ignore: ["CHANGELOG.md", "vendor/**"]
type Config struct {
	// Path is the file the config was read from; empty for the defaults.
	Path string
	// Dir is the directory ignore patterns are relative to.
	Dir string
	// Rules holds the settings of the rules the file names.
	Rules map[string]RuleSetting
	// Ignore holds glob patterns (doublestar syntax) of paths not to check.
	Ignore []string
	// Include holds glob patterns of files a folder walk checks beyond
	// Markdown, such as plain-text drafts ("notes/**/*.txt").
	Include []string
}

// RuleSetting is the configuration of one rule.
type RuleSetting struct {
	Off      bool
	Severity Severity // 0 keeps the rule's default
	Options  Options  // nil keeps the rule's defaults
}

// ConfigError is a problem in a config file, with its place.
type ConfigError struct {
	Path         string
	Line, Column int
	Msg          string
}

func (e *ConfigError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("config %s: %s", e.Path, e.Msg)
	}
	return fmt.Sprintf("config %s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
}

// FindConfig looks for a config file in dir and its parents, stopping at
// the root of the repository (a directory holding .git). It returns "" when
// there is none.
func FindConfig(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		for _, name := range ConfigNames {
			p := filepath.Join(dir, name)
			if _, err := os.Stat(p); err == nil {
				return p, nil
			} else if !errors.Is(err, fs.ErrNotExist) {
				return "", err
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// LoadConfig reads and validates a config file against the known rules,
// within the default limits (see ConfigLimits). sections maps further
// top-level keys to pointers to structs they decode into strictly (the
// link checker's "links", for one).
func LoadConfig(file string, rules []*Rule, sections map[string]any) (*Config, error) {
	return ConfigLimits{}.Load(file, rules, sections)
}

// ParseConfig is LoadConfig on bytes already read; name is used in errors.
func ParseConfig(name, dir string, src []byte, rules []*Rule, sections map[string]any) (*Config, error) {
	return ConfigLimits{}.Parse(name, dir, src, rules, sections)
}

// Parse is ParseConfig within the limits l.
func (l ConfigLimits) Parse(name, dir string, src []byte, rules []*Rule, sections map[string]any) (c *Config, err error) {
	defer recoverYAMLPanic(name, &c, &err)
	c = &Config{Path: name, Dir: dir, Rules: map[string]RuleSetting{}}
	f, err := l.parseYAML(name, src)
	if err != nil {
		return nil, err
	}
	if len(f.Docs) == 0 || f.Docs[0] == nil || f.Docs[0].Body == nil {
		return c, nil // an empty file keeps every default
	}
	if len(f.Docs) > 1 {
		return nil, errAt(name, f.Docs[1], "a config holds one YAML document")
	}
	top, ok := f.Docs[0].Body.(*ast.MappingNode)
	if !ok {
		return nil, errAt(name, f.Docs[0].Body, "expected a mapping with keys "+orList(topKeys(sections)))
	}
	byID := make(map[string]*Rule, len(rules))
	for _, r := range rules {
		byID[r.ID] = r
	}
	for _, kv := range top.Values {
		key := kv.Key.String()
		switch {
		case key == "rules":
			if err := c.decodeRules(name, kv.Value, byID); err != nil {
				return nil, err
			}
		case key == "ignore" || key == "include":
			list := &c.Ignore
			if key == "include" {
				list = &c.Include
			}
			if err := decodeValue(name, key, kv.Value, reflect.ValueOf(list).Elem()); err != nil {
				return nil, err
			}
			for _, p := range *list {
				if !doublestar.ValidatePattern(p) {
					return nil, errAt(name, kv.Value, fmt.Sprintf("%s: bad glob pattern %q", key, p))
				}
			}
		case sections[key] != nil:
			if err := decodeValue(name, key, kv.Value, reflect.ValueOf(sections[key]).Elem()); err != nil {
				return nil, err
			}
			if v, ok := sections[key].(interface{ Validate() error }); ok {
				if err := v.Validate(); err != nil {
					return nil, validationError(name, key, kv.Value, err)
				}
			}
		default:
			return nil, unknownKey(name, kv.Key, "", key, topKeys(sections))
		}
	}
	return c, nil
}

// validationError places a section's validation error: an error that
// starts with one of the section's keys ("retries: …") points at that key's
// value and reads as "links.retries: …"; others point at the section.
func validationError(name, section string, n ast.Node, err error) error {
	if m, ok := n.(*ast.MappingNode); ok {
		if k, rest, found := strings.Cut(err.Error(), ": "); found {
			for _, kv := range m.Values {
				if kv.Key.String() == k {
					return errAt(name, kv.Value, section+"."+k+": "+rest)
				}
			}
		}
	}
	return errAt(name, n, fmt.Sprintf("%s: %v", section, err))
}

// topKeys lists the keys a config file takes at the top level.
func topKeys(sections map[string]any) []string {
	var extra []string
	for k := range sections {
		extra = append(extra, k)
	}
	slices.Sort(extra)
	return append([]string{"rules", "ignore", "include"}, extra...)
}

func (c *Config) decodeRules(name string, n ast.Node, byID map[string]*Rule) error {
	if _, null := n.(*ast.NullNode); null {
		return nil
	}
	m, ok := n.(*ast.MappingNode)
	if !ok {
		return errAt(name, n, "rules: expected a mapping of rule IDs to a severity (error, warning, info, off) or to {severity: …, options…}")
	}
	for _, kv := range m.Values {
		id := kv.Key.String()
		r := byID[id]
		if r == nil {
			return errAt(name, kv.Key, fmt.Sprintf("unknown rule %q: run \"citelint rules\" for the list", id))
		}
		s, err := decodeRule(name, r, kv)
		if err != nil {
			return err
		}
		c.Rules[id] = s
	}
	return nil
}

func decodeRule(name string, r *Rule, kv *ast.MappingValueNode) (RuleSetting, error) {
	var s RuleSetting
	n := kv.Value
	if str, ok := scalarString(n); ok {
		err := s.setSeverity(str)
		if err != nil {
			return s, errAt(name, n, fmt.Sprintf("rule %s: %v", r.ID, err))
		}
		return s, nil
	}
	m, ok := n.(*ast.MappingNode)
	if !ok {
		return s, errAt(name, n, fmt.Sprintf("rule %s: expected a severity (error, warning, info, off) or a mapping", r.ID))
	}
	var opts Options
	if r.DefaultOptions != nil {
		opts = r.DefaultOptions()
	}
	for _, kv := range m.Values {
		key := kv.Key.String()
		if key == "severity" {
			str, _ := scalarString(kv.Value)
			if err := s.setSeverity(str); err != nil {
				return s, errAt(name, kv.Value, fmt.Sprintf("rule %s: %v", r.ID, err))
			}
			continue
		}
		field := optionField(opts, key)
		if !field.IsValid() {
			return s, unknownKey(name, kv.Key, "rules."+r.ID, key, append([]string{"severity"}, optionNames(opts)...))
		}
		if err := decodeValue(name, "rules."+r.ID+"."+key, kv.Value, field); err != nil {
			return s, err
		}
	}
	if opts != nil {
		if err := opts.Validate(); err != nil {
			return s, errAt(name, kv.Key, fmt.Sprintf("rule %s: %v", r.ID, err))
		}
		s.Options = opts
	}
	return s, nil
}

func (s *RuleSetting) setSeverity(str string) error {
	if strings.EqualFold(str, "off") {
		s.Off = true
		return nil
	}
	sev, err := ParseSeverity(str)
	if err != nil {
		return fmt.Errorf("unknown severity %q: use error, warning, info or off", str)
	}
	s.Severity = sev
	return nil
}

func scalarString(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.StringNode:
		return n.Value, true
	case *ast.BoolNode:
		// YAML 1.1 reads a bare off as false.
		if !n.Value {
			return "off", true
		}
	}
	return "", false
}

// optionField finds the field of the options struct tagged with key.
func optionField(opts Options, key string) reflect.Value {
	if opts == nil {
		return reflect.Value{}
	}
	return fieldByKey(reflect.ValueOf(opts).Elem(), key)
}

// fieldByKey returns the field of struct v whose yaml tag is key.
func fieldByKey(v reflect.Value, key string) reflect.Value {
	t := v.Type()
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name == key && t.Field(i).IsExported() {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}

func optionNames(opts Options) []string {
	if opts == nil {
		return nil
	}
	return keysOf(reflect.TypeOf(opts).Elem())
}

// keysOf lists the yaml keys of a struct type's fields.
func keysOf(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" && t.Field(i).IsExported() {
			names = append(names, name)
		}
	}
	return names
}

// unknownKey is the one wording for a key citelint does not know, at the
// top level (where "") or inside a section or rule.
func unknownKey(name string, n ast.Node, where, key string, known []string) error {
	in := ""
	if where != "" {
		in = " in " + where
	}
	return errAt(name, n, fmt.Sprintf("unknown key %q%s: expected %s", key, in, orList(known)))
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

var durationType = reflect.TypeOf(time.Duration(0))

// decodeValue decodes node n into v, which key names in messages
// ("links.timeout"). Structs are decoded key by key and lists item by item,
// so that a mistake names the key, the value and what is expected.
func decodeValue(name, key string, n ast.Node, v reflect.Value) error {
	if _, null := n.(*ast.NullNode); null {
		return nil // an empty setting keeps the default
	}
	bad := func(format string, args ...any) error {
		return errAt(name, n, key+": "+fmt.Sprintf(format, args...))
	}
	t := v.Type()
	switch {
	case t == durationType:
		text, ok := scalarText(n)
		d, err := time.ParseDuration(text)
		if !ok || err != nil {
			return bad("%s is not a duration; write %s", shown(n), durationHint(text))
		}
		v.SetInt(int64(d))
		return nil
	case t.Kind() == reflect.Pointer:
		elem := reflect.New(t.Elem())
		if err := decodeValue(name, key, n, elem.Elem()); err != nil {
			return err
		}
		v.Set(elem)
		return nil
	case t.Kind() == reflect.Struct:
		m, ok := n.(*ast.MappingNode)
		if !ok {
			return bad("%s is not a mapping; write keys such as %s", shown(n), orList(keysOf(t)))
		}
		for _, kv := range m.Values {
			k := kv.Key.String()
			field := fieldByKey(v, k)
			if !field.IsValid() {
				return unknownKey(name, kv.Key, key, k, keysOf(t))
			}
			if err := decodeValue(name, key+"."+k, kv.Value, field); err != nil {
				return err
			}
		}
		return nil
	case t.Kind() == reflect.Slice:
		seq, ok := n.(*ast.SequenceNode)
		if !ok {
			if text, scalar := scalarText(n); scalar {
				return bad("%s is one value where a list belongs; write [%s]", shown(n), text)
			}
			return bad("%s is not a list; write %s", shown(n), describeType(t))
		}
		list := reflect.MakeSlice(t, len(seq.Values), len(seq.Values))
		for i, item := range seq.Values {
			if err := decodeValue(name, fmt.Sprintf("%s[%d]", key, i), item, list.Index(i)); err != nil {
				return err
			}
		}
		v.Set(list)
		return nil
	case t.Kind() == reflect.Bool:
		b, ok := n.(*ast.BoolNode)
		if !ok {
			return bad("%s is not a boolean; write true or false", shown(n))
		}
		v.SetBool(b.Value)
		return nil
	}
	if err := yaml.NodeToValue(n, v.Addr().Interface(), yaml.DisallowUnknownField(), yaml.Strict()); err != nil {
		return bad("%s is not %s", shown(n), describeType(t))
	}
	return nil
}

// scalarText returns a scalar node's text as written.
func scalarText(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.StringNode:
		return n.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode, *ast.LiteralNode:
		return n.GetToken().Value, true
	}
	return "", false
}

// shown renders a value for a message: a scalar quoted as written, other
// nodes by what they are.
func shown(n ast.Node) string {
	if text, ok := scalarText(n); ok {
		return strconv.Quote(text)
	}
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	}
	return strconv.Quote(n.String())
}

var daysOrNumber = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*(d|days?|w|weeks?|)\s*$`)

// durationHint suggests how to write a duration the user meant: a bare
// number as seconds, days and weeks as hours.
func durationHint(text string) string {
	const generic = "a number with a unit: 15s, 10m or 24h"
	m := daysOrNumber.FindStringSubmatch(text)
	if m == nil {
		return generic
	}
	n, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return generic
	}
	switch m[2] {
	case "":
		return m[1] + "s"
	case "d", "day", "days":
		return strconv.FormatFloat(n*24, 'f', -1, 64) + "h"
	}
	return strconv.FormatFloat(n*24*7, 'f', -1, 64) + "h"
}

func describeType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	case reflect.Float64:
		return "a number"
	case reflect.String:
		return "text"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "a list, as in [a, b]"
		}
		return "a list of " + strings.TrimPrefix(describeType(t.Elem()), "a ") + "s"
	case reflect.Map:
		return "a mapping"
	}
	return "a " + t.String()
}

// trimYAMLPosition drops go-yaml's "[line:col] " prefix and source excerpt.
func trimYAMLPosition(msg string) string {
	msg, _, _ = strings.Cut(msg, "\n")
	if i := strings.Index(msg, "] "); strings.HasPrefix(msg, "[") && i >= 0 {
		msg = msg[i+2:]
	}
	return msg
}

func errAt(name string, n ast.Node, msg string) error {
	e := &ConfigError{Path: name, Msg: msg}
	if n != nil && n.GetToken() != nil {
		e.Line, e.Column = n.GetToken().Position.Line, n.GetToken().Position.Column
	}
	return e
}

// yamlError turns a go-yaml error into a ConfigError at the place go-yaml
// names; prefix goes before its message.
func yamlError(name string, err error, prefix string) error {
	e := &ConfigError{Path: name, Msg: prefix + trimYAMLPosition(err.Error())}
	// go-yaml puts the place first: "[line:column] message".
	if _, scanErr := fmt.Sscanf(err.Error(), "[%d:%d]", &e.Line, &e.Column); scanErr != nil {
		e.Line, e.Column = 0, 0
	}
	return e
}

// Ignored reports whether a path (relative to the working directory or
// absolute) matches an ignore pattern. Patterns are relative to the config
// file's directory; a pattern without a slash matches a name at any depth.
func (c *Config) Ignored(p string) bool {
	return c.matches(c.Ignore, p)
}

// Included reports whether a path matches an include pattern; patterns
// are read as ignore patterns are.
func (c *Config) Included(p string) bool {
	return c.matches(c.Include, p)
}

func (c *Config) matches(patterns []string, p string) bool {
	if len(patterns) == 0 {
		return false
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		rel = abs
	}
	rel = filepath.ToSlash(rel)
	for _, pat := range patterns {
		if ok, _ := doublestar.Match(pat, rel); ok {
			return true
		}
		if !strings.Contains(pat, "/") {
			if ok, _ := doublestar.Match(pat, path.Base(rel)); ok {
				return true
			}
		}
		// A pattern naming a directory ignores what is under it.
		if ok, _ := doublestar.Match(strings.TrimSuffix(pat, "/")+"/**", rel); ok {
			return true
		}
	}
	return false
}
