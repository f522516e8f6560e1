package linkcheck

import (
	"github.com/citelint/citelint/extract"

	"fmt"
	"net/url"
	"strings"
)

// Verdict is what a reader following a link will get.
type Verdict int

// Verdicts, from the reader's point of view.
const (
	// OK: the page was served.
	OK Verdict = iota
	// Dead: 404 or 410, a domain that does not exist, a refused
	// connection, a malformed URL, or a redirect chain ending in one of
	// these or going round in a loop.
	Dead
	// Paywalled: the page is behind a paywall or a login; Result.Strong
	// tells how good the evidence is.
	Paywalled
	// Redirected: the page was served after a permanent redirect;
	// Result.MovedTo is where the link should point now.
	Redirected
	// Unverifiable: the server would not let an automated client judge
	// (bot protection, rate limiting or server errors that outlasted the
	// retries, a Retry-After beyond the retry cap, timeouts, an
	// unresponsive host, TLS errors, headers or addresses over their
	// limits), or the run's deadline passed before the link was checked.
	Unverifiable
	// Skipped: not checked on purpose (not http or https, excluded by
	// configuration, or an address the guard refuses).
	Skipped
	// NotChecked: not checked for want of a network: offline mode, the
	// network is unavailable (no name resolved in the run), or the
	// caller cancelled the check.
	NotChecked
)

// String returns the verdict's lowercase name, such as "dead".
func (v Verdict) String() string {
	switch v {
	case OK:
		return "ok"
	case Dead:
		return "dead"
	case Paywalled:
		return "paywalled"
	case Redirected:
		return "redirected"
	case Unverifiable:
		return "unverifiable"
	case Skipped:
		return "skipped"
	case NotChecked:
		return "not-checked"
	}
	return fmt.Sprintf("Verdict(%d)", int(v))
}

// MarshalText encodes the verdict as its name.
func (v Verdict) MarshalText() ([]byte, error) {
	if v < OK || v > NotChecked {
		return nil, fmt.Errorf("marshal verdict: unknown verdict %d", int(v))
	}
	return []byte(v.String()), nil
}

// UnmarshalText decodes a verdict name written by MarshalText.
func (v *Verdict) UnmarshalText(text []byte) error {
	for candidate := OK; candidate <= NotChecked; candidate++ {
		if string(text) == candidate.String() {
			*v = candidate
			return nil
		}
	}
	return fmt.Errorf("unmarshal verdict: unknown verdict %q", text)
}

// Result is the verdict on one URL and the evidence for it.
type Result struct {
	// URL is the address checked: the input without its fragment.
	URL string
	// Verdict is what a reader gets.
	Verdict Verdict
	// Status is the HTTP status of the last response, 0 when none came.
	Status int
	// Reason is the evidence in a few words, for people: "HTTP 404",
	// "schema.org isAccessibleForFree is false".
	Reason string
	// Strong tells, for a Paywalled verdict, that the evidence is about
	// this page (a 402, structured data, paywall markup) rather than about
	// the site (a paywall vendor's script, a domain list).
	Strong bool
	// FinalURL is the last address of the redirect chain, when there was
	// one.
	FinalURL string
	// MovedTo is the target of the last permanent redirect (301, 308) in
	// the chain, "" when there was none. It is set whatever the verdict.
	MovedTo string
	// ArchiveURL is, for a Dead link, where to look for an archived copy.
	ArchiveURL string
	// Cached tells that the result comes from a previous run.
	Cached bool
	// Refused tells, for a Skipped verdict, that the address guard refused
	// the address the link (or a redirect) led to, as opposed to a link
	// skipped by configuration.
	Refused bool
	// page returns the page's text (see Page); nil when the checker keeps
	// none. Text from the cache is read when first asked for, so a run
	// whose rules read few pages does not pay for the rest.
	page func() *extract.Page
	// meta returns what is known of the page without its text (see
	// PageMeta); nil when the checker keeps no text.
	meta func() *PageMeta

	// anchors holds the id and name attributes of the final page; nil when
	// the page is not HTML or was not read.
	anchors map[string]bool
	// truncated tells that the page was cut at the size limit (or was
	// malformed past repair), so an absent anchor proves nothing.
	truncated bool
	// dnsFailure tells that the verdict rests on a failed name lookup,
	// which means nothing when no name resolved in the run.
	dnsFailure bool
}

// Page returns the text of the page when the checker keeps text
// (Config.KeepText): readable for a page served and read, otherwise not
// readable with the reason ("paywalled: only the free part was read (…)",
// "unverifiable: HTTP 403", "script-only page"). It is nil when the
// checker keeps no text. A page from the cache is read on the first call.
func (r Result) Page() *extract.Page {
	if r.page == nil {
		return nil
	}
	return r.page()
}

// WithPage returns r with p as its page, for a driver or a test that
// builds results itself.
func (r Result) WithPage(p *extract.Page) Result {
	r.page = func() *extract.Page { return p }
	r.meta = nil
	return r
}

// HasAnchor reports whether the page has an element whose id or name is
// fragment (percent-encoding allowed), and whether that can be told at all:
// known is false when the page is not HTML, was not read, was cut at the
// size limit before such an element appeared, or the fragment is a text
// fragment (#:~:text=). GitHub's "user-content-" id prefix is recognised.
func (r Result) HasAnchor(fragment string) (found, known bool) {
	if r.anchors == nil || strings.HasPrefix(fragment, ":~:") {
		return false, false
	}
	candidates := []string{fragment}
	if unescaped, err := url.PathUnescape(fragment); err == nil && unescaped != fragment {
		candidates = append(candidates, unescaped)
	}
	for _, c := range candidates {
		if r.anchors[c] || r.anchors["user-content-"+c] {
			return true, true
		}
	}
	return false, !r.truncated
}

// Summary describes a Check call as a whole.
type Summary struct {
	// Links is the number of distinct URLs (fragments removed).
	Links int
	// Fetched is how many of them needed the network (neither skipped,
	// malformed nor cached).
	Fetched int
	// FromCache is how many were answered from the cache.
	FromCache int
	// NetworkUnavailable is how many were NotChecked because the network
	// was unavailable (resolver unreachable, no route): report it once,
	// not per link.
	NetworkUnavailable int
	// DeadlinePassed is how many were Unverifiable because the run's
	// deadline (Config.Deadline) passed before they were checked.
	DeadlinePassed int
	// Warnings are notes for the user that did not stop the check, such
	// as a corrupt cache that was ignored.
	Warnings []string
}
