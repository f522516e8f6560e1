package linkcheck

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRetryAfterWithinCapIsHonoured(t *testing.T) {
	srv := newScenarioServer(t)
	cfg := testConfig()
	cfg.MaxRetryWait = 5 * time.Second
	urls := []string{srv.URL + "/retry-after-seconds", srv.URL + "/retry-after-date"}
	results, _ := newChecker(t, cfg).Check(context.Background(), urls)
	for _, u := range urls {
		if r := results[u]; r.Verdict != OK {
			t.Errorf("%s: got %v %q, want ok after waiting", u, r.Verdict, r.Reason)
		}
	}
	srv.mu.Lock()
	times := srv.times["/retry-after-seconds"]
	srv.mu.Unlock()
	if len(times) != 2 || times[1].Sub(times[0]) < 900*time.Millisecond {
		t.Errorf("retry-after 1s: requests at %v, want two about a second apart", times)
	}
}

func TestRetryAfterBeyondCapIsNotWaitedFor(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/date" {
			w.Header().Set("Retry-After", time.Now().Add(2*time.Hour).UTC().Format(http.TimeFormat))
		} else {
			w.Header().Set("Retry-After", "86400")
		}
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "7200")
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer other.Close()
	cfg := testConfig()
	cfg.PerHost = 1
	cfg.MaxRetryWait = time.Second
	start := time.Now()
	urls := []string{srv.URL + "/a", srv.URL + "/b", srv.URL + "/c", other.URL + "/date"}
	results, _ := newChecker(t, cfg).Check(context.Background(), urls)
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("took %v: a Retry-After beyond the 1s cap was waited for", d)
	}
	tomorrow := time.Now().Add(24 * time.Hour).UTC().Format("2006-01-02T15")
	for _, u := range urls[:3] {
		r := results[u]
		if r.Verdict != Unverifiable || !strings.Contains(r.Reason, "rate limited: the server asks to retry after "+tomorrow) {
			t.Errorf("%s: got %v %q, want unverifiable, rate limited until %s…", u, r.Verdict, r.Reason, tomorrow)
		}
	}
	if r := results[other.URL+"/date"]; r.Verdict != Unverifiable || !strings.HasPrefix(r.Reason, "HTTP 503 rate limited") || !strings.HasSuffix(r.Reason, "(in 2h0m0s)") {
		t.Errorf("503 with a date: got %v %q", r.Verdict, r.Reason)
	}
	// One request: the host's other links are not sent once it asked for a day.
	if n := hits.Load(); n != 1 {
		t.Errorf("rate-limited host got %d requests, want 1", n)
	}
}

// silentServer accepts connections and never answers; it counts them.
func silentServer(t *testing.T) (string, *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var accepted atomic.Int32
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			conns = append(conns, conn) // held open, never answered
		}
	}()
	t.Cleanup(func() {
		_ = ln.Close()
		<-done
		for _, c := range conns {
			_ = c.Close()
		}
	})
	return "http://" + ln.Addr().String(), &accepted
}

func TestTimeoutIsRetriedOnce(t *testing.T) {
	base, accepted := silentServer(t)
	cfg := testConfig()
	cfg.Retries = 5
	cfg.ConnectTimeout = 100 * time.Millisecond
	results, _ := newChecker(t, cfg).Check(context.Background(), []string{base + "/one"})
	r := results[base+"/one"]
	if r.Verdict != Unverifiable || r.Reason != "timed out: no response within 100ms twice" {
		t.Errorf("got %v %q", r.Verdict, r.Reason)
	}
	if n := accepted.Load(); n != 2 {
		t.Errorf("%d attempts, want 2 (one retry)", n)
	}
}

func TestUnresponsiveHostCostsTwoTimeouts(t *testing.T) {
	base, accepted := silentServer(t)
	cfg := testConfig()
	cfg.PerHost = 1
	cfg.Timeout = 5 * time.Second
	cfg.ConnectTimeout = 300 * time.Millisecond
	var urls []string
	for i := range 6 {
		urls = append(urls, fmt.Sprintf("%s/%d", base, i))
	}
	start := time.Now()
	results, _ := newChecker(t, cfg).Check(context.Background(), urls)
	elapsed := time.Since(start)
	t.Logf("six links to a server that never answers: %v", elapsed)
	if elapsed > 7*cfg.ConnectTimeout/2 { // six timeouts would be 6×

		t.Errorf("took %v, want about two timeouts (%v)", elapsed, 2*cfg.ConnectTimeout)
	}
	timedOut, given := 0, 0
	for _, u := range urls {
		switch r := results[u]; {
		case r.Verdict == Unverifiable && strings.HasPrefix(r.Reason, "timed out") && strings.HasSuffix(r.Reason, " twice"):
			// Usually "timed out: no response within 300ms twice"; on a
			// loaded machine the client's own timer may fire first.
			timedOut++
		case r.Verdict == Unverifiable && strings.HasSuffix(r.Reason, "timed out 2 times in this run; not tried again"):
			given++
		default:
			t.Errorf("%s: got %v %q", u, r.Verdict, r.Reason)
		}
	}
	if timedOut != 1 || given != 5 {
		t.Errorf("%d links timed out and %d were given up, want 1 and 5", timedOut, given)
	}
	if n := accepted.Load(); n != 2 {
		t.Errorf("%d connections, want 2", n)
	}
}

