package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/schollz/progressbar/v3"
)

// progressThreshold is the number of links above which a progress bar is
// worth showing.
const progressThreshold = 5

// Checker checks links. It is safe for concurrent use; per-host limits are
// shared by all its Check calls.
type Checker struct {
	cfg    Config
	client *retryablehttp.Client
	// transport is the client's per-host layer (tests swap what it wraps).
	transport *politeTransport
	// dialer resolves and connects, and knows whether any name resolved.
	dialer *resolvingDialer
	// cacheDir is where the cache file lives: CacheDir, or its citelint
	// subfolder when CacheDir holds other files; "" without a cache.
	cacheDir string
	// verdicts is the verdict cache beside it (verdicts.go), nil
	// without a cache or when no text is kept.
	verdicts *VerdictCache
}

// New returns a Checker for cfg, with defaults filled in.
func New(cfg Config) (*Checker, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	dialer := &resolvingDialer{
		resolver: cfg.Resolver,
		dialer:   net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: 30 * time.Second},
	}
	if !cfg.AllowPrivate {
		dialer.dialer.Control = newAddressGuard().control
	}
	base := &http.Transport{
		// No proxy: the address guard must see the address really dialled.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          cfg.MaxConcurrency * 2,
		MaxIdleConnsPerHost:   cfg.PerHost,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   cfg.ConnectTimeout,
		ResponseHeaderTimeout: cfg.ConnectTimeout,
		ExpectContinueTimeout: time.Second,
		// Go's default is 10 MB, per response: a redirect with a
		// multi-megabyte Location would be read whole.
		MaxResponseHeaderBytes: cfg.MaxHeaderBytes,
	}
	polite := &politeTransport{
		next:      base,
		perHost:   cfg.PerHost,
		interval:  cfg.MinInterval,
		timeout:   cfg.Timeout,
		firstByte: cfg.ConnectTimeout,
		pauseMin:  cfg.MinRetryWait,
		pauseMax:  cfg.MaxRetryWait,
		hosts:     make(map[string]*hostState),
	}
	client := &retryablehttp.Client{
		HTTPClient: &http.Client{
			Transport: polite,
			// Redirects are followed by fetch, hop by hop, to see each
			// status and to detect loops.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		Logger:       nil,
		RetryWaitMin: cfg.MinRetryWait,
		RetryWaitMax: cfg.MaxRetryWait,
		RetryMax:     cfg.Retries,
		CheckRetry: func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			if resp != nil && rateLimitedBeyond(resp, cfg.MaxRetryWait, time.Now()) {
				return false, nil // not waited for at all: judged as rate limited
			}
			return retryPolicy(ctx, resp, err)
		},
		Backoff:      backoff,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
	cacheDir := ""
	if cfg.CacheDir != "" {
		cacheDir = ownCacheDir(cfg.CacheDir)
	}
	c := &Checker{cfg: cfg, client: client, transport: polite, dialer: dialer, cacheDir: cacheDir}
	if cacheDir != "" && cfg.KeepText {
		c.verdicts = newVerdictCache(cacheDir)
		c.verdicts.Preload()
	}
	return c, nil
}

// errRunDeadline is the cancellation cause when Config.Deadline passes.
var errRunDeadline = errors.New("links deadline passed")

// link is one distinct URL to check.
type link struct {
	key string   // URL without fragment: the identity of the link
	url *url.URL // nil when the URL is malformed
	err error    // why url is nil
}

