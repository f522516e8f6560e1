package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/citelint/citelint/extract"
)

// Defaults applied by [New] to zero fields of [Config].
const (
	DefaultTimeout        = 15 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultMaxHeaderBytes = 64 << 10
	DefaultMaxURLBytes    = 8 << 10
	DefaultMaxPageBytes   = 2 << 20
	// DefaultMaxTextPageBytes is Config.MaxTextPageBytes by default.
	DefaultMaxTextPageBytes = 8 << 20
	DefaultMaxRedirects     = 20
	DefaultMaxConcurrency   = 32
	DefaultPerHost          = 2
	DefaultMinInterval      = 100 * time.Millisecond
	DefaultRetries          = 2
	DefaultMinRetryWait     = time.Second
	DefaultMaxRetryWait     = 30 * time.Second
	DefaultMaxAge           = 24 * time.Hour
	DefaultArchiveAPI       = "https://archive.org/wayback/available"
)

// DefaultUserAgent returns the User-Agent sent when [Config.UserAgent] is
// empty: it names the tool, its version and where to read about it, so a
// site operator can tell who is calling.
func DefaultUserAgent(version string) string {
	return "citelint/" + version + " (+https://github.com/citelint/citelint)"
}

// DefaultCacheDir returns the directory under the user's cache directory
// where citelint keeps link results between runs.
func DefaultCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find user cache directory: %w", err)
	}
	return filepath.Join(dir, "citelint"), nil
}

// Config controls a [Checker]. The zero value of every field is usable: zero
// durations and counts take the documented default; Retries and MinInterval
// take a negative value to mean none.
type Config struct {
	// Timeout bounds one attempt at one request, from sending it (after any
	// wait for the host's turn) to reading the end of the body. Default 15s.
	Timeout time.Duration
	// ConnectTimeout bounds the first part of an attempt: resolving,
	// connecting, the TLS handshake and waiting for the response headers.
	// A server that accepts connections and never answers costs this, not
	// Timeout. Default 10s; it is never longer than Timeout.
	ConnectTimeout time.Duration
	// Deadline bounds a whole Check call; links not done by then are
	// reported Unverifiable (the deadline passed). Zero means no deadline.
	Deadline time.Duration

	// MaxHeaderBytes caps the total size of a response's headers (a huge
	// Location header, say); a larger response makes the link
	// Unverifiable. Default 64 KiB.
	MaxHeaderBytes int64
	// MaxURLBytes caps the length of a link and of every redirect target;
	// a longer one makes the link Unverifiable. Default 8 KiB.
	MaxURLBytes int
	// MaxPageBytes caps what is read of a page, after decompression; the
	// rest is not read, and anchors past it are unknown. Default 2 MiB.
	MaxPageBytes int64
	// KeepText reads the whole body of every page served (HTML, PDF,
	// plain text, Markdown), up to MaxTextPageBytes, and keeps its text in
	// Result.Page, with the cache: the GET that judges a link also reads
	// what the page says, for the rules that check a claim against its
	// source. Other results get a Page that is not readable, with the
	// reason.
	KeepText bool
	// MaxTextPageBytes caps the body read of a page whose text is kept
	// (KeepText), after decompression; a larger page is not readable
	// ("too large"). Default 8 MiB.
	MaxTextPageBytes int64
	// TextLimits bound the extraction of a kept page's text; zero fields
	// take the extract package's defaults. Its MaxBytes is
	// MaxTextPageBytes.
	TextLimits extract.Limits
	// MaxRedirects is how many redirects a link may go through before it
	// is Dead. Default 20, where browsers give up too.
	MaxRedirects int

	// MaxConcurrency limits links checked at once. Default 32.
	MaxConcurrency int
	// PerHost limits requests in flight to one host (host:port). Default 2.
	PerHost int
	// MinInterval is the least time between the starts of two requests to
	// one host. Default 100ms; negative means no pacing.
	MinInterval time.Duration

	// Retries is how many times a request is retried after a transient
	// failure (408, 429, 500, 502, 503, 504 or a reset connection); a
	// timeout is retried at most once whatever Retries says, and a host
	// that timed out twice in a run is not tried again. Default 2;
	// negative means no retry.
	Retries int
	// MinRetryWait is the base of the jittered exponential backoff.
	// Default 1s.
	MinRetryWait time.Duration
	// MaxRetryWait caps every wait between attempts. A 429 or 503 whose
	// Retry-After asks for longer is not waited for at all: the link, and
	// the host's other links until then, are Unverifiable (rate limited).
	// Default 30s.
	MaxRetryWait time.Duration

	// UserAgent is sent with every request. Default DefaultUserAgent("dev").
	UserAgent string
	// Headers adds request headers per domain: the key is a domain, which
	// also matches its subdomains; the value maps header names to values.
	// They are secrets (an Authorization token, say), so they are sent
	// only over HTTPS, and only to the scheme, host and port of the link
	// as written: never over http://, never after a redirect elsewhere.
	// Accept-Encoding is ignored so that body size limits keep applying
	// after decompression.
	Headers map[string]map[string]string

	// CacheDir is where results are kept between runs; "" disables the
	// cache. See DefaultCacheDir. The cache only lives in a folder of its
	// own: when CacheDir already holds other files, its "citelint"
	// subfolder is used instead.
	CacheDir string
	// MaxAge is how long a cached result is trusted. Default 24h.
	MaxAge time.Duration
	// Offline forbids all network access: results come from the cache only
	// and every other link is NotChecked.
	Offline bool
	// Refresh checks every link over the network, however fresh its cached
	// result, and keeps the new results ("citelint links --refresh").
	Refresh bool

	// Accept lists HTTP statuses to treat as OK (say 403 for a site known to
	// refuse robots).
	Accept []int
	// PaywalledDomains lists domains (subdomains included) whose pages are
	// reported as paywalled, with weak evidence, when the page itself shows
	// no stronger sign.
	PaywalledDomains []string
	// Exclude lists patterns of URLs not to check: they are Skipped.
	Exclude []*regexp.Regexp
	// AllowPrivate allows connecting to loopback, private, link-local,
	// unique-local, shared (CGNAT) and cloud metadata addresses.
	AllowPrivate bool

	// ArchiveAPI is the base URL of a Wayback Machine availability API.
	// Default DefaultArchiveAPI.
	ArchiveAPI string
	// SuggestArchive asks ArchiveAPI for the closest snapshot of each dead
	// link; otherwise dead links get the address of the archive's calendar
	// for the URL.
	SuggestArchive bool

	// Resolver looks host names up; nil means net.DefaultResolver. When no
	// name resolves in a run, DNS failures (NXDOMAIN included) are taken
	// for an unavailable network rather than for dead links.
	Resolver Resolver

	// Progress receives a progress bar when more than a handful of links
	// need the network; nil means none. The caller decides whether the
	// destination is a terminal.
	Progress io.Writer
}

