package linkcheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// maxJSONLDBytes caps the size of a JSON-LD block that is decoded; larger
// ones are skipped.
const maxJSONLDBytes = 512 << 10

// pageSigns is what classifyHTML finds in a page.
type pageSigns struct {
	// anchors holds the values of every id attribute and of the name
	// attributes of a elements: what a fragment can point to.
	anchors map[string]bool
	// complete tells that the whole document was tokenized.
	complete bool
	// strong is the first strong paywall evidence, "" when none: a sign
	// that this page is closed.
	strong string
	// weak is the first weak paywall evidence, "" when none: a sign that
	// the site has a paywall.
	weak string
}

// classifyHTML tokenizes an HTML document in one streaming pass and
// collects anchors and paywall signs. Its memory is bounded by the longest
// token, which the tokenizer caps at DefaultMaxPageBytes; time is linear in the
// input. Text is never judged: a free page may well talk about
// subscriptions and paywalls.
func classifyHTML(r io.Reader) pageSigns {
	z := html.NewTokenizer(r)
	z.SetMaxBuf(DefaultMaxPageBytes)
	s := pageSigns{anchors: make(map[string]bool)}
	var (
		inJSONLD         bool // the next text token is a JSON-LD script
		ampSubscriptions bool // the page loads amp-subscriptions
		notGranted       bool // the page has a section for readers without access
	)
	for {
		switch z.Next() {
		case html.ErrorToken:
			s.complete = errors.Is(z.Err(), io.EOF)
			if ampSubscriptions && notGranted {
				s.setStrong(`AMP amp-subscriptions with a "content-not-granted" section`)
			}
			return s
		case html.TextToken:
			if inJSONLD {
				if text := z.Text(); len(text) <= maxJSONLDBytes && jsonLDClosed(text) {
					s.setStrong("schema.org isAccessibleForFree is false")
				}
			}
			inJSONLD = false
		case html.EndTagToken:
			inJSONLD = false
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := tagAttrs{name: string(name)}
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				tag.set(string(key), string(val))
			}
			s.readTag(tag)
			inJSONLD = tag.name == "script" && strings.EqualFold(strings.TrimSpace(tag.typ), "application/ld+json")
			if tag.name == "script" && tag.customElement == "amp-subscriptions" {
				ampSubscriptions = true
			}
			if tag.subscriptionsSection == "content-not-granted" {
				notGranted = true
			}
		}
	}
}

// tagAttrs holds the attributes of one start tag that classifyHTML reads.
type tagAttrs struct {
	name                 string
	id, anchorName       string
	class                string
	property, itemprop   string
	content              string
	src, typ             string
	customElement        string
	subscriptionsSection string
	componentName        string
	testID               string
}

func (t *tagAttrs) set(key, val string) {
	switch key {
	case "id":
		t.id = val
	case "name":
		t.anchorName = val
	case "class":
		t.class = val
	case "property":
		t.property = val
	case "itemprop":
		t.itemprop = val
	case "content":
		t.content = val
	case "src":
		t.src = val
	case "type":
		t.typ = val
	case "custom-element":
		t.customElement = val
	case "subscriptions-section":
		t.subscriptionsSection = val
	case "data-component-name":
		t.componentName = val
	case "data-testid":
		t.testID = val
	}
}

// readTag records the anchors and paywall signs of one start tag.
func (s *pageSigns) readTag(t tagAttrs) {
	if t.id != "" {
		s.anchors[t.id] = true
	}
	if t.anchorName != "" && t.name == "a" { // as browsers do
		s.anchors[t.anchorName] = true
	}
	switch {
	case t.name == "meta" && strings.EqualFold(t.property, "article:content_tier"):
		if tier := strings.ToLower(strings.TrimSpace(t.content)); tier == "locked" || tier == "metered" {
			s.setStrong("article:content_tier is " + tier)
		}
	case t.itemprop == "isAccessibleForFree" && t.content != "":
		if strings.EqualFold(strings.TrimSpace(t.content), "false") {
			s.setStrong("schema.org isAccessibleForFree is false (microdata)")
		}
	case t.name == "script" && t.src != "":
		if vendor := paywallVendor(t.src); vendor != "" {
			s.setWeak("the site loads the " + vendor + " paywall script")
		}
	}
	if hasClass(t.class, "gh-post-upgrade-cta") {
		s.setStrong("Ghost members-only post (gh-post-upgrade-cta)")
	}
	switch {
	case t.componentName == "Paywall" || t.testID == "paywall":
		s.setStrong("Substack paywall block")
	case t.name == "div" && hasClass(t.class, "paywall"):
		// Substack's older template marks the closed part with a bare
		// class; a class is markup, never the page's words about paywalls.
		s.setStrong("Substack paywall block (class paywall)")
	}
}

func (s *pageSigns) setStrong(reason string) {
	if s.strong == "" {
		s.strong = reason
	}
}

func (s *pageSigns) setWeak(reason string) {
	if s.weak == "" {
		s.weak = reason
	}
}

// hasClass reports whether a class attribute holds the class name.
func hasClass(classes, name string) bool {
	for _, c := range strings.Fields(classes) {
		if c == name {
			return true
		}
	}
	return false
}

// paywallVendor returns the name of the paywall vendor serving a script
// URL, "" when it is none of the known ones.
func paywallVendor(src string) string {
	u, err := url.Parse(strings.TrimSpace(src))
	if err != nil {
		return ""
	}
	host := u.Hostname()
	switch {
	case domainMatches(host, "tinypass.com"), domainMatches(host, "piano.io"):
		return "Piano"
	case domainMatches(host, "zephr.com"):
		return "Zephr"
	case domainMatches(host, "pelcro.com"):
		return "Pelcro"
	case domainMatches(host, "poool.fr"):
		return "Poool"
	}
	return ""
}

// jsonLDClosed reports whether a JSON-LD block says the page is not free:
// isAccessibleForFree false (or "False") on a top-level item, an item of
// its @graph, or a part in its hasPart (an object or an array). Nested
// items are not searched: a list of related articles is not this page.
func jsonLDClosed(text []byte) bool {
	var doc any
	if err := json.Unmarshal(bytes.TrimSpace(text), &doc); err != nil {
		return false
	}
	for _, item := range jsonLDItems(doc) {
		if notFree(item["isAccessibleForFree"]) {
			return true
		}
		for _, part := range objects(item["hasPart"]) {
			if notFree(part["isAccessibleForFree"]) {
				return true
			}
		}
	}
	return false
}

// jsonLDItems returns the top-level items of a JSON-LD document, those of
// its @graph included.
func jsonLDItems(doc any) []map[string]any {
	var items []map[string]any
	for _, item := range objects(doc) {
		items = append(items, item)
		items = append(items, objects(item["@graph"])...)
	}
	return items
}

// objects returns v as a list of JSON objects: v itself if it is one, the
// objects among its elements if it is an array.
func objects(v any) []map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return []map[string]any{v}
	case []any:
		var out []map[string]any
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// notFree reports whether an isAccessibleForFree value says false, as a
// boolean or, on older pages, as a string.
func notFree(v any) bool {
	switch v := v.(type) {
	case bool:
		return !v
	case string:
		return strings.EqualFold(strings.TrimSpace(v), "false")
	}
	return false
}