// Check checks urls and returns a result for each input string (the map is
// keyed by the strings as given, fragments and all), and a summary. Each
// distinct URL is fetched at most once. Check returns early with NotChecked
// results when ctx is done or the configured deadline passes.
func (c *Checker) Check(ctx context.Context, urls []string) (map[string]Result, Summary) {
	if c.cfg.Deadline > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, c.cfg.Deadline, errRunDeadline)
		defer cancel()
	}
	var sum Summary
	links := make(map[string]link)   // by key
	keyOf := make(map[string]string) // input → key
	for _, raw := range urls {
		l := parseLink(raw)
		keyOf[raw] = l.key
		links[l.key] = l
	}
	sum.Links = len(links)

	cache, warning := c.loadCache(time.Now())
	if warning != "" {
		sum.Warnings = append(sum.Warnings, warning)
	}

	results := make(map[string]Result, len(links))
	var toFetch []link
	for key, l := range links {
		if r, ok := c.answerWithoutNetwork(l, cache); ok {
			if r.Cached {
				sum.FromCache++
			}
			results[key] = r
			continue
		}
		toFetch = append(toFetch, l)
	}

	sum.Fetched = len(toFetch)
	fetched, archiveErr := c.fetchAll(ctx, toFetch)
	if archiveErr != nil {
		sum.Warnings = append(sum.Warnings, fmt.Sprintf("archive suggestions fell back to calendar addresses: %v", archiveErr))
	}
	c.judgeDNSFailures(ctx, fetched)
	for _, r := range fetched {
		if r.Verdict == Unverifiable && r.Reason == c.deadlineReason() {
			sum.DeadlinePassed++
		}
		if r.Verdict == NotChecked && r.Reason == reasonNetworkUnavailable {
			sum.NetworkUnavailable++
		}
		if cacheable(r) {
			cache.put(r, time.Now())
		}
		results[r.URL] = c.finish(r)
	}
	if c.cfg.CacheDir != "" && cache.dirty {
		if err := c.saveCache(cache, time.Now()); err != nil {
			sum.Warnings = append(sum.Warnings, err.Error())
		}
	}

	out := make(map[string]Result, len(urls))
	for raw, key := range keyOf {
		out[raw] = results[key]
	}
	return out, sum
}

// judgeDNSFailures turns the DNS failures of a run in which no name
// resolved (NXDOMAIN for every host, say) into "network unavailable": a
// resolver that fails every lookup says nothing about the links. Before
// giving up on the resolver it asks it about the archive API's host, a
// name that exists.
func (c *Checker) judgeDNSFailures(ctx context.Context, results []Result) {
	if c.dialer.resolved.Load() || !slices.ContainsFunc(results, func(r Result) bool { return r.dnsFailure }) {
		return
	}
	if u, err := url.Parse(c.cfg.ArchiveAPI); err == nil && ctx.Err() == nil && c.dialer.lookupWorks(ctx, u.Hostname()) {
		return
	}
	for i, r := range results {
		if r.dnsFailure {
			results[i] = Result{URL: r.URL, Verdict: NotChecked, Reason: reasonNetworkUnavailable}
		}
	}
}

// deadlineReason is the reason given for links the run's deadline left
// unchecked.
func (c *Checker) deadlineReason() string {
	return fmt.Sprintf("the links deadline (%s) passed before the link was checked", c.cfg.Deadline)
}

// parseLink parses raw and works out its identity: the URL without its
// fragment, with scheme and host lowercased.
func parseLink(raw string) link {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		key, _, _ := strings.Cut(raw, "#")
		return link{key: key, err: err}
	}
	u.Fragment, u.RawFragment = "", ""
	u.Host = strings.ToLower(u.Host)
	if (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() == "" {
		return link{key: u.String(), err: fmt.Errorf("no host in %q", raw)}
	}
	return link{key: u.String(), url: u}
}

// answerWithoutNetwork answers l without the network when it can: skipped
// schemes and exclusions, malformed URLs, fresh cache entries, and
// everything in offline mode. A checker keeping text gives each answer a
// page.
func (c *Checker) answerWithoutNetwork(l link, cache *cacheFile) (Result, bool) {
	r, ok := c.answerFromConfigOrCache(l, cache)
	if ok && c.cfg.KeepText && r.page == nil {
		r = c.withPage(r)
	}
	return r, ok
}

func (c *Checker) answerFromConfigOrCache(l link, cache *cacheFile) (Result, bool) {
	r := Result{URL: l.key}
	switch {
	case l.url == nil:
		r.Verdict, r.Reason = Dead, "malformed URL: "+l.err.Error()
		return c.finish(r), true
	case l.url.Scheme != "http" && l.url.Scheme != "https":
		r.Verdict, r.Reason = Skipped, "not an http(s) link"
		return r, true
	case len(l.key) > c.cfg.MaxURLBytes:
		r.Verdict, r.Reason = Unverifiable, fmt.Sprintf("address longer than %d bytes (links.max-url-length)", c.cfg.MaxURLBytes)
		return r, true
	case slices.ContainsFunc(c.cfg.Exclude, func(re *regexp.Regexp) bool { return re.MatchString(l.key) }):
		r.Verdict, r.Reason = Skipped, "excluded by configuration"
		return r, true
	}
	if cached, ok := cache.get(l.key); ok && !c.cfg.Refresh && usableFromCache(cached, c.cfg.Offline) &&
		(c.cfg.Offline || !c.needsText(cached)) {
		return c.finish(cached), true
	}
	if c.cfg.Offline {
		r.Verdict, r.Reason = NotChecked, "offline"
		return r, true
	}
	return r, false
}