// Resolver looks up the addresses of a host name; *net.Resolver is one.
// An error for a name that does not exist should be a *net.DNSError with
// IsNotFound set.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// withDefaults returns cfg with its zero fields set to their defaults and
// its negative "none" values set to zero, or an error naming the first
// invalid field.
func (cfg Config) withDefaults() (Config, error) {
	setDuration := func(d *time.Duration, def time.Duration) {
		switch {
		case *d == 0:
			*d = def
		case *d < 0:
			*d = 0
		}
	}
	if cfg.Timeout < 0 || cfg.ConnectTimeout < 0 || cfg.Deadline < 0 || cfg.MinRetryWait < 0 || cfg.MaxRetryWait < 0 || cfg.MaxAge < 0 {
		return cfg, errors.New("link check: timeout, deadline, retry waits and max-age must not be negative")
	}
	if cfg.MaxConcurrency < 0 || cfg.PerHost < 0 || cfg.MaxHeaderBytes < 0 || cfg.MaxURLBytes < 0 || cfg.MaxPageBytes < 0 || cfg.MaxRedirects < 0 || cfg.MaxTextPageBytes < 0 {
		return cfg, errors.New("link check: max-concurrency, per-host, max-header-bytes, max-url-length, max-page-bytes, max-text-page-bytes and max-redirects must not be negative")
	}
	if cfg.MaxTextPageBytes == 0 {
		cfg.MaxTextPageBytes = DefaultMaxTextPageBytes
	}
	cfg.TextLimits.MaxBytes = cfg.MaxTextPageBytes
	setDuration(&cfg.Timeout, DefaultTimeout)
	setDuration(&cfg.ConnectTimeout, DefaultConnectTimeout)
	cfg.ConnectTimeout = min(cfg.ConnectTimeout, cfg.Timeout)
	if cfg.MaxHeaderBytes == 0 {
		cfg.MaxHeaderBytes = DefaultMaxHeaderBytes
	}
	if cfg.MaxURLBytes == 0 {
		cfg.MaxURLBytes = DefaultMaxURLBytes
	}
	if cfg.MaxPageBytes == 0 {
		cfg.MaxPageBytes = DefaultMaxPageBytes
	}
	if cfg.MaxRedirects == 0 {
		cfg.MaxRedirects = DefaultMaxRedirects
	}
	if cfg.Resolver == nil {
		cfg.Resolver = net.DefaultResolver
	}
	setDuration(&cfg.MinInterval, DefaultMinInterval)
	setDuration(&cfg.MinRetryWait, DefaultMinRetryWait)
	setDuration(&cfg.MaxRetryWait, DefaultMaxRetryWait)
	setDuration(&cfg.MaxAge, DefaultMaxAge)
	if cfg.MaxRetryWait < cfg.MinRetryWait {
		return cfg, fmt.Errorf("link check: max-retry-wait %v is shorter than the minimum retry wait %v", cfg.MaxRetryWait, cfg.MinRetryWait)
	}
	switch {
	case cfg.Retries == 0:
		cfg.Retries = DefaultRetries
	case cfg.Retries < 0:
		cfg.Retries = 0
	}
	if cfg.MaxConcurrency == 0 {
		cfg.MaxConcurrency = DefaultMaxConcurrency
	}
	if cfg.PerHost == 0 {
		cfg.PerHost = DefaultPerHost
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent("dev")
	}
	if cfg.ArchiveAPI == "" {
		cfg.ArchiveAPI = DefaultArchiveAPI
	}
	if u, err := url.Parse(cfg.ArchiveAPI); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return cfg, fmt.Errorf("link check: archive API %q is not an http(s) URL", cfg.ArchiveAPI)
	}
	for i, re := range cfg.Exclude {
		if re == nil {
			return cfg, fmt.Errorf("link check: exclude pattern %d is nil", i)
		}
	}
	return cfg, nil
}

// domainMatches reports whether host is domain or one of its subdomains.
func domainMatches(host, domain string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	domain = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(domain)), ".")
	return domain != "" && (host == domain || strings.HasSuffix(host, "."+domain))
}
