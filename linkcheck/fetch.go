package linkcheck

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/go-retryablehttp"
)

const (
	reasonNetworkUnavailable = "network unavailable"
	reasonDeadline           = "deadline reached before the link was checked"
)

// fetch follows the redirect chain from start, one hop at a time, and
// judges where it ends.
func (c *Checker) fetch(ctx context.Context, start *url.URL) Result {
	r := Result{URL: start.String()}
	// A fresh jar per link: some sites redirect to set a cookie and back,
	// which is a loop only for a client that drops cookies. A first-time
	// reader gets the same.
	jar, err := cookiejar.New(nil)
	if err != nil {
		return c.errorResult(ctx, r, fmt.Errorf("create cookie jar: %w", err))
	}
	visited := make(map[string]bool)
	cur := start
	for hops := 0; ; hops++ {
		if hops > 0 {
			r.FinalURL = cur.String()
		}
		visit := cur.String() + "\x00" + cookieHeader(jar.Cookies(cur))
		if visited[visit] {
			r.Verdict, r.Reason = Dead, "redirect loop"
			return r
		}
		visited[visit] = true
		if hops > c.cfg.MaxRedirects {
			r.Verdict, r.Reason = Dead, fmt.Sprintf("more than %d redirects", c.cfg.MaxRedirects)
			return r
		}

		resp, err := c.get(ctx, cur, start, jar)
		if err != nil {
			return c.errorResult(ctx, r, err)
		}
		r.Status = resp.StatusCode
		jar.SetCookies(cur, resp.Cookies())
		if !isRedirect(resp.StatusCode) {
			return c.judge(r, resp)
		}
		location := resp.Header.Get("Location")
		closeBody(resp)
		next, verdict, reason := nextHop(cur, location, resp.StatusCode, c.cfg.MaxURLBytes)
		if next == nil {
			r.Verdict, r.Reason = verdict, reason
			return r
		}
		if resp.StatusCode == http.StatusMovedPermanently || resp.StatusCode == http.StatusPermanentRedirect {
			r.MovedTo = next.String()
		}
		cur = next
	}
}

// nextHop resolves a redirect's Location against the address that sent
// it. When the chain cannot go on it returns nil with the verdict and the
// reason: no Location, one too long or malformed, or a non-HTTP scheme.
// Messages quote at most the start of a Location.
func nextHop(cur *url.URL, location string, status, maxURLBytes int) (*url.URL, Verdict, string) {
	switch {
	case location == "":
		return nil, Unverifiable, fmt.Sprintf("HTTP %d without a Location header", status)
	case len(location) > maxURLBytes:
		return nil, Unverifiable, fmt.Sprintf("redirect to an address longer than %d bytes (links.max-url-length)", maxURLBytes)
	}
	next, err := cur.Parse(location)
	if err != nil {
		return nil, Dead, "redirect to a malformed address " + quoteShort(location)
	}
	if next.Scheme != "http" && next.Scheme != "https" {
		return nil, Unverifiable, "redirect to a non-HTTP address " + quoteShort(location)
	}
	if next.Hostname() == "" {
		return nil, Dead, "redirect to an address without a host " + quoteShort(location)
	}
	next.Fragment, next.RawFragment = "", ""
	if s := next.String(); len(s) > maxURLBytes {
		return nil, Unverifiable, fmt.Sprintf("redirect to an address longer than %d bytes (links.max-url-length)", maxURLBytes)
	}
	return next, OK, ""
}

