package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// politeTransport wraps a RoundTripper with per-host manners: at most
// perHost requests in flight (a request counts until its body is closed), a
// minimum interval between request starts, and one pause shared by every
// request to a host after it answered 429 or 503. Retries go through it too,
// so they are paced like first attempts. It also applies the per-attempt
// timeout, so that time spent waiting for the host's turn is not charged to
// the server, and the shorter connect-and-first-byte timeout. A host that
// timed out twice, or asked to be left alone for longer than pauseMax, gets
// no more requests in this run: they fail at once.
type politeTransport struct {
	next      http.RoundTripper
	perHost   int
	interval  time.Duration
	timeout   time.Duration
	firstByte time.Duration
	// pauseMin is the host pause after a 429 or 503 without Retry-After;
	// pauseMax caps any pause.
	pauseMin, pauseMax time.Duration

	mu    sync.Mutex
	hosts map[string]*hostState
}

// hostState is the shared state of one host (host:port).
type hostState struct {
	slots   chan struct{}
	limiter *rate.Limiter

	mu         sync.Mutex
	pauseUntil time.Time
	// timeouts counts the attempts that timed out; at maxHostTimeouts the
	// host is unresponsive for the rest of the run.
	timeouts int
	// closedUntil is set when the host asked, with Retry-After, for a
	// pause longer than the retry cap.
	closedUntil time.Time
}

// maxHostTimeouts is how many timed-out attempts make a host unresponsive.
const maxHostTimeouts = 2

// unresponsiveHostError fails a request to a host that timed out
// maxHostTimeouts times already in this run.
type unresponsiveHostError struct{ host string }

func (e *unresponsiveHostError) Error() string {
	return fmt.Sprintf("host %s timed out %d times in this run; not tried again", e.host, maxHostTimeouts)
}

// rateLimitedError fails a request to a host that asked not to be called
// again before until, further off than the retry cap.
type rateLimitedError struct{ until time.Time }

func (e *rateLimitedError) Error() string { return rateLimitedReason(e.until, time.Now()) }

// rateLimitedReason says when a rate-limited link can be checked again.
func rateLimitedReason(until, now time.Time) string {
	return fmt.Sprintf("rate limited: the server asks to retry after %s (in %s)",
		until.UTC().Format(time.RFC3339), until.Sub(now).Round(time.Second))
}

// firstByteTimeoutError is the error of an attempt that got no response
// headers within the connect-and-first-byte timeout.
type firstByteTimeoutError struct{ after time.Duration }

func (e *firstByteTimeoutError) Error() string {
	return fmt.Sprintf("no response within %s", e.after)
}

// Timeout marks the error as a timeout, as net.Error does.
func (e *firstByteTimeoutError) Timeout() bool { return true }

// Temporary is part of net.Error.
func (e *firstByteTimeoutError) Temporary() bool { return true }

// errFirstByte is the cancellation cause of an attempt's first-byte timer.
var errFirstByte = errors.New("first-byte timeout")

// attemptState is carried in a request's context through retries: it
// counts the request's timed-out attempts, so that a timeout is retried
// once at most.
type attemptState struct {
	timeouts atomic.Int32
	mu       sync.Mutex
	last     error // the last timeout
}

// timedOut records a timed-out attempt.
func (s *attemptState) timedOut(err error) {
	s.timeouts.Add(1)
	s.mu.Lock()
	s.last = err
	s.mu.Unlock()
}

// lastTimeout returns the error of the last timed-out attempt, or nil.
func (s *attemptState) lastTimeout() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

type attemptStateKey struct{}

func withAttemptState(ctx context.Context) context.Context {
	return context.WithValue(ctx, attemptStateKey{}, &attemptState{})
}

func attemptStateOf(ctx context.Context) *attemptState {
	s, _ := ctx.Value(attemptStateKey{}).(*attemptState)
	return s
}

