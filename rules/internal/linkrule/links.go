// Package linkrule is what the link rules (dead-link, paywalled-link,
// redirected-link, unverifiable-link, broken-fragment) share: their view of
// a document's links, the link checker's results and the files relative
// links point to.
package linkrule

import (
	"errors"
	"html"
	"io/fs"
	"iter"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/citelint/citelint/extract"
	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/yuin/goldmark/util"
)

// The link rules are Network rules: the driver checks the URLs Targets
// lists before the run and offers the results through Values, or,
// offline, offers the cache through CachedValues (package rules names
// these for drivers outside rules/). They
// also work without results (in a driver that checks no links): the checks
// that need no network — relative links to files in the repository and
// fragments within the document — do not depend on them.

// linkFactsKey is the Pass.Value key of the run's *Facts.
type linkFactsKey struct{}

// Facts is what the link rules know about links for one run, shared by
// every document and rule.
type Facts struct {
	// lookup returns the link checker's verdict on a URL as Targets
	// lists it; nil when links were not checked.
	lookup func(url string) (linkcheck.Result, bool)
	Files  *localFiles

	memoMu sync.Mutex
	memo   map[any]*memoEntry
}

// memoEntry is one value of Facts.Memo, computed once.
type memoEntry struct {
	once sync.Once
	val  any
}

// Memo returns the value for key, computing it with fn the first time any
// rule asks in the run, from any document: what rules derive from a page
// (its figures) is derived once, however many drafts cite it. fn must not
// call Memo.
func (f *Facts) Memo(key any, fn func() any) any {
	f.memoMu.Lock()
	if f.memo == nil {
		f.memo = map[any]*memoEntry{}
	}
	e := f.memo[key]
	if e == nil {
		e = &memoEntry{}
		f.memo[key] = e
	}
	f.memoMu.Unlock()
	e.once.Do(func() { e.val = fn() })
	return e.val
}

// DefaultMaxLocalFileBytes is the default of Options.MaxLocalFileBytes.
const DefaultMaxLocalFileBytes = linkcheck.DefaultMaxLocalFileBytes

// Options are the link rules' settings for relative links.
type Options struct {
	// MaxLocalFileBytes caps what is read of a Markdown file a relative
	// link points to, to find its anchors; a larger file's anchors are not
	// judged. Zero means DefaultMaxLocalFileBytes. Only regular files are
	// read (a FIFO or a device never is).
	MaxLocalFileBytes int64
}

// Values returns the runner values (lint.Runner.Values) that hand the
// link checker's results to the link rules. results is keyed by the URLs
// Targets listed, as linkcheck.Checker.Check returns them; nil means
// links were not checked, and only the checks that need no network run.
func Values(results map[string]linkcheck.Result, opts Options) map[any]any {
	var lookup func(string) (linkcheck.Result, bool)
	if results != nil {
		lookup = func(url string) (linkcheck.Result, bool) {
			r, ok := results[url]
			return r, ok
		}
	}
	return map[any]any{linkFactsKey{}: &Facts{lookup: lookup, Files: newLocalFiles(opts.MaxLocalFileBytes)}}
}

// CachedValues returns the runner values that let the link rules judge
// web links from the link checker's cache alone, as they meet them: an
// offline run needs no list of links made beforehand, and so reads each
// file once.
//
// Each link is asked of the cache once per run: an answer carries the
// page's text, read from the cache's text file when first asked for, and
// the rules that read pages keep what they find by the page, so the same
// link answered anew per claim would read and search its page per claim.
func CachedValues(cache *linkcheck.CachedLookup, opts Options) map[any]any {
	var (
		mu      sync.Mutex
		answers = make(map[string]linkcheck.Result)
	)
	lookup := func(url string) (linkcheck.Result, bool) {
		mu.Lock()
		defer mu.Unlock()
		r, ok := answers[url]
		if !ok {
			r = cache.Result(url)
			answers[url] = r
		}
		return r, true
	}
	return map[any]any{linkFactsKey{}: &Facts{lookup: lookup, Files: newLocalFiles(opts.MaxLocalFileBytes)}}
}

// FactsOf returns the run's link facts, or facts holding no results (and
// a file memo for this pass alone) when the driver offered none.
func FactsOf(p *lint.Pass) *Facts {
	if f, ok := p.Value(linkFactsKey{}).(*Facts); ok {
		return f
	}
	return &Facts{Files: newLocalFiles(0)}
}

