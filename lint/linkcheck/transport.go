package linkcheck

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// politeTransport wraps a RoundTripper with per-host manners: at most
// perHost requests in flight (a request counts until its body is closed), a
// minimum interval between request starts, and one pause shared by every
// request to a host after it answered 429 or 503. Retries go through it too,
// so they are paced like first attempts. It also applies the per-attempt
// timeout, so that time spent waiting for the host's turn is not charged to
// the server.
type politeTransport struct {
	next     http.RoundTripper
	perHost  int
	interval time.Duration
	timeout  time.Duration
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
	attemptCtx, cancel := context.WithTimeout(ctx, t.timeout)
	resp, err := t.next.RoundTrip(req.WithContext(attemptCtx))
	if err != nil {
		cancel()
		release()
		return nil, err
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		h.pause(t.pauseFor(resp))
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: func() { cancel(); release() }}
	return resp, nil
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
