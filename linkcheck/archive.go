package linkcheck

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

// maxArchiveBytes caps the availability API's answer.
const maxArchiveBytes = 64 << 10

// calendarURL returns the Wayback Machine's list of captures of u.
func calendarURL(u string) string {
	return "https://web.archive.org/web/*/" + u
}

// closestSnapshot asks the availability API for the capture of link
// closest to now; "" means there is none.
func (c *Checker) closestSnapshot(ctx context.Context, link string) (string, error) {
	api, err := url.Parse(c.cfg.ArchiveAPI)
	if err != nil {
		return "", fmt.Errorf("parse archive API %q: %w", c.cfg.ArchiveAPI, err)
	}
	query := api.Query()
	query.Set("url", link)
	api.RawQuery = query.Encode()
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, api.String(), nil)
	if err != nil {
		return "", fmt.Errorf("archive lookup for %s: %w", link, err)
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "application/json")
	resp, err := c.client.Do(req)
	if err != nil {
		if resp != nil {
			closeBody(resp)
		}
		return "", fmt.Errorf("archive lookup for %s: %w", link, err)
	}
	defer closeBody(resp)
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("archive lookup for %s: HTTP %d", link, resp.StatusCode)
	}
	var answer struct {
		ArchivedSnapshots struct {
			Closest struct {
				Available bool   `json:"available"`
				URL       string `json:"url"`
			} `json:"closest"`
		} `json:"archived_snapshots"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxArchiveBytes)).Decode(&answer); err != nil {
		return "", fmt.Errorf("archive lookup for %s: decode answer: %w", link, err)
	}
	closest := answer.ArchivedSnapshots.Closest
	if !closest.Available || closest.URL == "" {
		return "", nil
	}
	// The API answers with http:// addresses that the archive serves over
	// https too; suggest the secure one.
	return strings.Replace(closest.URL, "http://web.archive.org/", "https://web.archive.org/", 1), nil
}

// ArchivedCopy returns the archived copy of a dead link the archive named
// (with links.suggest-archive), or "" when ArchiveURL is only the list of
// captures to look through: a capture is a certain replacement for the
// link, the list is not.
func (r Result) ArchivedCopy() string {
	if r.ArchiveURL == "" || r.ArchiveURL == calendarURL(r.URL) {
		return ""
	}
	return r.ArchiveURL
}
