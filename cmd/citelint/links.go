package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"time"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"
)

// linksConfig is the config file's "links" section: how links are checked.
//
//	links:
//	  exclude: ['^https://intranet\.example\.com/']
//	  timeout: 10s
//	  accept: [403]
//	  paywalled-domains: [example-news.com]
//	  cache: .cache/citelint   # relative to the config file; off disables it
type linksConfig struct {
	Exclude           []string                     `yaml:"exclude"`
	Timeout           time.Duration                `yaml:"timeout"`
	ConnectTimeout    time.Duration                `yaml:"connect-timeout"`
	Deadline          time.Duration                `yaml:"deadline"`
	MaxHeaderBytes    int64                        `yaml:"max-header-bytes"`
	MaxURLLength      int                          `yaml:"max-url-length"`
	MaxPageBytes      int64                        `yaml:"max-page-bytes"`
	MaxRedirects      int                          `yaml:"max-redirects"`
	MaxLocalFileBytes int64                        `yaml:"max-local-file-bytes"`
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

// cacheOff is the value of links.cache that turns the cache off.
const cacheOff = "off"

// Validate compiles the exclude patterns and checks the settings the way
// the link checker will, so that mistakes are reported with their place in
// the config file.
func (lc *linksConfig) Validate() error {
	lc.exclude = lc.exclude[:0]
	for _, pattern := range lc.Exclude {
		re, err := regexp.Compile(pattern)
		if err != nil {
			return fmt.Errorf("exclude: %w", err)
		}
		lc.exclude = append(lc.exclude, re)
	}
	if lc.Retries != nil && *lc.Retries < 0 {
		return fmt.Errorf("retries: %d is negative; write 0 for no retries", *lc.Retries)
	}
	for _, d := range []struct {
		key   string
		value time.Duration
	}{{"timeout", lc.Timeout}, {"max-retry-wait", lc.MaxRetryWait}, {"max-age", lc.MaxAge}} {
		if d.value < 0 {
			return fmt.Errorf("%s: %s is negative; write a duration such as 15s", d.key, d.value)
		}
	}
	if lc.MaxLocalFileBytes < 0 {
		return errors.New("max-local-file-bytes must not be negative")
	}
	for _, code := range lc.Accept {
		if code < 100 || code > 999 {
			return fmt.Errorf("accept: %d is not an HTTP status; write numbers from 100 to 999", code)
		}
	}
	_, err := linkcheck.New(lc.checkerConfig())
	return err
}

// checkerConfig maps the section onto the link checker's settings; the
// command line's and the run's settings are added by checkLinks.
func (lc *linksConfig) checkerConfig() linkcheck.Config {
	cfg := linkcheck.Config{
		Timeout:          lc.Timeout,
		ConnectTimeout:   lc.ConnectTimeout,
		Deadline:         lc.Deadline,
		MaxHeaderBytes:   lc.MaxHeaderBytes,
		MaxURLBytes:      lc.MaxURLLength,
		MaxPageBytes:     lc.MaxPageBytes,
		MaxRedirects:     lc.MaxRedirects,
		MaxConcurrency:   lc.MaxConcurrency,
		PerHost:          lc.PerHost,
		MaxRetryWait:     lc.MaxRetryWait,
		UserAgent:        lc.UserAgent,
		Headers:          lc.Headers,
		MaxAge:           lc.MaxAge,
		Accept:           lc.Accept,
		PaywalledDomains: lc.PaywalledDomains,
		Exclude:          lc.exclude,
		AllowPrivate:     lc.AllowPrivate,
		ArchiveAPI:       lc.ArchiveAPI,
		SuggestArchive:   lc.SuggestArchive,
	}
	if lc.Retries != nil {
		cfg.Retries = *lc.Retries
		if cfg.Retries == 0 {
			cfg.Retries = -1 // the checker's "none"
		}
	}
	if lc.MaxRetryWait > 0 && lc.MaxRetryWait < linkcheck.DefaultMinRetryWait {
		// A cap below the usual first wait lowers the first wait too.
		cfg.MinRetryWait = lc.MaxRetryWait
	}
	return cfg
}

// linkOptions returns the link rules' settings for relative links.
func (lc *linksConfig) linkOptions() rules.LinkOptions {
	return rules.LinkOptions{MaxLocalFileBytes: lc.MaxLocalFileBytes}
}

// checkLinks prepares the link rules' facts when a rule that reads link
// results is active (otherwise it returns nil values). Online, it reads and
// parses each input to list its links, keeping no document, then checks
// every distinct URL once before the run. Offline, it checks nothing: the
// rules look each link up in the cache as they meet it, so each input is
// read once. Notes go to standard error, some of them from afterRun, which
// the caller calls once the run is over. configDir is the folder relative
// cache paths are resolved from.
func checkLinks(ctx context.Context, c *cli.Context, lc *linksConfig, configDir string, active []lint.ActiveRule, inputs []lint.Input) (values map[any]any, afterRun func(), err error) {
	afterRun = func() {}
	if !slices.ContainsFunc(active, func(a lint.ActiveRule) bool { return a.Rule.Network }) {
		return nil, afterRun, nil
	}
	stderr := c.App.ErrWriter
	cfg := lc.checkerConfig()
	cfg.Offline = c.Bool("offline")
	cfg.Refresh = isLinksCommand(c) && c.Bool("refresh")
	cfg.AllowPrivate = cfg.AllowPrivate || c.Bool("allow-private")
	cfg.SuggestArchive = cfg.SuggestArchive || c.Bool("suggest-archive")
	if c.IsSet("timeout") {
		if d := c.Duration("timeout"); d > 0 {
			cfg.Deadline = d
		} else {
			return nil, afterRun, errors.New("--timeout must be a positive duration, such as 2m")
		}
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = linkcheck.DefaultUserAgent(versionString())
	}
	cacheDir, err := linkCacheDir(lc.Cache, configDir)
	if err != nil {
		fmt.Fprintf(stderr, "citelint: links are checked without a cache: %v\n", err)
	}
	cfg.CacheDir = cacheDir
	if !c.Bool("quiet") && isTerminal(stderr) {
		cfg.Progress = stderr
	}
	checker, err := linkcheck.New(cfg)
	if err != nil {
		return nil, afterRun, fmt.Errorf("links: %w", err)
	}

	if cfg.Offline {
		cache, warning := checker.CachedLookup()
		if warning != "" {
			fmt.Fprintf(stderr, "citelint: %s\n", warning)
		}
		afterRun = func() {
			if n := cache.NotChecked(); n > 0 && !c.Bool("quiet") {
				fmt.Fprintf(stderr, "citelint: offline: %s not checked (no recent result in the cache; \"citelint links PATH...\" checks them and fills it)\n", plural(n, "link"))
			}
		}
		return rules.CachedLinkValues(cache, lc.linkOptions()), afterRun, nil
	}
	urls := linkTargets(ctx, inputs, c.Int("jobs"))
	results, sum := checker.Check(ctx, urls)
	noteLinkCheck(stderr, sum)
	return rules.LinkValues(results, lc.linkOptions()), afterRun, nil
}

// noteLinkCheck tells the user, once each, what the link check could not
// do: the checker's warnings, and the links left unchecked because the
// network is unavailable (never one report per link).
func noteLinkCheck(w io.Writer, sum linkcheck.Summary) {
	for _, warning := range sum.Warnings {
		fmt.Fprintf(w, "citelint: %s\n", warning)
	}
	if sum.NetworkUnavailable > 0 {
		fmt.Fprintf(w, "citelint: network unavailable: %d links not checked\n", sum.NetworkUnavailable)
	}
	if sum.DeadlinePassed > 0 {
		fmt.Fprintf(w, "citelint: the links deadline passed: %d links not checked (reported as unverifiable)\n", sum.DeadlinePassed)
	}
}

// linkCacheDir returns the cache folder: links.cache resolved from the
// config file's folder, "" for "off", or the user cache folder by default.
func linkCacheDir(setting, configDir string) (string, error) {
	switch {
	case setting == cacheOff:
		return "", nil
	case setting == "":
		return linkcheck.DefaultCacheDir()
	case filepath.IsAbs(setting):
		return setting, nil
	}
	return filepath.Join(configDir, setting), nil
}

// linkTargets reads and parses the inputs, jobs at a time, and returns the
// distinct URLs they link to in input order. Documents are dropped as soon
// as their links are listed, so memory stays proportional to the largest
// file. Inputs that cannot be read or parsed are skipped: the run reports
// them.
func linkTargets(ctx context.Context, inputs []lint.Input, jobs int) []string {
	perInput := make([][]string, len(inputs))
	(&lint.Runner{Jobs: jobs}).Each(ctx, inputs, func(i int, doc *lint.Document, err error) {
		if err == nil {
			perInput[i] = rules.LinkTargets(doc)
		}
	})
	var urls []string
	seen := make(map[string]bool)
	for _, list := range perInput {
		for _, u := range list {
			if !seen[u] {
				seen[u] = true
				urls = append(urls, u)
			}
		}
	}
	return urls
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