// Targets lists the distinct http and https URLs a document links to,
// in order of first appearance and fragments included, as the link rules
// look their results up. Other schemes (mailto:, tel:), relative links and
// fragments within the document are left out: they need no network.
func Targets(doc *lint.Document) []string {
	var out []string
	seen := make(map[string]bool)
	for _, l := range lint.Compute(doc, LinksAnalysis) {
		if l.Kind == WebLink && !seen[l.Target] {
			seen[l.Target] = true
			out = append(out, l.Target)
		}
	}
	return out
}

// LinkKind says what a link destination points at.
type LinkKind int

// The kinds of link destination.
const (
	OtherLink    LinkKind = iota // another scheme, a protocol-relative or root-relative path, or empty
	WebLink                      // http or https
	LocalLink                    // a path relative to the document
	FragmentLink                 // #anchor in the same document
)

// Link is one link destination to judge: each inline link, autolink and
// bare URL, and each reference definition that a link uses (once,
// however many links use it).
type Link struct {
	Kind LinkKind
	// Target is the destination with Markdown escapes and entities decoded.
	Target string
	// Start and end span the destination as written: in the link, or in
	// the reference definition.
	Start, End int
	// File is the path a LocalLink points to, relative to the working
	// directory; fragment is the decoded anchor of a local or fragment link.
	File, Fragment string
}

// Links returns the document's link destinations in source order of the
// links that use them, computed once per document for all link rules.
func Links(p *lint.Pass) []Link {
	return lint.ResultOf(p, LinksAnalysis)
}

// LinksAnalysis is the analysis of a document's link destinations, shared by the
// link rules.
var LinksAnalysis = &lint.Analysis[[]Link]{Name: "links", Run: findLinks}

// findLinks lists a document's link destinations; links returns them,
// computed once per document.
func findLinks(doc *lint.Document) []Link {
	// Sized once for every citation that may be a link: grown by append,
	// the list took several copies a document.
	n := 0
	for _, c := range doc.Citations {
		if isLinkKind(c.Kind) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Link, 0, n)
	var seenDef map[int]bool // made at the first reference link
	for _, c := range doc.Citations {
		if !isLinkKind(c.Kind) {
			continue
		}
		if c.Kind == lint.ReferenceLink {
			if seenDef[c.TargetStart] {
				continue
			}
			if seenDef == nil {
				seenDef = make(map[int]bool)
			}
			seenDef[c.TargetStart] = true
		}
		l := Link{Target: destination(c.Target), Start: c.TargetStart, End: c.TargetEnd}
		l.Kind, l.File, l.Fragment = classifyLink(doc.Path, l.Target)
		out = append(out, l)
	}
	return out
}

// isLinkKind reports whether a citation of kind k is a link.
func isLinkKind(k lint.CitationKind) bool {
	switch k {
	case lint.InlineLink, lint.Autolink, lint.BareURL, lint.HTMLLink, lint.ReferenceLink:
		return true
	}
	return false
}