func (t *politeTransport) host(name string) *hostState {
	t.mu.Lock()
	defer t.mu.Unlock()
	h, ok := t.hosts[name]
	if !ok {
		limit := rate.Inf
		if t.interval > 0 {
			limit = rate.Every(t.interval)
		}
		h = &hostState{slots: make(chan struct{}, t.perHost), limiter: rate.NewLimiter(limit, 1)}
		t.hosts[name] = h
	}
	return h
}

// RoundTrip waits for the host's turn, then sends req.
func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	h := t.host(req.URL.Host)
	if err := h.closed(req.URL.Host); err != nil {
		return nil, err
	}
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release := sync.OnceFunc(func() { <-h.slots })
	if err := h.wait(ctx); err != nil {
		release()
		return nil, err
	}
	if err := h.closed(req.URL.Host); err != nil {
		release()
		return nil, err
	}
	attemptCtx, cancel := context.WithTimeout(ctx, t.timeout)
	firstByteCtx, cancelFirstByte := context.WithCancelCause(attemptCtx)
	firstByte := t.firstByte
	if firstByte <= 0 || firstByte > t.timeout {
		firstByte = t.timeout
	}
	timer := time.AfterFunc(firstByte, func() { cancelFirstByte(errFirstByte) })
	resp, err := t.next.RoundTrip(req.WithContext(firstByteCtx))
	timerFired := !timer.Stop()
	done := func() { cancelFirstByte(nil); cancel(); release() }
	if err != nil {
		done()
		if timerFired && ctx.Err() == nil {
			err = &firstByteTimeoutError{after: firstByte}
		}
		if isTimeout(err) && ctx.Err() == nil {
			h.timedOut()
			if s := attemptStateOf(ctx); s != nil {
				s.timedOut(err)
			}
		}
		return nil, err
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok && d > t.pauseMax {
			h.close(time.Now().Add(d))
		} else {
			h.pause(t.pauseFor(resp))
		}
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: done}
	return resp, nil
}

// closed returns the error for a request to a host that gets no more: an
// unresponsive one, or one that asked for a long pause.
func (h *hostState) closed(name string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.timeouts >= maxHostTimeouts {
		return &unresponsiveHostError{host: name}
	}
	if time.Now().Before(h.closedUntil) {
		return &rateLimitedError{until: h.closedUntil}
	}
	return nil
}

// timedOut counts one timed-out attempt.
func (h *hostState) timedOut() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.timeouts++
}

// close refuses further requests to the host until the given time.
func (h *hostState) close(until time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if until.After(h.closedUntil) {
		h.closedUntil = until
	}
}

// pauseFor returns how long a host that sent resp should be left alone:
// its Retry-After (seconds or HTTP-date) capped at pauseMax, else pauseMin.
func (t *politeTransport) pauseFor(resp *http.Response) time.Duration {
	d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now())
	if !ok {
		d = t.pauseMin
	}
	return min(d, t.pauseMax)
}

// retryAfter parses a Retry-After value given in seconds or as an HTTP-date.
func retryAfter(value string, now time.Time) (time.Duration, bool) {
	if value == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(value, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(min(secs, int64(24*time.Hour/time.Second))) * time.Second, true
	}
	when, err := http.ParseTime(value)
	if err != nil {
		return 0, false
	}
	return max(when.Sub(now), 0), true
}

// wait blocks until the host's pause is over and the pacing limiter lets a
// request start.
func (h *hostState) wait(ctx context.Context) error {
	h.mu.Lock()
	until := h.pauseUntil
	h.mu.Unlock()
	if d := time.Until(until); d > 0 {
		timer := time.NewTimer(d)
		defer timer.Stop()
		select {
		case <-timer.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return h.limiter.Wait(ctx)
}

// pause makes requests to the host wait for d from now, unless a longer
// pause is already in force.
func (h *hostState) pause(d time.Duration) {
	until := time.Now().Add(d)
	h.mu.Lock()
	defer h.mu.Unlock()
	if until.After(h.pauseUntil) {
		h.pauseUntil = until
	}
}

// releasingBody gives the host slot back, once, when the body is closed.
type releasingBody struct {
	io.ReadCloser
	release func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.release()
	return err
}
