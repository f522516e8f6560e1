package check

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
)

// Published is a published page checked as a draft ("citelint URL"): its
// main text, with its links, rendered as Markdown and checked like any
// draft, with the URL as its path.
type Published struct {
	// URL is the page's address as given: the findings' path.
	URL string
	// Text is the Markdown the page's main text was rendered as; findings'
	// lines, columns and offsets are in it.
	Text string
	// Note says which part was checked when not all of it was, such as
	// "paywalled: only the free part was checked (schema.org
	// isAccessibleForFree is false)"; "" when the whole page was.
	Note string
}

// isPageURL tells a path argument that is a published page's address.
func isPageURL(arg string) bool {
	lower := strings.ToLower(arg)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// publishedLinkDeadline bounds each link check of a run that checks
// published pages, when the links section sets no deadline: the page, not
// the writer, decides how many links there are and where they lead (a
// page of 200,000 links to a server that answers each in ten seconds
// would take days). Links not checked by then are reported unverifiable,
// never dead.
var publishedLinkDeadline = 5 * time.Minute

// splitPageURLs separates the published pages' addresses from the paths.
func splitPageURLs(paths []string) (files, urls []string) {
	for _, p := range paths {
		if isPageURL(p) {
			urls = append(urls, p)
		} else {
			files = append(files, p)
		}
	}
	return files, urls
}

// fetchPublished fetches the published pages through the link checker,
// which keeps their text (one GET per page, with the cache, the address
// guard and the size limits of any link), and returns them as Markdown
// inputs. A page that cannot be read is an error for that page; one read
// in part (a paywall) is checked as far as it is readable, and a note
// says so. Offline, pages come from the cache only.
func (l *Linter) fetchPublished(ctx context.Context, urls []string) ([]lint.Input, []lint.FileError, []Published, error) {
	if len(urls) == 0 {
		return nil, nil, nil, nil
	}
	checker, _, err := l.linkChecker(true, l.opts.Links == LinksOffline)
	if err != nil {
		return nil, nil, nil, err
	}
	results, sum := checker.Check(ctx, urls)
	for _, n := range linkCheckNotes(sum) {
		l.notify(true, n)
	}
	var (
		inputs    []lint.Input
		errs      []lint.FileError
		published []Published
	)
	seen := make(map[string]bool)
	for _, u := range urls {
		if seen[u] {
			continue
		}
		seen[u] = true
		r := results[u]
		page := r.Page()
		if page == nil || !page.Readable {
			errs = append(errs, lint.FileError{Path: u, Err: unreadablePage(r)})
			continue
		}
		pub := Published{URL: u, Text: page.Markdown()}
		switch {
		case r.Verdict == linkcheck.Paywalled:
			pub.Note = "paywalled: only the free part was checked (" + r.Reason + ")"
		case page.Partial:
			pub.Note = "only part of the page was checked: " + page.Reason
		}
		if pub.Note != "" {
			l.notify(true, u+": "+pub.Note)
		}
		published = append(published, pub)
		text := []byte(pub.Text)
		maxSize := l.limits.maxFileSize
		inputs = append(inputs, lint.Input{Path: u, Format: lint.Markdown, Read: func() ([]byte, error) {
			if int64(len(text)) > maxSize {
				return nil, errTooLarge(int64(len(text)), maxSize)
			}
			return text, nil
		}})
	}
	return inputs, errs, published, nil
}

// unreadablePage says why a published page could not be checked, and
// what to do.
func unreadablePage(r linkcheck.Result) error {
	reason := r.Reason
	if p := r.Page(); p != nil && p.Reason != "" {
		reason = p.Reason
	}
	if r.Verdict == linkcheck.NotChecked {
		return fmt.Errorf("page not checked: %s; run without --offline to fetch it", reason)
	}
	return errors.New("page not checked: " + reason)
}