// destination decodes a link destination as CommonMark reads it:
// backslash escapes and entity references.
func destination(raw string) string {
	// Two vectorised searches: ContainsAny reads a byte at a time, and
	// most destinations are long URLs with neither byte.
	if strings.IndexByte(raw, '\\') < 0 && strings.IndexByte(raw, '&') < 0 {
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
func classifyLink(docPath, target string) (kind LinkKind, file, fragment string) {
	if s := schemePrefix(target); s != "" {
		if scheme := strings.ToLower(s); scheme == "http:" || scheme == "https:" {
			return WebLink, "", ""
		}
		return OtherLink, "", ""
	}
	rest, frag, hasFrag := strings.Cut(target, "#")
	if hasFrag {
		frag = unescapeFragment(frag)
	}
	rest, _, _ = strings.Cut(rest, "?")
	switch {
	case rest == "" && hasFrag:
		return FragmentLink, "", frag
	case rest == "", strings.HasPrefix(rest, "/"), strings.HasPrefix(rest, `\`):
		// Root-relative paths mean the site's root or the repository's,
		// depending on where the draft is published: not judged.
		return OtherLink, "", ""
	}
	if p, err := url.PathUnescape(rest); err == nil {
		rest = p
	}
	return LocalLink, path.Join(path.Dir(docPath), rest), frag
}

func unescapeFragment(f string) string {
	if u, err := url.PathUnescape(f); err == nil {
		return u
	}
	return f
}

// Result returns the link checker's result for l, and whether there is one
// worth judging (checked, not skipped on purpose).
func (f *Facts) Result(l Link) (linkcheck.Result, bool) {
	if l.Kind != WebLink || f.lookup == nil {
		return linkcheck.Result{}, false
	}
	return f.lookup(l.Target)
}

// Results yields the web links of the pass's document that the link
// checker has a result for, with the result: what the rules that judge
// only web links (paywalled-link, redirected-link, unverifiable-link) read.
func Results(p *lint.Pass) iter.Seq2[Link, linkcheck.Result] {
	return func(yield func(Link, linkcheck.Result) bool) {
		facts := FactsOf(p)
		for _, l := range Links(p) {
			if r, ok := facts.Result(l); ok && !yield(l, r) {
				return
			}
		}
	}
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

	pageOnce sync.Once
	page     *extract.Page
}

func newLocalFiles(maxBytes int64) *localFiles {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxLocalFileBytes
	}
	return &localFiles{maxBytes: maxBytes} // files is made on first use: most passes look at none
}

func (lf *localFiles) get(name string) *localFile {
	lf.mu.Lock()
	defer lf.mu.Unlock()
	f := lf.files[name]
	if f == nil {
		f = &localFile{}
		if lf.files == nil {
			lf.files = make(map[string]*localFile)
		}
		lf.files[name] = f
	}
	return f
}

// Missing reports whether name does not exist. Other failures to look
// (permissions, say) count as existing: the link is not judged dead on
// such evidence.
func (lf *localFiles) Missing(p *lint.Pass, name string) bool {
	f := lf.get(name)
	f.statOnce.Do(func() {
		_, err := p.Stat(name)
		f.missing = errors.Is(err, fs.ErrNotExist)
	})
	return f.missing
}

// Anchors returns the anchors of the Markdown file name, or nil when it is
// not a Markdown file or cannot be read and parsed.
func (lf *localFiles) Anchors(p *lint.Pass, name string) map[string]bool {
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
		f.anchors = DocumentAnchors(doc)
	})
	return f.anchors
}

// DocumentAnchors returns the anchors a reader can link to in a Markdown
// document as GitHub renders it, lowercased: each heading's slug, and the
// id and name attributes of HTML written in the document.
func DocumentAnchors(doc *lint.Document) map[string]bool {
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
	for _, m := range htmlAnchor().FindAllSubmatch(doc.Source, -1) {
		for _, g := range m[1:] {
			if len(g) > 0 {
				anchors[strings.ToLower(html.UnescapeString(string(g)))] = true
			}
		}
	}
	return anchors
}

// htmlAnchor matches an id or name attribute in an HTML tag.
// It is compiled when first needed, not at every start-up.
var htmlAnchor = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`<[A-Za-z][^<>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))`)
})

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

// HasFragment reports whether anchors holds fragment. The empty fragment
// and "top" lead to the top of any page; matching ignores case, since
// GitHub's slugs are lowercase and its pages follow a link written in
// capitals too.
func HasFragment(anchors map[string]bool, fragment string) bool {
	f := strings.ToLower(fragment)
	return f == "" || f == "top" || anchors[f] || anchors[strings.TrimPrefix(f, "user-content-")]
}

// ClosestAnchor returns the anchor most like fragment, for a suggestion,
// or "" when none is close: one that extends it (a heading that grew a
// word), or one within a third of its length in single-letter edits.
func ClosestAnchor(anchors map[string]bool, fragment string) string {
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

// FitsDestination reports whether u can replace a link destination as is,
// for a fix: white space, angle brackets, parentheses and backslashes
// would need Markdown escaping that depends on how the destination was
// written.
func FitsDestination(u string) bool {
	return u != "" && !strings.ContainsAny(u, " \t\r\n<>()\\")
}

// OnlyCloseAnchor returns the anchor close to fragment (as ClosestAnchor
// judges) when exactly one is that close, or "": a fix must not pick
// between equally likely anchors.
func OnlyCloseAnchor(anchors map[string]bool, fragment string) string {
	best := ClosestAnchor(anchors, fragment)
	if best == "" {
		return ""
	}
	f := strings.ToLower(fragment)
	dist := func(a string) int {
		if strings.HasPrefix(a, f) && f != "" {
			return 0
		}
		return editDistance(f, a)
	}
	d := dist(best)
	for a := range anchors {
		if a != best && dist(a) == d {
			return ""
		}
	}
	return best
}
