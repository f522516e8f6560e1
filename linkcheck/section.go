package linkcheck

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/citelint/citelint/extract"
)

// Section is the config file's "links" section: how links are checked.
// The link checker owns it, so that its keys, its checks and the defaults
// "citelint init" writes (CommentedDefaults) come from the same values.
//
//	links:
//	  exclude: ['^https://intranet\.example\.com/']
//	  timeout: 10s
//	  accept: [403]
//	  paywalled-domains: [example-news.com]
//	  cache: .cache/citelint   # relative to the config file; off disables it
type Section struct {
	Exclude           []string                     `yaml:"exclude"`
	Timeout           time.Duration                `yaml:"timeout"`
	ConnectTimeout    time.Duration                `yaml:"connect-timeout"`
	Deadline          time.Duration                `yaml:"deadline"`
	MaxHeaderBytes    int64                        `yaml:"max-header-bytes"`
	MaxURLLength      int                          `yaml:"max-url-length"`
	MaxPageBytes      int64                        `yaml:"max-page-bytes"`
	MaxTextPageBytes  int64                        `yaml:"max-text-page-bytes"` // pages whose text the rules read
	MaxTextBytes      int                          `yaml:"max-text-bytes"`      // text kept of one page
	MaxPDFPages       int                          `yaml:"max-pdf-pages"`
	MaxHTMLElements   int                          `yaml:"max-html-elements"` // handed to readability
	PDFTimeout        time.Duration                `yaml:"pdf-timeout"`
	MaxRedirects      int                          `yaml:"max-redirects"`
	MaxLocalFileBytes int64                        `yaml:"max-local-file-bytes"` // read by the link rules, for relative links
	MaxConcurrency    int                          `yaml:"max-concurrency"`
	PerHost           int                          `yaml:"per-host"`
	Retries           *int                         `yaml:"retries"` // nil: the default; 0: none
	MaxRetryWait      time.Duration                `yaml:"max-retry-wait"`
	UserAgent         string                       `yaml:"user-agent"`
	Headers           map[string]map[string]string `yaml:"headers"`
	Cache             string                       `yaml:"cache"`
	MaxAge            time.Duration                `yaml:"max-age"`
	Accept            []int                        `yaml:"accept"`
	PaywalledDomains  []string                     `yaml:"paywalled-domains"`
	AllowPrivate      bool                         `yaml:"allow-private"`
	ArchiveAPI        string                       `yaml:"archive-api"`
	SuggestArchive    bool                         `yaml:"suggest-archive"`

	exclude []*regexp.Regexp // Exclude compiled by Validate
}

// CacheOff is the value of links.cache that turns the cache off.
const CacheOff = "off"

// Validate compiles the exclude patterns and checks the settings the way
// the link checker will, so that mistakes are reported with their place in
// the config file.
func (s *Section) Validate() error {
	s.exclude = s.exclude[:0]
	for _, pattern := range s.Exclude {
		re, err := regexp.Compile(pattern)
		if err != nil {
			return fmt.Errorf("exclude: %w", err)
		}
		s.exclude = append(s.exclude, re)
	}
	if s.Retries != nil && *s.Retries < 0 {
		return fmt.Errorf("retries: %d is negative; write 0 for no retries", *s.Retries)
	}
	for _, d := range []struct {
		key   string
		value time.Duration
	}{{"timeout", s.Timeout}, {"max-retry-wait", s.MaxRetryWait}, {"max-age", s.MaxAge}} {
		if d.value < 0 {
			return fmt.Errorf("%s: %s is negative; write a duration such as 15s", d.key, d.value)
		}
	}
	if s.MaxLocalFileBytes < 0 {
		return errors.New("max-local-file-bytes must not be negative")
	}
	if s.MaxTextBytes < 0 || s.MaxPDFPages < 0 || s.MaxHTMLElements < 0 || s.PDFTimeout < 0 {
		return errors.New("max-text-bytes, max-pdf-pages, max-html-elements and pdf-timeout must not be negative")
	}
	for _, code := range s.Accept {
		if code < 100 || code > 999 {
			return fmt.Errorf("accept: %d is not an HTTP status; write numbers from 100 to 999", code)
		}
	}
	_, err := New(s.CheckerConfig())
	return err
}

