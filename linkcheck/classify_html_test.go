package linkcheck

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestClassifyHTMLBoundedOnHostileInput(t *testing.T) {
	for name, doc := range map[string]string{
		"deep JSON-LD":     `<script type="application/ld+json">` + strings.Repeat("[", 200_000) + `</script><p id=after>`,
		"huge attribute":   `<div id="` + strings.Repeat("x", DefaultMaxPageBytes-20) + `">`,
		"many attributes":  `<div ` + strings.Repeat(`a="b" `, 300_000) + `>`,
		"unclosed comment": `<p id=a><!--` + strings.Repeat("-", 1<<20),
	} {
		start := time.Now()
		page := classifyHTML(strings.NewReader(doc))
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
		if page.anchors == nil {
			t.Errorf("%s: no anchor set", name)
		}
	}
}

func TestClassifyHTMLIgnoresNestedItems(t *testing.T) {
	// A list of related, closed articles does not close this page.
	doc := `<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":true,
		"relatedLink":{"@type":"NewsArticle","isAccessibleForFree":false}}</script>`
	if page := classifyHTML(strings.NewReader(doc)); page.strong != "" {
		t.Errorf("nested item judged as the page: %q", page.strong)
	}
}

func TestSubstackPaywallMarkup(t *testing.T) {
	for _, tc := range []struct {
		name, body, strong string
	}{
		{"current", `<div class="paywall" data-component-name="Paywall"><h2>For paid subscribers</h2></div>`, "Substack paywall block"},
		{"current, test id only", `<div data-testid="paywall"></div>`, "Substack paywall block"},
		{"older", `<div class="body markup"><p>teaser</p></div><div class="paywall"><h2 class="paywall-title">This post is for paid subscribers</h2></div>`, "Substack paywall block (class paywall)"},
		{"older, among other classes", `<div class="post paywall visible">x</div>`, "Substack paywall block (class paywall)"},
		{"free page talking about paywalls", `<p>Why we will never put up a paywall.</p><h2 id="paywall">Paywall</h2><p class="note">No paywall here.</p>`, ""},
		{"class that only contains the word", `<div class="paywall-title no-paywall">Free for all</div>`, ""},
		{"paywall class on another element", `<span class="paywall">word</span>`, ""},
	} {
		page := classifyHTML(strings.NewReader(page("", tc.body)))
		if page.strong != tc.strong {
			t.Errorf("%s: strong evidence %q, want %q", tc.name, page.strong, tc.strong)
		}
	}
}

func FuzzClassifyHTML(f *testing.F) {
	for _, seed := range []string{
		"",
		`<html><head><script type="application/ld+json">{"isAccessibleForFree":"False","hasPart":[{"isAccessibleForFree":false}]}</script></head></html>`,
		`<meta property="article:content_tier" content="locked"><a name=x id=y>`,
		`<script custom-element="amp-subscriptions"></script><section subscriptions-section="content-not-granted">`,
		`<aside class="gh-post-upgrade-cta"><div data-component-name="Paywall">`,
		`<script src="//cdn.tinypass.com/x.js"></script><p <b>>>< id='x'`,
		`<script type="application/ld+json">{"@graph":[{"isAccessibleForFree":false}]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		page := classifyHTML(bytes.NewReader(data))
		if page.anchors == nil {
			t.Fatal("nil anchor set")
		}
		r := Result{anchors: page.anchors, truncated: !page.complete}
		r.HasAnchor(string(data))
	})
}
