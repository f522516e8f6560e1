package linkcheck

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// slowServer answers every request with a small page after delay.
func slowServer(b *testing.B, delay time.Duration) *httptest.Server {
	b.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		time.Sleep(delay)
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, page("", `<h1 id="title">ok</h1>`))
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkOneHost checks 1,000 distinct URLs on one server that answers
// after 50ms, with the per-host limit raised to the global limit and no
// pacing. The floor is 1000 × 50ms ÷ 32 = 1.5625s; the ratio metric is
// the wall time over that floor.
func BenchmarkOneHost(b *testing.B) {
	const links, delay, concurrency = 1000, 50 * time.Millisecond, 32
	srv := slowServer(b, delay)
	urls := make([]string, links)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/page/%d", srv.URL, i)
	}
	floor := time.Duration(links) * delay / concurrency
	for b.Loop() {
		wall := timedCheck(b, Config{MaxConcurrency: concurrency, PerHost: concurrency, MinInterval: -1, AllowPrivate: true}, urls)
		b.ReportMetric(wall.Seconds(), "wall-s")
		b.ReportMetric(float64(wall)/float64(floor), "x-floor")
	}
}

// timedCheck checks urls with a new Checker, fails unless every one is OK,
// and returns the wall time the check took.
func timedCheck(b *testing.B, cfg Config, urls []string) time.Duration {
	c, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	results, _ := c.Check(context.Background(), urls)
	wall := time.Since(start)
	for _, u := range urls {
		if r := results[u]; r.Verdict != OK {
			b.Fatalf("%s: %v %s", u, r.Verdict, r.Reason)
		}
	}
	return wall
}

// BenchmarkManyHosts checks 1,000 URLs spread over 50 servers answering
// after 50ms, at the default politeness (2 in flight and 100ms between
// request starts per host, 32 in all). Per host, 20 requests paced at
// 100ms take about 1.95s; globally the floor is 1.5625s.
func BenchmarkManyHosts(b *testing.B) {
	const hosts, perHost, delay = 50, 20, 50 * time.Millisecond
	var urls []string
	for range hosts {
		srv := slowServer(b, delay)
		for i := range perHost {
			urls = append(urls, fmt.Sprintf("%s/page/%d", srv.URL, i))
		}
	}
	for b.Loop() {
		b.ReportMetric(timedCheck(b, Config{AllowPrivate: true}, urls).Seconds(), "wall-s")
	}
}
