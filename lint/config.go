package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"

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
		return nil, errAt(name, f.Docs[0].Body, "expected a mapping with keys rules, ignore"+sectionList(sections))
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
		case key == "ignore":
			if err := decodeStrict(name, kv.Value, &c.Ignore, "a list of glob patterns"); err != nil {
				return nil, err
			}
			for _, p := range c.Ignore {
				if !doublestar.ValidatePattern(p) {
					return nil, errAt(name, kv.Value, fmt.Sprintf("ignore: bad glob pattern %q", p))
				}
			}
		case sections[key] != nil:
			if err := decodeStrict(name, kv.Value, sections[key], "a mapping"); err != nil {
				return nil, err
			}
			if v, ok := sections[key].(interface{ Validate() error }); ok {
				if err := v.Validate(); err != nil {
					return nil, errAt(name, kv.Value, fmt.Sprintf("%s: %v", key, err))
				}
			}
		default:
			return nil, errAt(name, kv.Key, fmt.Sprintf("unknown key %q: expected rules, ignore%s", key, sectionList(sections)))
		}
	}
	return c, nil
}

func sectionList(sections map[string]any) string {
	var b strings.Builder
	for k := range sections {
		b.WriteString(" or ")
		b.WriteString(k)
	}
	return b.String()
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
		field, want := optionField(opts, key)
		if !field.IsValid() {
			return s, errAt(name, kv.Key, fmt.Sprintf("rule %s: unknown option %q%s", r.ID, key, optionNames(opts)))
		}
		if err := decodeStrict(name, kv.Value, field.Addr().Interface(), want); err != nil {
			var ce *ConfigError
			if errors.As(err, &ce) {
				ce.Msg = fmt.Sprintf("rule %s: option %s: %s", r.ID, key, ce.Msg)
			}
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
func optionField(opts Options, key string) (reflect.Value, string) {
	if opts == nil {
		return reflect.Value{}, ""
	}
	v := reflect.ValueOf(opts).Elem()
	t := v.Type()
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name == key {
			return v.Field(i), describeType(t.Field(i).Type)
		}
	}
	return reflect.Value{}, ""
}

func optionNames(opts Options) string {
	if opts == nil {
		return ": this rule takes only severity"
	}
	t := reflect.TypeOf(opts).Elem()
	var names []string
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return ": expected severity, " + strings.Join(names, ", ")
}

func describeType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "a number"
	case reflect.String:
		return "text"
	case reflect.Slice:
		return "a list of " + strings.TrimPrefix(describeType(t.Elem()), "a ") + "s"
	case reflect.Map:
		return "a mapping"
	}
	return "a " + t.String()
}

// decodeStrict decodes a node into v, refusing unknown fields; want says
// in words what was expected.
func decodeStrict(name string, n ast.Node, v any, want string) error {
	if err := yaml.NodeToValue(n, v, yaml.DisallowUnknownField(), yaml.Strict()); err != nil {
		if strings.Contains(err.Error(), "unknown field") {
			return yamlError(name, err, "")
		}
		return errAt(name, n, "expected "+want)
	}
	return nil
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
	if len(c.Ignore) == 0 {
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
	for _, pat := range c.Ignore {
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