// needsText reports whether a cached result lacks the text a checker
// keeping text wants: a page was served, and its text was not kept (by a
// run that kept none) or cannot be read back.
func (c *Checker) needsText(r Result) bool {
	return c.cfg.KeepText && r.page == nil && r.Status >= 200 && r.Status < 300
}

// fetchAll checks links over the network: a few workers per host (so that
// a host's queue does not hold global slots while it waits its turn), and a
// global semaphore. The error is the first failed archive lookup, if any.
func (c *Checker) fetchAll(ctx context.Context, links []link) ([]Result, error) {
	byHost := make(map[string][]link)
	for _, l := range links {
		byHost[l.url.Host] = append(byHost[l.url.Host], l)
	}
	var bar *progressbar.ProgressBar
	if c.cfg.Progress != nil && len(links) > progressThreshold {
		bar = progressbar.NewOptions(len(links),
			progressbar.OptionSetWriter(c.cfg.Progress),
			progressbar.OptionSetDescription("checking links"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(false),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}

	results := make([]Result, 0, len(links))
	var (
		mu         sync.Mutex
		archiveErr error
	)
	global := make(chan struct{}, c.cfg.MaxConcurrency)
	var wg sync.WaitGroup
	for _, queue := range byHost {
		jobs := make(chan link, len(queue))
		for _, l := range queue {
			jobs <- l
		}
		close(jobs)
		for range min(c.cfg.PerHost, len(queue)) {
			wg.Go(func() {
				for l := range jobs {
					r, err := c.checkOne(ctx, l, global)
					mu.Lock()
					results = append(results, r)
					if err != nil && archiveErr == nil {
						archiveErr = err
					}
					mu.Unlock()
					if bar != nil {
						_ = bar.Add(1) // drawing errors are no reason to stop checking
					}
				}
			})
		}
	}
	wg.Wait()
	if bar != nil {
		_ = bar.Finish()
	}
	return results, archiveErr
}

// checkOne checks l once it holds a global slot. For a dead link with
// SuggestArchive, it also asks the archive for a snapshot; the error of
// that lookup is returned beside the result.
func (c *Checker) checkOne(ctx context.Context, l link, global chan struct{}) (Result, error) {
	select {
	case global <- struct{}{}:
	case <-ctx.Done():
		return c.errorResult(ctx, Result{URL: l.key}, ctx.Err()), nil
	}
	defer func() { <-global }()
	r := c.fetch(ctx, l.url)
	if r.Verdict != Dead || !c.cfg.SuggestArchive || (r.dnsFailure && !c.dialer.resolved.Load()) {
		// A missing domain in a run where no name resolved yet may be a
		// missing network: judgeDNSFailures decides, and the archive
		// would be out of reach anyway.
		return r, nil
	}
	snapshot, err := c.closestSnapshot(ctx, l.key)
	r.ArchiveURL = snapshot
	return r, err
}

// finish applies the configuration that is not cached with a result: the
// accepted statuses, the paywalled-domain list and the default archive
// suggestion.
func (c *Checker) finish(r Result) Result {
	if r.Status != 0 && slices.Contains(c.cfg.Accept, r.Status) &&
		(r.Verdict == Dead || r.Verdict == Paywalled || r.Verdict == Unverifiable) {
		r.Verdict, r.Strong = OK, false
		r.Reason = fmt.Sprintf("HTTP %d accepted by configuration", r.Status)
	}
	if (r.Verdict == OK || r.Verdict == Redirected) && len(c.cfg.PaywalledDomains) > 0 {
		if u, err := url.Parse(r.URL); err == nil {
			for _, d := range c.cfg.PaywalledDomains {
				if domainMatches(u.Hostname(), d) {
					r.Verdict, r.Strong = Paywalled, false
					r.Reason = "domain " + strings.ToLower(d) + " is on the paywalled-domains list"
					break
				}
			}
		}
	}
	if r.Verdict == Dead && r.ArchiveURL == "" {
		r.ArchiveURL = calendarURL(r.URL)
	}
	if c.cfg.KeepText {
		r = c.withPage(r)
	}
	return r
}
