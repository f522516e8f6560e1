package rules

import (
	"errors"
	"html"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/yuin/goldmark/util"
)

// The link rules (dead-link, paywalled-link, redirected-link,
// unverifiable-link, broken-fragment) share this file's view of a
// document's links. They are Network rules: the driver checks the URLs
// LinkTargets lists before the run and offers the results through
// LinkValues, or, offline, offers the cache through CachedLinkValues. They
// also work without results (in a driver that checks no links): the checks
// that need no network — relative links to files in the repository and
// fragments within the document — do not depend on them.

// linkFactsKey is the Pass.Value key of the run's *linkFacts.
type linkFactsKey struct{}

// linkFacts is what the link rules know about links for one run, shared by
// every document and rule.
type linkFacts struct {
	// lookup returns the link checker's verdict on a URL as LinkTargets
	// lists it; nil when links were not checked.
	lookup func(url string) (linkcheck.Result, bool)
	files  *localFiles
}

// DefaultMaxLocalFileBytes is the default of LinkOptions.MaxLocalFileBytes.
const DefaultMaxLocalFileBytes = linkcheck.DefaultMaxLocalFileBytes

// LinkOptions are the link rules' settings for relative links.
type LinkOptions struct {
	// MaxLocalFileBytes caps what is read of a Markdown file a relative
	// link points to, to find its anchors; a larger file's anchors are not
	// judged. Zero means DefaultMaxLocalFileBytes. Only regular files are
	// read (a FIFO or a device never is).
	MaxLocalFileBytes int64
}

// LinkValues returns the runner values (lint.Runner.Values) that hand the
// link checker's results to the link rules. results is keyed by the URLs
// LinkTargets listed, as linkcheck.Checker.Check returns them; nil means
// links were not checked, and only the checks that need no network run.
func LinkValues(results map[string]linkcheck.Result, opts LinkOptions) map[any]any {
	var lookup func(string) (linkcheck.Result, bool)
	if results != nil {
		lookup = func(url string) (linkcheck.Result, bool) {
			r, ok := results[url]
			return r, ok
		}
	}
	return map[any]any{linkFactsKey{}: &linkFacts{lookup: lookup, files: newLocalFiles(opts.MaxLocalFileBytes)}}
}

// CachedLinkValues returns the runner values that let the link rules judge
// web links from the link checker's cache alone, as they meet them: an
// offline run needs no list of links made beforehand, and so reads each
// file once.
func CachedLinkValues(cache *linkcheck.CachedLookup, opts LinkOptions) map[any]any {
	lookup := func(url string) (linkcheck.Result, bool) { return cache.Result(url), true }
	return map[any]any{linkFactsKey{}: &linkFacts{lookup: lookup, files: newLocalFiles(opts.MaxLocalFileBytes)}}
}

// factsOf returns the run's link facts, or facts holding no results (and
// a file memo for this pass alone) when the driver offered none.
func factsOf(p *lint.Pass) *linkFacts {
	if f, ok := p.Value(linkFactsKey{}).(*linkFacts); ok {
		return f
	}
	return &linkFacts{files: newLocalFiles(0)}
}

// LinkTargets lists the distinct http and https URLs a document links to,
// in order of first appearance and fragments included, as the link rules
// look their results up. Other schemes (mailto:, tel:), relative links and
// fragments within the document are left out: they need no network.
func LinkTargets(doc *lint.Document) []string {
	var out []string
	seen := make(map[string]bool)
	for _, l := range lint.Compute(doc, linksAnalysis) {
		if l.kind == webLink && !seen[l.target] {
			seen[l.target] = true
			out = append(out, l.target)
		}
	}
	return out
}

// linkKind says what a link destination points at.
type linkKind int

const (
	otherLink    linkKind = iota // another scheme, a protocol-relative or root-relative path, or empty
	webLink                      // http or https
	localLink                    // a path relative to the document
	fragmentLink                 // #anchor in the same document
)

// link is one link destination to judge: each inline link, autolink and
// bare URL, and each reference definition that a link uses (once,
// however many links use it).
type link struct {
	kind linkKind
	// target is the destination with Markdown escapes and entities decoded.
	target string
	// start and end span the destination as written: in the link, or in
	// the reference definition.
	start, end int
	// file is the path a localLink points to, relative to the working
	// directory; fragment is the decoded anchor of a local or fragment link.
	file, fragment string
}

