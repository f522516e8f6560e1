package linkcheck

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sync"

	"github.com/citelint/citelint/extract"
)

// extractable reports whether a served media type is one whose text is
// read: HTML, PDF, plain text and Markdown.
func extractable(mediaType string) bool {
	switch mediaType {
	case "text/html", "application/xhtml+xml", "application/pdf", "text/plain", "text/markdown", "text/x-markdown":
		return true
	}
	return false
}

// judgeKeptPage judges a successful page as judgePage does, from the
// same body, and keeps its text: the body is read whole, up to
// MaxTextPageBytes, once. A type whose text is not read is not
// downloaded.
func (c *Checker) judgeKeptPage(r Result, resp *http.Response) Result {
	r.Verdict, r.Reason = OK, fmt.Sprintf("HTTP %d", resp.StatusCode)
	if r.MovedTo != "" {
		r.Verdict, r.Reason = Redirected, fmt.Sprintf("moved permanently to %s", r.MovedTo)
	}
	pageURL := r.URL
	if r.FinalURL != "" {
		pageURL = r.FinalURL
	}
	contentType := resp.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(contentType); err == nil && !extractable(mt) {
		return r.WithPage(&extract.Page{URL: pageURL, ContentType: mt, Reason: "unsupported type " + mt})
	}
	body := &cappedReader{r: resp.Body, remaining: c.cfg.MaxTextPageBytes}
	data, _ := io.ReadAll(body) // cappedReader ends every read error in EOF, marking the body truncated
	if isHTML(contentType, bufio.NewReader(bytes.NewReader(data))) {
		r = withSigns(r, classifyHTML(bytes.NewReader(data)), body.truncated)
	}
	switch {
	case body.truncated && body.remaining <= 0:
		return r.WithPage(&extract.Page{URL: pageURL, Reason: fmt.Sprintf("too large: over %d bytes (links.max-text-page-bytes)", c.cfg.MaxTextPageBytes)})
	case body.truncated:
		return r.WithPage(&extract.Page{URL: pageURL, Reason: "page cut short: the connection ended before the page did"})
	}
	// An unreadable PDF's error is in the page's Reason: it is no failure
	// of the link.
	p, _ := extract.FromBody(pageURL, contentType, data, c.cfg.TextLimits)
	return r.WithPage(p)
}

// TextNotCached is the Reason of the page an offline run gives a page
// that was served when it was checked but whose text the cache does not
// hold (the run that checked it kept none): the text was never read, so
// a rule judging the page's words has no answer, rather than a page
// that cannot be read.
const TextNotCached = "not-checked: the page's text is not in the cache (offline)"

// unreadPage is the page of a result whose text was not read, with the
// reason: made when first asked for, for most such links (dead ones) never
// are, and a run may meet thousands.
type unreadPage struct {
	once     sync.Once
	url, why string
	verdict  Verdict
	status   int
	verdicts *VerdictCache
	page     *extract.Page
	meta     *PageMeta
}

func (u *unreadPage) make() {
	u.once.Do(func() {
		reason := u.verdict.String() + ": " + u.why
		if (u.verdict == OK || u.verdict == Redirected || u.verdict == Paywalled) && u.status >= 200 && u.status < 300 {
			reason = TextNotCached
		}
		u.page = &extract.Page{URL: u.url, Reason: reason}
		u.meta = &PageMeta{Reason: reason, Verdicts: u.verdicts}
	})
}

// Page returns the page, the same each time.
func (u *unreadPage) Page() *extract.Page { u.make(); return u.page }

// Meta returns what is known of the page, the same each time.
func (u *unreadPage) Meta() *PageMeta { u.make(); return u.meta }

// withPage gives a result of a checker keeping text its Page: the page
// marked paywalled when the verdict is (the free part is what was read),
// or a page that is not readable, with the reason, when nothing was
// read. The page is copied, never changed where the cache holds it.
func (c *Checker) withPage(r Result) Result {
	if r.page != nil {
		load, url, paywalled, evidence := r.page, r.URL, r.Verdict == Paywalled, r.Reason
		r.page = sync.OnceValue(func() *extract.Page {
			p := load()
			if p == nil {
				return &extract.Page{URL: url, Reason: "the page's text is missing from the link cache; check the links again with: citelint links --refresh"}
			}
			c := *p
			if paywalled {
				c.MarkPaywalled(evidence)
			}
			return &c
		})
		if r.meta != nil {
			// From the cache: what is known without the text is known
			// now, and made once rather than at each question.
			m := *r.meta()
			if paywalled {
				p := extract.Page{Readable: m.Readable, Reason: m.Reason}
				p.MarkPaywalled(evidence)
				m.Partial, m.Reason = p.Partial, p.Reason
			}
			m.Verdicts = c.verdicts
			r.meta = func() *PageMeta { return &m }
			return r
		}
		// Fetched in this run: the text is at hand.
		page, verdicts := r.page, c.verdicts
		r.meta = sync.OnceValue(func() *PageMeta {
			p := page()
			m := PageMeta{Readable: p.Readable, Partial: p.Partial, Reason: p.Reason, Verdicts: verdicts}
			if p.Readable {
				m.TextHash = TextHash(p)
			}
			return &m
		})
		return r
	}
	u := &unreadPage{url: r.URL, why: r.Reason, verdict: r.Verdict, status: r.Status, verdicts: c.verdicts}
	r.page, r.meta = u.Page, u.Meta
	return r
}