// CheckerConfig maps the section onto the link checker's settings; the
// run's own settings (offline, refresh, cache folder, progress) are the
// caller's to add.
func (s *Section) CheckerConfig() Config {
	cfg := Config{
		Timeout:          s.Timeout,
		ConnectTimeout:   s.ConnectTimeout,
		Deadline:         s.Deadline,
		MaxHeaderBytes:   s.MaxHeaderBytes,
		MaxURLBytes:      s.MaxURLLength,
		MaxPageBytes:     s.MaxPageBytes,
		MaxTextPageBytes: s.MaxTextPageBytes,
		TextLimits: extract.Limits{
			MaxTextBytes: s.MaxTextBytes, MaxPDFPages: s.MaxPDFPages,
			MaxElements: s.MaxHTMLElements, Timeout: s.PDFTimeout,
		},
		MaxRedirects:     s.MaxRedirects,
		MaxConcurrency:   s.MaxConcurrency,
		PerHost:          s.PerHost,
		MaxRetryWait:     s.MaxRetryWait,
		UserAgent:        s.UserAgent,
		Headers:          s.Headers,
		MaxAge:           s.MaxAge,
		Accept:           s.Accept,
		PaywalledDomains: s.PaywalledDomains,
		Exclude:          s.exclude,
		AllowPrivate:     s.AllowPrivate,
		ArchiveAPI:       s.ArchiveAPI,
		SuggestArchive:   s.SuggestArchive,
	}
	if s.Retries != nil {
		cfg.Retries = *s.Retries
		if cfg.Retries == 0 {
			cfg.Retries = -1 // the checker's "none"
		}
	}
	if s.MaxRetryWait > 0 && s.MaxRetryWait < DefaultMinRetryWait {
		// A cap below the usual first wait lowers the first wait too.
		cfg.MinRetryWait = s.MaxRetryWait
	}
	return cfg
}

// CacheFolder returns the cache folder: links.cache resolved from the
// config file's folder, "" for "off", or the user cache folder by default.
func (s *Section) CacheFolder(configDir string) (string, error) {
	switch {
	case s.Cache == CacheOff:
		return "", nil
	case s.Cache == "":
		return DefaultCacheDir()
	case filepath.IsAbs(s.Cache):
		return s.Cache, nil
	}
	return filepath.Join(configDir, s.Cache), nil
}

// DefaultMaxLocalFileBytes is the default of links.max-local-file-bytes:
// what the link rules read at most of a Markdown file a relative link
// points into.
const DefaultMaxLocalFileBytes = 10 << 20

// CommentedDefaults documents the links section for "citelint init": every
// key with the default the checker applies, commented out. It is built
// from the Default constants, so the file written never disagrees with
// the code.
func CommentedDefaults() string {
	var b strings.Builder
	line := func(key, value, comment string) {
		l := "#   " + key + ": " + value
		if comment != "" {
			l = fmt.Sprintf("%-26s # %s", l, comment)
		}
		b.WriteString(l + "\n")
	}
	b.WriteString("\n# How links are checked (the defaults, commented out):\n# links:\n")
	line("exclude", "[]", "regexps of URLs not to check")
	line("accept", "[]", "HTTP statuses to treat as fine, e.g. [403]")
	line("paywalled-domains", "[]", "domains to report as paywalled (at info)")
	line("timeout", yamlDuration(DefaultTimeout), "")
	line("connect-timeout", yamlDuration(DefaultConnectTimeout), "connecting and waiting for the response headers")
	line("deadline", "0s", "the whole link check; 0 for none")
	line("retries", strconv.Itoa(DefaultRetries), "0 for none; a timeout is retried once at most")
	line("max-retry-wait", yamlDuration(DefaultMaxRetryWait), "a longer Retry-After is not waited for")
	line("max-header-bytes", strconv.Itoa(DefaultMaxHeaderBytes), "")
	line("max-url-length", strconv.Itoa(DefaultMaxURLBytes), "")
	line("max-page-bytes", strconv.Itoa(DefaultMaxPageBytes), "")
	line("max-text-page-bytes", strconv.Itoa(DefaultMaxTextPageBytes), "pages whose text is checked against a claim")
	line("max-text-bytes", strconv.Itoa(extract.DefaultMaxTextBytes), "text kept of one such page")
	line("max-pdf-pages", strconv.Itoa(extract.DefaultMaxPDFPages), "")
	line("max-html-elements", strconv.Itoa(extract.DefaultMaxElements), "past it, main text without readability")
	line("pdf-timeout", yamlDuration(extract.DefaultTimeout), "reading one PDF's text")
	line("max-redirects", strconv.Itoa(DefaultMaxRedirects), "")
	line("max-local-file-bytes", strconv.Itoa(DefaultMaxLocalFileBytes), "")
	line("per-host", strconv.Itoa(DefaultPerHost), "requests in flight per host")
	line("max-concurrency", strconv.Itoa(DefaultMaxConcurrency), "")
	line("cache", `""`, `a folder relative to this file; "`+CacheOff+`" for none; default: the user cache folder`)
	line("max-age", yamlDuration(DefaultMaxAge), "")
	line("headers", "{}", `per domain, sent over HTTPS only, e.g. {example.com: {Authorization: "Bearer …"}}`)
	line("user-agent", `""`, "default: "+DefaultUserAgent("VERSION"))
	line("allow-private", "false", "")
	line("suggest-archive", "false", "")
	return b.String()
}

// yamlDuration writes a whole number of hours, minutes or seconds as
// people write it (24h, not 24h0m0s).
func yamlDuration(d time.Duration) string {
	switch {
	case d%time.Hour == 0 && d != 0:
		return strconv.Itoa(int(d/time.Hour)) + "h"
	case d%time.Minute == 0 && d != 0:
		return strconv.Itoa(int(d/time.Minute)) + "m"
	}
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + "s"
}
