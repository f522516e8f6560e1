package check

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"

	"github.com/citelint/citelint/internal/english"
	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
)

// runChecker makes the run's link checker when a rule that reads link
// results is active (nil otherwise). It is made before the inputs are
// listed, so that the cache's verdicts load (linkcheck.VerdictCache.Preload)
// while the folders are walked rather than while the rules wait for them.
func (l *Linter) runChecker() (*linkcheck.Checker, error) {
	if !slices.ContainsFunc(l.active, func(a lint.ActiveRule) bool { return a.Rule.Network || a.Rule.NeedsPageText }) {
		return nil, nil
	}
	keepText := slices.ContainsFunc(l.active, func(a lint.ActiveRule) bool { return a.Rule.NeedsPageText })
	checker, _, err := l.linkChecker(keepText, l.opts.Links != LinksOnline)
	return checker, err
}

// prepareLinks prepares the link rules' facts with the run's checker
// (runChecker's; when nil, it returns nil values and the inputs as they
// are).
//
// Online, every input is read and parsed here, its links listed, and
// every distinct URL checked once before the rules run; the returned
// inputs hand the parsed documents to the runner, so that no file is read
// or parsed twice. The documents are held until the run, up to
// Options.MaxHeldSource bytes of source in all; past it, a document is
// dropped once its links are listed and read again by the run, so that a
// huge tree costs a second read rather than unbounded memory.
//
// Offline, it checks nothing: the rules look each link up in the cache as
// they meet it, so each input is read once by the run. afterRun, called
// once the run is over, says what the cache could not answer.
func (l *Linter) prepareLinks(ctx context.Context, checker *linkcheck.Checker, runner *lint.Runner, inputs []lint.Input) (values map[any]any, checkInputs []lint.Input, afterRun func()) {
	afterRun = func() {}
	if checker == nil {
		return nil, inputs, afterRun
	}
	linkOpts := rules.LinkOptions{MaxLocalFileBytes: l.links.MaxLocalFileBytes}
	// The verdicts the rules reached about page texts are kept for the
	// next run once the run is over.
	saveVerdicts := func() {
		if err := checker.SaveVerdicts(); err != nil {
			l.notify(true, err.Error())
		}
	}

	if l.opts.Links != LinksOnline { // offline, as runChecker made the checker
		cache, warning := checker.CachedLookup()
		if warning != "" {
			l.notify(true, warning)
		}
		afterRun = func() {
			saveVerdicts()
			if n := cache.NotChecked(); n > 0 {
				l.notify(false, fmt.Sprintf("offline: %s not checked (no recent result in the cache; \"citelint links PATH...\" checks them and fills it)", english.Count(n, "link")))
			}
		}
		return rules.CachedLinkValues(cache, linkOpts), inputs, afterRun
	}
	urls, checkInputs := linkTargets(ctx, runner, inputs, l.opts.MaxHeldSource)
	results, sum := checker.Check(ctx, urls)
	for _, n := range linkCheckNotes(sum) {
		l.notify(true, n)
	}
	return rules.LinkValues(results, linkOpts), checkInputs, saveVerdicts
}

// linkChecker makes the run's link checker: the links section's
// settings, then the run's own (offline, refresh, cache folder, progress),
// keeping page text when asked.
func (l *Linter) linkChecker(keepText, offline bool) (*linkcheck.Checker, linkcheck.Config, error) {
	o := &l.opts
	cfg := l.links.CheckerConfig()
	cfg.Offline = offline
	cfg.Refresh = o.Refresh
	cfg.KeepText = keepText
	cfg.AllowPrivate = cfg.AllowPrivate || o.AllowPrivate
	cfg.SuggestArchive = cfg.SuggestArchive || o.SuggestArchive
	if o.LinkDeadline > 0 {
		cfg.Deadline = o.LinkDeadline
	}
	if cfg.Deadline <= 0 && l.published {
		cfg.Deadline = publishedLinkDeadline
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = linkcheck.DefaultUserAgent(o.Version)
	}
	cacheDir, err := l.links.CacheFolder(l.cfg.Dir)
	if err != nil {
		l.notify(true, fmt.Sprintf("links are checked without a cache: %v", err))
	}
	cfg.CacheDir = cacheDir
	cfg.Progress = o.LinkProgress
	checker, err := linkcheck.New(cfg)
	if err != nil {
		return nil, cfg, fmt.Errorf("links: %w", err)
	}
	return checker, cfg, nil
}

// linkCheckNotes says, once each, what the link check could not do: the
// checker's warnings, and the links left unchecked because the network is
// unavailable (never one note per link).
func linkCheckNotes(sum linkcheck.Summary) []string {
	notes := slices.Clone(sum.Warnings)
	if sum.NetworkUnavailable > 0 {
		notes = append(notes, fmt.Sprintf("network unavailable: %d links not checked", sum.NetworkUnavailable))
	}
	if sum.DeadlinePassed > 0 {
		notes = append(notes, fmt.Sprintf("the links deadline passed: %d links not checked (reported as unverifiable)", sum.DeadlinePassed))
	}
	return notes
}

// linkTargets reads and parses the inputs, as the runner will check them,
// and returns the distinct URLs they link to in input order, with inputs
// that hand the runner each parsed document (or the error that kept it
// from being read or parsed) while the documents held stay within
// maxHeld bytes of source.
func linkTargets(ctx context.Context, runner *lint.Runner, inputs []lint.Input, maxHeld int64) ([]string, []lint.Input) {
	if maxHeld <= 0 {
		maxHeld = DefaultMaxHeldSource
	}
	perInput := make([][]string, len(inputs))
	parsed := slices.Clone(inputs)
	var held atomic.Int64
	runner.Each(ctx, inputs, func(i int, doc *lint.Document, err error) {
		if err != nil {
			parsed[i].Read, parsed[i].Parsed = func() ([]byte, error) { return nil, err }, nil
			return
		}
		perInput[i] = rules.LinkTargets(doc)
		if held.Add(int64(len(doc.Source))) <= maxHeld {
			parsed[i].Parsed = doc
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
	return urls, parsed
}
