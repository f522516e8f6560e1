package report

// The HTML report in a real browser: Debian's chromium, headless, loads a
// report from a file with every request routed to a listener that counts
// them. Skipped when chromium is not installed (.ci/run installs it).

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// chromiumPath returns chromium's path, or skips the test.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium is not installed (Debian: apt-get install chromium): the browser test of the HTML report is skipped")
	return ""
}

// countingProxy is an HTTP proxy that answers nothing and records the
// first line of every request sent to it.
type countingProxy struct {
	ln       net.Listener
	mu       sync.Mutex
	requests []string
}

func startProxy(t *testing.T) *countingProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &countingProxy{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_ = c.SetDeadline(time.Now().Add(5 * time.Second))
				line, _ := bufio.NewReader(c).ReadString('\n')
				if line = strings.TrimSpace(line); line == "" {
					// A connection closed before any request line (the
					// browser's speculative preconnect, seen under load)
					// asked for nothing.
					return
				}
				p.mu.Lock()
				p.requests = append(p.requests, line)
				p.mu.Unlock()
				_, _ = c.Write([]byte("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
			}()
		}
	}()
	return p
}

// browserHosts are the hosts of chromium's own services, which it calls
// on start whatever its flags (component updates, account checks, network
// time): requests to them come from the browser, not from the page.
var browserHosts = []string{"google.com", "googleapis.com", "gvt1.com", "gstatic.com"}

// seen returns the requests that came from the page: all but those to
// the browser's own services.
func (p *countingProxy) seen() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, r := range p.requests {
		if !fromBrowser(r) {
			out = append(out, r)
		}
	}
	return out
}

// fromBrowser reports whether a request line ("GET http://host/path
// HTTP/1.1", "CONNECT host:443 HTTP/1.1") goes to one of browserHosts.
func fromBrowser(line string) bool {
	f := strings.Fields(line)
	if len(f) < 2 {
		return false
	}
	u, err := url.Parse(f[1])
	host := ""
	if err == nil && u.Host != "" {
		host = u.Hostname()
	} else if h, _, err := net.SplitHostPort(f[1]); err == nil {
		host = h
	}
	for _, b := range browserHosts {
		if host == b || strings.HasSuffix(host, "."+b) {
			return true
		}
	}
	return false
}