func TestDeadlineLeavesLinksUnverifiable(t *testing.T) {
	base, _ := silentServer(t)
	srv := newScenarioServer(t)
	cfg := testConfig()
	cfg.Timeout = 5 * time.Second
	cfg.ConnectTimeout = 5 * time.Second
	cfg.MaxConcurrency = 1
	cfg.Deadline = 150 * time.Millisecond
	start := time.Now()
	urls := []string{base + "/never", srv.URL + "/ok", srv.URL + "/404"}
	results, sum := newChecker(t, cfg).Check(context.Background(), urls)
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v despite the 150ms deadline", d)
	}
	want := "the links deadline (150ms) passed before the link was checked"
	unverifiable := 0
	for _, u := range urls {
		// Checked in time (the 404 is dead), or unverifiable: never dead
		// for the deadline's sake.
		switch r := results[u]; {
		case r.Verdict == Unverifiable && r.Reason == want:
			unverifiable++
		case r.Verdict == OK && strings.HasSuffix(u, "/ok"), r.Verdict == Dead && r.Reason == "HTTP 404" && strings.HasSuffix(u, "/404"):
		default:
			t.Errorf("%s: got %v %q", u, r.Verdict, r.Reason)
		}
	}
	if unverifiable == 0 || sum.DeadlinePassed != unverifiable {
		t.Errorf("%d links unverifiable for the deadline, summary says %d", unverifiable, sum.DeadlinePassed)
	}
	if r := results[base+"/never"]; r.Verdict != Unverifiable || r.Reason != want {
		t.Errorf("link in flight at the deadline: got %v %q", r.Verdict, r.Reason)
	}
}

func TestHugeRedirectsStayBounded(t *testing.T) {
	location := "/" + strings.Repeat("a", 4<<20) // a 4 MB Location
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/long":
			// Under the header cap, over the URL cap.
			http.Redirect(w, r, "/"+strings.Repeat("b", 20<<10), http.StatusFound)
		default:
			w.Header().Set("Location", location)
			w.WriteHeader(http.StatusFound)
		}
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.PerHost = 32
	cfg.MaxConcurrency = 32
	cfg.MaxURLBytes = 16 << 10
	cfg.Timeout = 20 * time.Second // the server is slow to write 32 huge headers
	var urls []string
	for i := range 32 {
		urls = append(urls, fmt.Sprintf("%s/%d", srv.URL, i))
	}
	urls = append(urls, srv.URL+"/long")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	results, _ := newChecker(t, cfg).Check(context.Background(), urls)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("32 redirects with 4 MB Location headers: %v, %d MB allocated", elapsed, allocated>>20)
	if elapsed > 5*time.Second || allocated > 64<<20 {
		t.Errorf("took %v and allocated %d MB; want under 5s and 64 MB", elapsed, allocated>>20)
	}
	for _, u := range urls[:32] {
		if r := results[u]; r.Verdict != Unverifiable || r.Reason != "response headers too large (over links.max-header-bytes)" {
			t.Errorf("%s: got %v %q", u, r.Verdict, r.Reason)
		}
	}
	if r := results[srv.URL+"/long"]; r.Verdict != Unverifiable || r.Reason != "redirect to an address longer than 16384 bytes (links.max-url-length)" {
		t.Errorf("/long: got %v %q", r.Verdict, r.Reason)
	}
}

func TestLongLinkIsNotFetched(t *testing.T) {
	srv := newScenarioServer(t)
	cfg := testConfig()
	cfg.MaxURLBytes = 64
	long := srv.URL + "/ok?" + strings.Repeat("q", 64)
	results, _ := newChecker(t, cfg).Check(context.Background(), []string{long})
	if r := results[long]; r.Verdict != Unverifiable || r.Reason != "address longer than 64 bytes (links.max-url-length)" {
		t.Errorf("got %v %q", r.Verdict, r.Reason)
	}
	if n := srv.count("/ok"); n != 0 {
		t.Errorf("%d requests for a link over the cap", n)
	}
}

func TestPageAndRedirectLimitsAreConfigurable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscanf(r.URL.Path, "/r/%d", &n); err == nil && n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<p id="early">%s<p id="late">`, strings.Repeat("x", 2000))
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.MaxRedirects = 2
	cfg.MaxPageBytes = 1000
	results, _ := newChecker(t, cfg).Check(context.Background(), []string{srv.URL + "/r/2", srv.URL + "/r/3"})
	if r := results[srv.URL+"/r/2"]; r.Verdict != OK {
		t.Errorf("two redirects: got %v %q", r.Verdict, r.Reason)
	}
	if r := results[srv.URL+"/r/3"]; r.Verdict != Dead || r.Reason != "more than 2 redirects" {
		t.Errorf("three redirects: got %v %q", r.Verdict, r.Reason)
	}
	page := results[srv.URL+"/r/2"]
	if found, known := page.HasAnchor("early"); !found || !known {
		t.Errorf("anchor within max-page-bytes: found=%v known=%v", found, known)
	}
	if found, known := page.HasAnchor("late"); found || known {
		t.Errorf("anchor past max-page-bytes: found=%v known=%v, want unknown", found, known)
	}
}