// links returns the document's link destinations in source order of the
// links that use them, computed once per document for all link rules.
func links(p *lint.Pass) []link {
	return lint.ResultOf(p, linksAnalysis)
}

// linksAnalysis is the analysis of a document's link destinations, shared by the
// link rules.
var linksAnalysis = &lint.Analysis[[]link]{Name: "links", Run: findLinks}

// findLinks lists a document's link destinations; links returns them,
// computed once per document.
func findLinks(doc *lint.Document) []link {
	var out []link
	seenDef := make(map[int]bool)
	for _, c := range doc.Citations {
		switch c.Kind {
		case lint.InlineLink, lint.Autolink, lint.BareURL, lint.HTMLLink:
		case lint.ReferenceLink:
			if seenDef[c.TargetStart] {
				continue
			}
			seenDef[c.TargetStart] = true
		default:
			continue
		}
		l := link{target: destination(c.Target), start: c.TargetStart, end: c.TargetEnd}
		l.kind, l.file, l.fragment = classifyLink(doc.Path, l.target)
		out = append(out, l)
	}
	return out
}

// destination decodes a link destination as CommonMark reads it:
// backslash escapes and entity references.
func destination(raw string) string {
	if !strings.ContainsAny(raw, `\&`) {
		return raw
	}
	return html.UnescapeString(string(util.UnescapePunctuations([]byte(raw))))
}

// schemePrefix returns the URL scheme (RFC 3986) that starts target, with
// its colon, or "".
func schemePrefix(target string) string {
	for i := 0; i < len(target); i++ {
		c := target[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-'):
		case i > 0 && c == ':':
			return target[:i+1]
		default:
			return ""
		}
	}
	return ""
}