// chromium runs the browser headless on a file with args (--dump-dom,
// --screenshot), every request going to the proxy and no name resolving,
// and returns its standard output.
func chromium(t *testing.T, bin string, proxy *countingProxy, file string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	all := []string{
		"--headless=new", "--no-sandbox", "--disable-gpu",
		"--user-data-dir=" + t.TempDir(),
		"--no-first-run", "--no-default-browser-check", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
		"--disable-domain-reliability", "--no-pings", "--metrics-recording-only",
		"--disable-client-side-phishing-detection", "--disable-field-trial-config", "--safebrowsing-disable-auto-update",
		"--disable-features=NetworkTimeServiceQuerying,OptimizationHints,Translate,MediaRouter,CertificateTransparencyComponentUpdater,AutofillServerCommunication",
		"--proxy-server=http://" + proxy.ln.Addr().String(),
		"--proxy-bypass-list=<-loopback>",
		"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
	}
	all = append(all, args...)
	all = append(all, "file://"+file)
	cmd := exec.CommandContext(ctx, bin, all...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func titleOf(doc *html.Node) string {
	if ts := find(doc, func(n *html.Node) bool { return n.Data == "title" }); len(ts) == 1 {
		return nodeText(ts[0])
	}
	return ""
}

func TestHTMLInChromium(t *testing.T) {
	bin := chromiumPath(t)
	chdirRoot(t)
	out, res, sources := exampleReport(t, exampleDrafts, map[string]string{"testdata/drafts/tricky.md": trickyDraft})
	file := writeTemp(t, "report.html", out)
	proxy := startProxy(t)
	dom := page(t, chromium(t, bin, proxy, file, "--dump-dom"))

	// The report's own script ran (it marks the page), and nothing else
	// did: the draft's <script> would change the title, its <img onerror>
	// and its HTML block would mark the body.
	root := find(dom, func(n *html.Node) bool { return n.Data == "html" })[0]
	if ready, _ := attr(root, "data-report-ready"); ready != strconv.Itoa(len(res.Diagnostics)) {
		t.Errorf("the report's script did not run to its end: data-report-ready=%q, want %d", ready, len(res.Diagnostics))
	}
	want := "citelint report: " + plural(len(res.Diagnostics), "finding") + " in " + plural(len(sources), "file")
	if got := titleOf(dom); got != want {
		t.Errorf("title %q, want %q: a draft's script ran", got, want)
	}
	if pwned := find(dom, func(n *html.Node) bool { _, ok := attr(n, "data-pwned"); return ok }); len(pwned) > 0 {
		t.Errorf("a draft's event handler or script ran: %d elements marked", len(pwned))
	}
	if imgs := find(dom, func(n *html.Node) bool { return n.Data == "img" }); len(imgs) > 0 {
		t.Errorf("the page holds %d images", len(imgs))
	}
	if scripts := find(dom, func(n *html.Node) bool { return n.Data == "script" }); len(scripts) != 1 {
		t.Errorf("the page holds %d scripts, want the report's own", len(scripts))
	}
	// The draft's markup is there, as text.
	if !strings.Contains(nodeText(dom), `<img src=x onerror="document.body.setAttribute('data-pwned','1')">`) {
		t.Error("the draft's raw HTML is not shown as text")
	}
	checkAnchored(t, dom, res, sources)
	if reqs := proxy.seen(); len(reqs) > 0 {
		t.Errorf("the page sent %d requests: %q", len(reqs), reqs)
	}
}

// TestChromiumSensors shows that the browser test can fail: a page that
// loads a remote image and runs an inline handler is seen doing both, and
// the report's Content-Security-Policy alone stops both.
func TestChromiumSensors(t *testing.T) {
	bin := chromiumPath(t)
	const body = `<title>untouched</title><img src="http://example.com/pixel.png" onerror="document.title='ran'">`
	for _, tc := range []struct {
		name     string
		head     string
		ran      bool
		requests bool
	}{
		{"without a policy", "", true, true},
		{"with the report's policy", `<meta http-equiv="Content-Security-Policy" content="` + contentSecurityPolicy() + `">`, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			proxy := startProxy(t)
			file := writeTemp(t, "page.html", []byte("<!DOCTYPE html><html><head>"+tc.head+"</head><body>"+body+"</body></html>"))
			dom := page(t, chromium(t, bin, proxy, file, "--dump-dom", "--virtual-time-budget=1000"))
			if ran := titleOf(dom) == "ran"; ran != tc.ran {
				t.Errorf("inline handler ran: %v, want %v", ran, tc.ran)
			}
			if reqs := proxy.seen(); (len(reqs) > 0) != tc.requests {
				t.Errorf("requests %q, want some: %v", reqs, tc.requests)
			}
		})
	}
}

// TestHTMLScreenshot keeps a picture of the report of the news-style
// example draft, for people to look at: in $CITELINT_ARTEFACTS, or a
// folder in the system's temporary folder.
func TestHTMLScreenshot(t *testing.T) {
	bin := chromiumPath(t)
	here := chdirRoot(t)
	out, _, _ := exampleReport(t, []string{"testdata/drafts/news-claims.md"}, nil)
	t.Chdir(here)
	dir := os.Getenv("CITELINT_ARTEFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "citelint-artefacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "news-claims.html")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "news-claims.png")
	_ = os.Remove(shot)
	chromium(t, bin, startProxy(t), file, "--hide-scrollbars", "--window-size=1400,2400", "--screenshot="+shot)
	png, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || len(png) < 10000 {
		t.Fatalf("%s is not a screenshot of the page (%d bytes)", shot, len(png))
	}
	t.Logf("screenshot of the report of testdata/drafts/news-claims.md: %s", shot)
}