// quoteShort quotes s for a message, cut to about 100 bytes: quoting
// spells a control or invalid byte in four, so the cut comes after it.
func quoteShort(s string) string {
	const limit = 100
	q := strconv.Quote(s)
	if len(q) <= limit {
		return q
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(q[cut]) {
		cut--
	}
	return q[:cut] + "…"
}

// get sends one GET for u, a hop of the chain that began at start, with
// retries, and returns the response with its body open. On error any
// response is closed.
func (c *Checker) get(ctx context.Context, u, start *url.URL, jar http.CookieJar) (*http.Response, error) {
	target := u
	if addr, ok := numericIPv4Host(u.Hostname()); ok {
		// "127.1" or "2130706433" is an address to a browser, not a name
		// to look up: connect where a reader's browser would.
		canonical := *u
		canonical.Host = addr.String()
		if port := u.Port(); port != "" {
			canonical.Host += ":" + port
		}
		target = &canonical
	}
	ctx = withAttemptState(ctx)
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, target.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
	if sameOrigin(u, start) && u.Scheme == "https" {
		for _, domain := range c.headerDomains(u.Hostname()) {
			for name, value := range c.cfg.Headers[domain] {
				req.Header.Set(name, value)
			}
		}
	}
	// Left to the transport, which then decompresses gzip itself, so the
	// size cap applies to the decompressed body.
	req.Header.Del("Accept-Encoding")
	for _, ck := range jar.Cookies(u) {
		req.AddCookie(ck)
	}
	resp, err := c.client.Do(req)
	if err != nil {
		if resp != nil {
			closeBody(resp)
		}
		if last := attemptStateOf(ctx).lastTimeout(); last != nil && errors.As(err, new(*unresponsiveHostError)) {
			// This link's own attempt timed out before the host was given
			// up: that is what happened to it.
			err = last
		}
		if attemptStateOf(ctx).timeouts.Load() >= 2 {
			err = &retriedTimeoutError{err: err}
		}
		return nil, err
	}
	return resp, nil
}

// retriedTimeoutError marks the error of a request whose attempt timed
// out, and whose one retry timed out too.
type retriedTimeoutError struct{ err error }

func (e *retriedTimeoutError) Error() string { return e.err.Error() }
func (e *retriedTimeoutError) Unwrap() error { return e.err }

// sameOrigin reports whether a and b have the same scheme, host and port
// (the default port of the scheme when none is written).
func sameOrigin(a, b *url.URL) bool {
	port := func(u *url.URL) string {
		if p := u.Port(); p != "" {
			return p
		}
		if strings.EqualFold(u.Scheme, "https") {
			return "443"
		}
		return "80"
	}
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

// headerDomains returns the configured header domains matching host, the
// least specific first so that a subdomain's headers win.
func (c *Checker) headerDomains(host string) []string {
	var domains []string
	for d := range c.cfg.Headers {
		if domainMatches(host, d) {
			domains = append(domains, d)
		}
	}
	slices.SortFunc(domains, func(a, b string) int { return len(a) - len(b) })
	return domains
}

// judge classifies the final response of a chain and closes its body.
func (c *Checker) judge(r Result, resp *http.Response) Result {
	defer closeBody(resp)
	code := resp.StatusCode
	switch {
	case code >= 200 && code < 300 && c.cfg.KeepText:
		return c.judgeKeptPage(r, resp)
	case code >= 200 && code < 300:
		return judgePage(r, resp, c.cfg.MaxPageBytes)
	case code == http.StatusUnauthorized:
		r.Verdict, r.Strong, r.Reason = Paywalled, true, "HTTP 401: login required"
	case code == http.StatusPaymentRequired:
		r.Verdict, r.Strong, r.Reason = Paywalled, true, "HTTP 402 Payment Required"
	case code == http.StatusNotFound || code == http.StatusGone:
		r.Verdict, r.Reason = Dead, fmt.Sprintf("HTTP %d", code)
	case code == http.StatusForbidden:
		r.Verdict, r.Reason = Unverifiable, "HTTP 403"
		if sign := botProtection(resp.Header); sign != "" {
			r.Reason = "HTTP 403 from bot protection (" + sign + ")"
		}
	case code == 999:
		r.Verdict, r.Reason = Unverifiable, "HTTP 999: the site refuses automated clients"
	case rateLimitedBeyond(resp, c.cfg.MaxRetryWait, time.Now()):
		d, _ := retryAfter(resp.Header.Get("Retry-After"), time.Now())
		r.Verdict, r.Reason = Unverifiable, fmt.Sprintf("HTTP %d %s", code, rateLimitedReason(time.Now().Add(d), time.Now()))
	case retryableStatus(code):
		r.Verdict, r.Reason = Unverifiable, fmt.Sprintf("HTTP %d after %d retries", code, c.cfg.Retries)
	default:
		r.Verdict, r.Reason = Unverifiable, fmt.Sprintf("HTTP %d", code)
	}
	return r
}

// judgePage reads a successful page, up to maxBytes after
// decompression, and looks for paywall signs and anchors.
func judgePage(r Result, resp *http.Response, maxBytes int64) Result {
	r.Verdict, r.Reason = OK, fmt.Sprintf("HTTP %d", resp.StatusCode)
	if r.MovedTo != "" {
		r.Verdict, r.Reason = Redirected, fmt.Sprintf("moved permanently to %s", r.MovedTo)
	}
	body := &cappedReader{r: resp.Body, remaining: maxBytes}
	buffered := bufio.NewReader(body)
	if !isHTML(resp.Header.Get("Content-Type"), buffered) {
		return r
	}
	return withSigns(r, classifyHTML(buffered), body.truncated)
}

// withSigns records what classifyHTML found in a served page: its anchors
// and its paywall evidence.
func withSigns(r Result, page pageSigns, truncated bool) Result {
	r.anchors = page.anchors
	r.truncated = !page.complete || truncated
	switch {
	case page.strong != "":
		r.Verdict, r.Strong, r.Reason = Paywalled, true, page.strong
	case page.weak != "":
		r.Verdict, r.Strong, r.Reason = Paywalled, false, page.weak
	}
	return r
}

// isHTML tells from the Content-Type, or by sniffing when there is none,
// whether a body is HTML.
func isHTML(contentType string, body *bufio.Reader) bool {
	if contentType == "" {
		head, _ := body.Peek(512) // a short or failed peek still sniffs what it got
		contentType = http.DetectContentType(head)
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mediaType == "text/html" || mediaType == "application/xhtml+xml"
}

// botProtection returns the sign of a bot-protection service in the
// headers of a refusal, "" when there is none.
func botProtection(h http.Header) string {
	if v := h.Get("Cf-Mitigated"); v != "" {
		return "cf-mitigated: " + v
	}
	server := strings.ToLower(h.Get("Server"))
	for _, name := range []string{"cloudflare", "akamaighost", "ddos-guard"} {
		if strings.Contains(server, name) {
			return "server: " + server
		}
	}
	if h.Get("X-Datadome") != "" {
		return "DataDome"
	}
	return ""
}

// errorResult classifies a failed request.
func (c *Checker) errorResult(ctx context.Context, r Result, err error) Result {
	verdict, reason := classifyError(err)
	switch {
	case errors.Is(context.Cause(ctx), errRunDeadline):
		// Not the server's fault, and not a dead link: say so per link.
		verdict, reason = Unverifiable, c.deadlineReason()
	case ctx.Err() != nil:
		// The caller's cancellation.
		verdict, reason = NotChecked, reasonDeadline
	case verdict == Unverifiable && errors.As(err, new(*retriedTimeoutError)):
		reason += " twice" // a timeout is retried once
	case verdict == Unverifiable && isTransient(err) && !isTimeout(err) && c.cfg.Retries > 0:
		reason = fmt.Sprintf("%s after %d retries", reason, c.cfg.Retries)
	}
	r.Verdict, r.Reason = verdict, reason
	r.Refused = verdict == Skipped && errors.As(err, new(*forbiddenAddressError))
	r.dnsFailure = ctx.Err() == nil && verdict != NotChecked && errors.As(err, new(*net.DNSError))
	return r
}

// classifyError returns the verdict on a request that got no response, and
// the reason in a few words.
func classifyError(err error) (Verdict, string) {
	var (
		guarded      *forbiddenAddressError
		unresponsive *unresponsiveHostError
		limited      *rateLimitedError
		firstByte    *firstByteTimeoutError
		dnsErr       *net.DNSError
		addrErr      *net.AddrError
		certErr      *tls.CertificateVerificationError
		recErr       tls.RecordHeaderError
		alert        tls.AlertError
	)
	switch {
	case errors.As(err, &guarded):
		return Skipped, fmt.Sprintf("refused to connect to %s, a private or local address (allow private addresses to check it)", guarded.addr)
	case errors.As(err, &unresponsive):
		return Unverifiable, unresponsive.Error()
	case errors.As(err, &limited):
		return Unverifiable, limited.Error()
	case strings.Contains(err.Error(), "server response headers exceeded"):
		// net/http's only sign of MaxResponseHeaderBytes is this message.
		return Unverifiable, "response headers too large (over links.max-header-bytes)"
	case errors.As(err, &firstByte):
		return Unverifiable, "timed out: " + firstByte.Error()
	case networkUnavailable(err):
		return NotChecked, reasonNetworkUnavailable
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return Dead, "domain " + dnsErr.Name + " does not exist (NXDOMAIN)"
	case errors.As(err, &dnsErr):
		return Unverifiable, "DNS lookup failed: " + dnsErr.Err
	case errors.Is(err, syscall.ECONNREFUSED):
		return Dead, "connection refused"
	case errors.As(err, &addrErr):
		return Dead, "malformed address: " + addrErr.Error()
	case errors.As(err, &certErr), errors.As(err, &recErr), errors.As(err, &alert):
		return Unverifiable, "TLS error: " + withoutURL(err)
	case isTimeout(err):
		return Unverifiable, "timed out"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return Unverifiable, "connection closed by the server"
	}
	return Unverifiable, withoutURL(err)
}

// networkUnavailable reports whether err means this machine has no usable
// network, rather than that one site is down: no route at all, or a
// resolver that cannot be reached. The standard library gives a SERVFAIL
// for one name (a broken domain, reported per link) the same flags as an
// unreachable resolver, except for its message.
func networkUnavailable(err error) bool {
	if errors.Is(err, syscall.ENETUNREACH) {
		return true
	}
	var dnsErr *net.DNSError
	if !errors.As(err, &dnsErr) || dnsErr.IsNotFound {
		return false
	}
	return dnsErr.IsTimeout || (dnsErr.IsTemporary && dnsErr.Err != "server misbehaving")
}

// isTimeout reports whether err is a timeout.
func isTimeout(err error) bool {
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}

// isTransient reports whether a failed request is worth retrying: a
// timeout or a connection the server reset or closed early.
func isTransient(err error) bool {
	if networkUnavailable(err) || errors.As(err, new(*forbiddenAddressError)) {
		return false
	}
	return isTimeout(err) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// withoutURL returns err's message without the "Get "http://…": " prefix
// of a *url.Error, since the result already names the URL.
func withoutURL(err error) string {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	return err.Error()
}

// rateLimitedBeyond reports whether resp is a 429 or 503 whose Retry-After
// asks for a longer wait than maxWait: such a wait is not made.
func rateLimitedBeyond(resp *http.Response, maxWait time.Duration, now time.Time) bool {
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
		return false
	}
	d, ok := retryAfter(resp.Header.Get("Retry-After"), now)
	return ok && d > maxWait
}

// retryableStatus reports whether a status is transient.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusRequestTimeout, http.StatusTooManyRequests, http.StatusInternalServerError,
		http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// retryPolicy is the client's CheckRetry: transient statuses and errors
// only (not 999, which a site sends to refuse robots, nor 501).
func retryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		if isTimeout(err) {
			// A timeout is retried once at most: a server that did not
			// answer twice will not answer a third time in this run.
			s := attemptStateOf(ctx)
			return s == nil || s.timeouts.Load() < 2, nil
		}
		return isTransient(err), nil
	}
	return retryableStatus(resp.StatusCode), nil
}

// backoff is the client's Backoff: a Retry-After on 429 or 503 (seconds or
// HTTP-date) capped at maxWait, else retryablehttp.DefaultBackoff's
// exponential wait with jitter, so that requests that failed together do
// not retry together. DefaultBackoff's own Retry-After handling is not used
// because it is not capped.
func backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return min(d, maxWait)
		}
	}
	wait := retryablehttp.DefaultBackoff(minWait, maxWait, attempt, nil)
	return wait/2 + rand.N(wait/2+1)
}

// isRedirect reports whether code is a redirect that carries a Location.
func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// cookieHeader renders cookies as a request's Cookie header would.
func cookieHeader(cookies []*http.Cookie) string {
	parts := make([]string, len(cookies))
	for i, ck := range cookies {
		parts[i] = ck.String()
	}
	return strings.Join(parts, "; ")
}

// closeBody discards a little of a body, so the connection can be reused,
// and closes it.
func closeBody(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10)) // best effort: the body is unwanted
	_ = resp.Body.Close()                                        // nothing to do about a failed close of a read body
}

// cappedReader reads at most remaining bytes and notes whether the
// underlying reader had more.
type cappedReader struct {
	r         io.Reader
	remaining int64
	truncated bool
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.truncated {
		return 0, io.EOF
	}
	if c.remaining <= 0 {
		var probe [1]byte
		if n, _ := c.r.Read(probe[:]); n > 0 {
			c.truncated = true
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.remaining {
		p = p[:c.remaining]
	}
	n, err := c.r.Read(p)
	c.remaining -= int64(n)
	if err != nil && err != io.EOF {
		// A body cut short by a reset or timeout: judge what came.
		c.truncated = true
		return n, io.EOF
	}
	return n, err
}