// classifyLink says what target points at. For a relative link it returns
// the file (relative to the working directory, as docPath is) and the
// decoded fragment.
func classifyLink(docPath, target string) (kind linkKind, file, fragment string) {
	if s := schemePrefix(target); s != "" {
		if scheme := strings.ToLower(s); scheme == "http:" || scheme == "https:" {
			return webLink, "", ""
		}
		return otherLink, "", ""
	}
	rest, frag, hasFrag := strings.Cut(target, "#")
	if hasFrag {
		frag = unescapeFragment(frag)
	}
	rest, _, _ = strings.Cut(rest, "?")
	switch {
	case rest == "" && hasFrag:
		return fragmentLink, "", frag
	case rest == "", strings.HasPrefix(rest, "/"), strings.HasPrefix(rest, `\`):
		// Root-relative paths mean the site's root or the repository's,
		// depending on where the draft is published: not judged.
		return otherLink, "", ""
	}
	if p, err := url.PathUnescape(rest); err == nil {
		rest = p
	}
	return localLink, path.Join(path.Dir(docPath), rest), frag
}

func unescapeFragment(f string) string {
	if u, err := url.PathUnescape(f); err == nil {
		return u
	}
	return f
}

// result returns the link checker's result for l, and whether there is one
// worth judging (checked, not skipped on purpose).
func (f *linkFacts) result(l link) (linkcheck.Result, bool) {
	if l.kind != webLink || f.lookup == nil {
		return linkcheck.Result{}, false
	}
	return f.lookup(l.target)
}

// localFiles answers questions about the files relative links point to:
// whether one exists, and which anchors a Markdown file has. Each file is
// looked at once per run, whichever document or rule asks first. It is
// safe for concurrent use.
type localFiles struct {
	// maxBytes caps what is read of one file.
	maxBytes int64

	mu    sync.Mutex
	files map[string]*localFile
}

type localFile struct {
	statOnce sync.Once
	missing  bool

	anchorsOnce sync.Once
	anchors     map[string]bool // nil when unknown
}

func newLocalFiles(maxBytes int64) *localFiles {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxLocalFileBytes
	}
	return &localFiles{maxBytes: maxBytes, files: make(map[string]*localFile)}
}

func (lf *localFiles) get(name string) *localFile {
	lf.mu.Lock()
	defer lf.mu.Unlock()
	f := lf.files[name]
	if f == nil {
		f = &localFile{}
		lf.files[name] = f
	}
	return f
}

// missing reports whether name does not exist. Other failures to look
// (permissions, say) count as existing: the link is not judged dead on
// such evidence.
func (lf *localFiles) missing(p *lint.Pass, name string) bool {
	f := lf.get(name)
	f.statOnce.Do(func() {
		_, err := p.Stat(name)
		f.missing = errors.Is(err, fs.ErrNotExist)
	})
	return f.missing
}

// anchors returns the anchors of the Markdown file name, or nil when it is
// not a Markdown file or cannot be read and parsed.
func (lf *localFiles) anchors(p *lint.Pass, name string) map[string]bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
	default:
		return nil
	}
	f := lf.get(name)
	f.anchorsOnce.Do(func() {
		src, err := p.ReadFile(name, lf.maxBytes)
		if err != nil {
			return
		}
		doc, err := lint.Parse(name, src, lint.Markdown)
		if err != nil {
			return
		}
		f.anchors = documentAnchors(doc)
	})
	return f.anchors
}

// documentAnchors returns the anchors a reader can link to in a Markdown
// document as GitHub renders it, lowercased: each heading's slug, and the
// id and name attributes of HTML written in the document.
func documentAnchors(doc *lint.Document) map[string]bool {
	anchors := make(map[string]bool)
	used := make(map[string]int)
	for _, b := range doc.Blocks {
		if b.Kind != lint.Heading {
			continue
		}
		// GitHub numbers repeated slugs (intro, intro-1, intro-2), skipping
		// numbers another heading's slug already took.
		base := headingSlug(headingText(doc, b))
		slug := base
		for {
			if _, taken := used[slug]; !taken {
				break
			}
			used[base]++
			slug = base + "-" + strconv.Itoa(used[base])
		}
		used[slug] = 0
		anchors[slug] = true
	}
	for _, m := range htmlAnchor.FindAllSubmatch(doc.Source, -1) {
		for _, g := range m[1:] {
			if len(g) > 0 {
				anchors[strings.ToLower(html.UnescapeString(string(g)))] = true
			}
		}
	}
	return anchors
}

// htmlAnchor matches an id or name attribute in an HTML tag.
var htmlAnchor = regexp.MustCompile(`<[A-Za-z][^<>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))`)

// headingText returns a heading's text as a browser shows it: the prose
// text with code spans and autolinks spelled out (the prose text stands an
// ObjectRune for them) and images left out.
func headingText(doc *lint.Document, b *lint.Block) string {
	if !strings.ContainsRune(b.Text, lint.ObjectRune) {
		return b.Text
	}
	var sb strings.Builder
	for i, r := range b.Text {
		if r != lint.ObjectRune {
			sb.WriteRune(r)
			continue
		}
		start, end := b.SourceSpan(i, i+len(string(lint.ObjectRune)))
		sb.WriteString(objectText(string(doc.Source[start:end])))
	}
	return sb.String()
}

// objectText returns the visible text of an inline object's source: a code
// span's content, an autolink's URL, nothing for an image or a footnote
// reference.
func objectText(src string) string {
	switch {
	case strings.HasPrefix(src, "`"):
		s := strings.Trim(src, "`")
		if len(s) > 2 && s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "" {
			s = s[1 : len(s)-1]
		}
		return s
	case strings.HasPrefix(src, "<"):
		return strings.Trim(src, "<>")
	case strings.HasPrefix(src, "!"), strings.HasPrefix(src, "[^"):
		return ""
	}
	return src // a bare URL
}

// headingSlug is GitHub's anchor for a heading's text: lowercased, with
// punctuation and symbols removed and each space turned into a hyphen.
func headingSlug(text string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case r == ' ':
			sb.WriteByte('-')
		case r == '-', r == '_', unicode.IsLetter(r), unicode.IsNumber(r), unicode.IsMark(r), unicode.Is(unicode.Pc, r):
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// hasFragment reports whether anchors holds fragment. The empty fragment
// and "top" lead to the top of any page; matching ignores case, since
// GitHub's slugs are lowercase and its pages follow a link written in
// capitals too.
func hasFragment(anchors map[string]bool, fragment string) bool {
	f := strings.ToLower(fragment)
	return f == "" || f == "top" || anchors[f] || anchors[strings.TrimPrefix(f, "user-content-")]
}

// closestAnchor returns the anchor most like fragment, for a suggestion,
// or "" when none is close: one that extends it (a heading that grew a
// word), or one within a third of its length in single-letter edits.
func closestAnchor(anchors map[string]bool, fragment string) string {
	f := strings.ToLower(fragment)
	best, bestDist := "", len([]rune(f))/3+1
	for a := range anchors {
		d := editDistance(f, a)
		if strings.HasPrefix(a, f) && f != "" {
			d = 0
		}
		if d < bestDist || (d == bestDist && best != "" && a < best) {
			best, bestDist = a, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