func TestFromBrowser(t *testing.T) {
	for line, want := range map[string]bool{
		"CONNECT update.googleapis.com:443 HTTP/1.1":     true,
		"GET http://clients2.google.com/time/1 HTTP/1.1": true,
		"CONNECT accounts.google.com:443 HTTP/1.1":       true,
		"GET http://example.com/pixel.png HTTP/1.1":      false,
		"CONNECT example.org:443 HTTP/1.1":               false,
		"GET http://google.com.example.net/ HTTP/1.1":    false,
		"GET http://notgoogle.com/ HTTP/1.1":             false,
		"":                                               false,
	} {
		if got := fromBrowser(line); got != want {
			t.Errorf("fromBrowser(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestHTMLCorpusInChromium opens the report of the 2,081-post corpus in
// chromium; it is long, so it runs when CITELINT_CORPUS_CHROMIUM=1.
func TestHTMLCorpusInChromium(t *testing.T) {
	if os.Getenv("CITELINT_CORPUS_CHROMIUM") != "1" {
		t.Skip("set CITELINT_CORPUS_CHROMIUM=1 to open the corpus's report in chromium")
	}
	bin := chromiumPath(t)
	res, o := corpusReport(t)
	var buf bytes.Buffer
	start := time.Now()
	if err := (&HTML{Options: o}).Format(&buf, res); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files, %d findings: report of %.1f MB written in %v", len(o.Files), len(res.Diagnostics), float64(buf.Len())/1e6, time.Since(start).Round(time.Millisecond))
	file := writeTemp(t, "corpus.html", buf.Bytes())
	if keep := os.Getenv("CITELINT_CORPUS_REPORT"); keep != "" {
		_ = os.WriteFile(keep, buf.Bytes(), 0o644)
	}
	proxy := startProxy(t)
	start = time.Now()
	dom := page(t, chromium(t, bin, proxy, file, "--dump-dom"))
	t.Logf("chromium loaded it and ran its script in %v", time.Since(start).Round(time.Millisecond))
	root := find(dom, func(n *html.Node) bool { return n.Data == "html" })[0]
	if ready, _ := attr(root, "data-report-ready"); ready != strconv.Itoa(len(res.Diagnostics)) {
		t.Errorf("data-report-ready=%q, want %d", ready, len(res.Diagnostics))
	}
	if reqs := proxy.seen(); len(reqs) > 0 {
		t.Errorf("the page sent %d requests: %q", len(reqs), reqs)
	}
}

// keyboardScript presses keys in the report and records which finding
// has the focus after each, with a rule filtered out before the last.
const keyboardScript = `(function () {
  var log = [];
  function key(k) {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    log.push(document.activeElement.id);
  }
  key('j'); key('j'); key('k'); key('p');
  var box = document.querySelector('input[data-filter="rule"][value="uncited-number"]');
  box.checked = false;
  box.dispatchEvent(new Event('change'));
  key('n');
  log.push(document.querySelectorAll('.note.filtered').length);
  log.push(document.getElementById('navstatus').textContent);
  document.documentElement.setAttribute('data-test-log', log.join('|'));
}());`

// TestHTMLKeyboardInChromium runs the report's script in chromium with a
// test script after it (allowed by its hash like the report's own) that
// presses j, k, n and p and filters a rule out.
func TestHTMLKeyboardInChromium(t *testing.T) {
	bin := chromiumPath(t)
	here := chdirRoot(t)
	out, res, _ := exampleReport(t, []string{"testdata/drafts/news-claims.md"}, nil)
	t.Chdir(here)
	sum := sha256.Sum256([]byte(keyboardScript))
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	page1 := strings.Replace(string(out), "; base-uri", " "+hash+"; base-uri", 1)
	page1 = strings.Replace(page1, "</body>", "<script>"+keyboardScript+"</script>\n</body>", 1)
	dom := page(t, chromium(t, bin, startProxy(t), writeTemp(t, "keys.html", []byte(page1)), "--dump-dom"))
	root := find(dom, func(n *html.Node) bool { return n.Data == "html" })[0]
	got, _ := attr(root, "data-test-log")
	last, firstVague, uncited := -1, -1, 0
	for i, d := range res.Diagnostics {
		last = i
		if d.Rule == "uncited-number" {
			uncited++
		} else if firstVague < 0 {
			firstVague = i
		}
	}
	want := "f0|f1|f0|f" + strconv.Itoa(last) + "|f" + strconv.Itoa(firstVague) + "|" + strconv.Itoa(uncited) +
		"|Finding 1 of " + strconv.Itoa(len(res.Diagnostics)-uncited) + ": " + res.Diagnostics[firstVague].Message
	if got != want {
		t.Errorf("keys: got\n%s\nwant\n%s", got, want)
	}
}
