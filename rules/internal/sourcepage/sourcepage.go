// Package sourcepage finds the page a claim cites and the text to check it
// against, for the rules that ask whether the source says so
// (unsupported-figure, misquoted).
package sourcepage

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/citelint/citelint/extract"
	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/linkrule"
	"github.com/citelint/citelint/verify"
)

// Source is a cited page. What tells whether it can be read comes from
// the link cache without the page's text; the text itself is read when
// first needed (Text), which a claim whose verdict is cached never does.
type Source struct {
	// URL is the link's destination as the draft gives it.
	URL string
	// Readable tells that the page's text was read; Partial that only a
	// part could be (the free part of a paywalled page); Reason says why
	// not all of it.
	Readable, Partial bool
	Reason            string
	ref               *pageRef
}

// pageRef is one page as a document's claims see it: its metadata, and
// its text once read.
type pageRef struct {
	meta *linkcheck.PageMeta
	load func() *extract.Page
	once sync.Once
	page *extract.Page
	// text is the page's text as Text returns it, made once per page:
	// offsets into it (a match, the nearest figure) must stay valid,
	// and a long page must not be copied per finding.
	text string
}

// loaded returns the page with its text, read on the first call.
func (r *pageRef) loaded() *extract.Page {
	r.once.Do(func() {
		r.page = r.load()
		if r.page == nil {
			r.page = &extract.Page{Reason: "the page's text could not be read"}
		}
		r.text = pageText(r.page)
	})
	return r.page
}

// PageSource returns a source whose page is at hand (a test's, a local
// file's).
func PageSource(url string, p *extract.Page) Source {
	return sourceOf(url, &pageRef{meta: &linkcheck.PageMeta{Readable: p.Readable, Partial: p.Partial, Reason: p.Reason}, load: func() *extract.Page { return p }})
}

func sourceOf(url string, r *pageRef) Source {
	return Source{URL: url, Readable: r.meta.Readable, Partial: r.meta.Partial, Reason: r.meta.Reason, ref: r}
}

// Text is the text a claim is looked for in: the page's full visible text
// (tables and captions hold figures that a readability extraction drops),
// or its main text when that is all there is.
func (s Source) Text() string {
	if s.ref == nil {
		return ""
	}
	s.ref.loaded()
	return s.ref.text
}

func pageText(p *extract.Page) string {
	text := p.Full
	if text == "" {
		text = p.Main
	}
	// A quoted title is checked against the page's title, which a page's
	// visible text need not repeat.
	if t := p.Title; t != "" && !strings.Contains(text[:min(len(text), titleReach)], t) {
		text = t + "\n\n" + text
	}
	return text
}

// titleReach is how far into a page's text its title is looked for
// before the title is put in front.
const titleReach = 4096

// Finder answers, for one pass, which cited page a span of a block
// cites, reading each page's text and figures once.
type Finder struct {
	p      *lint.Pass
	facts  *linkrule.Facts
	byDest map[int]linkrule.Link
	// prepared holds each page's text prepared for quotations, once per
	// document: several times the text's size, too much to keep for the
	// run (a page's figures are kept for the run: see Figures).
	prepared map[*extract.Page]*verify.Prepared
	// refs holds the document's cited pages, by the identity of their
	// metadata (a web page's) or page (a local file's).
	refs  map[any]*pageRef
	links map[*lint.Block]*blockLinks
	// notes holds the links of each footnote definition, by label.
	notes map[string][]*lint.Citation
	// checks counts the claims checked so far (see MaxChecks).
	checks int
	// doc is where the document's findings are kept and whether they are
	// being recorded (see Replay); zero before Replay or when they are not
	// kept.
	doc docState
}

// MaxChecks bounds the claims one rule checks against their sources in
// one document. A check costs time linear in its page (a quotation is
// looked for in up to 8 MiB of text), so a draft of thousands of cited
// quotations must not hold the run; past the bound, the rule says once
// that it stopped.
const MaxChecks = 500

// Check counts one more claim checked, and reports whether it is within
// MaxChecks; the first call past it returns false with first true, for
// the rule to say that it stopped there.
func (f *Finder) Check() (ok, first bool) {
	f.checks++
	return f.checks <= MaxChecks, f.checks == MaxChecks+1
}

// Stopped is the message of the finding a rule reports at the first claim
// past MaxChecks.
func Stopped(what string) string {
	return fmt.Sprintf("not checked against its source: this file cites more than %d %s, the most checked in one file", MaxChecks, what)
}

// StoppedSuggestion is what the finding at the first claim past
// MaxChecks tells the writer to do.
const StoppedSuggestion = "check the rest by hand, or split the file into parts that cite fewer"

// New returns a finder for the pass, or nil when no link of the document
// has a page to check against: the run keeps no link facts (links are not
// judged at all), or none of its links was reached with an answer (the
// common offline case, a cache without page texts). The rules then skip
// the document without judging its claims.
func New(p *lint.Pass) *Finder {
	facts := linkrule.FactsOf(p)
	if facts == nil {
		return nil
	}
	links := linkrule.Links(p)
	// Most offline documents have no answered link. The finder's maps
	// are made when first written: a rerun that replays the document's
	// findings needs none of them. Whether any link is answered is found
	// once per document, for both rules; only a link the checker reached
	// can have an answer, and a document with none needs no finder made
	// to know it.
	var f *Finder
	if !lint.Memo(p, answeredKey{}, func() bool {
		for _, l := range links {
			if !reached(p, facts, l) {
				continue
			}
			if f == nil {
				f = &Finder{p: p, facts: facts}
			}
			if _, ok := f.pageMeta(l); ok {
				return true
			}
		}
		return false
	}) {
		return nil
	}
	if f == nil {
		f = &Finder{p: p, facts: facts}
	}
	return f
}

// answeredKey keys, in lint.Memo, whether any of a document's links has
// an answer (see New).
type answeredKey struct{}

// answer returns the page a link leads to, when the run has an answer
// about it: the checker reached it (or was refused), and it was read or
// could not be read for a reason. An offline run without the page's text
// has no answer, not a page that cannot be read.
func (f *Finder) answer(l linkrule.Link) (*pageRef, bool) {
	if !f.reached(l) {
		return nil, false
	}
	if f.refs == nil {
		f.refs = map[any]*pageRef{} // made once a link is reached: offline, most documents have none
	}
	var ref *pageRef
	switch r, _ := f.facts.Result(l); {
	case l.Kind == linkrule.WebLink && r.PageMeta() != nil:
		// The link cache tells whether the page can be read without
		// its text being read.
		meta := r.PageMeta()
		if ref = f.refs[meta]; ref == nil {
			ref = &pageRef{meta: meta, load: r.Page}
			f.refs[meta] = ref
		}
	default:
		page, ok := f.facts.Page(f.p, l)
		if !ok || page == nil {
			return nil, false
		}
		if ref = f.refs[page]; ref == nil {
			ref = &pageRef{meta: &linkcheck.PageMeta{Readable: page.Readable, Partial: page.Partial, Reason: page.Reason}, load: func() *extract.Page { return page }}
			f.refs[page] = ref
		}
	}
	if !ref.meta.Readable && ref.meta.Reason == linkcheck.TextNotCached {
		return nil, false
	}
	return ref, true
}

// pageMeta returns what is known of the page a link leads to without
// reading it, when the run has an answer about it (see answer). A web
// page's comes from the link cache as it is, with no record of the page
// made for the document: a rerun that replays the document's findings
// (Replay) needs only this.
func (f *Finder) pageMeta(l linkrule.Link) (*linkcheck.PageMeta, bool) {
	if l.Kind == linkrule.WebLink {
		r, ok := f.facts.Result(l) // asked once: the run's answers are shared under a lock
		if !ok || !reachedResult(r) {
			return nil, false
		}
		if m := r.PageMeta(); m != nil {
			return m, m.Readable || m.Reason != linkcheck.TextNotCached
		}
	}
	ref, ok := f.answer(l)
	if !ok {
		return nil, false
	}
	return ref.meta, true
}

// IsLink reports whether a citation is a link that can lead to a page
// (not a footnote, a Pandoc key or a site generator's template link).
func IsLink(c *lint.Citation) bool {
	switch c.Kind {
	case lint.InlineLink, lint.ReferenceLink, lint.Autolink, lint.BareURL, lint.HTMLLink:
		return true
	}
	return false
}

// MaxSources bounds the cited pages one claim is looked for in: the
// nearest readable ones of its sentence. A sentence may cite each of its
// figures to another page ("A found 54% [a], B found $4.2bn [b]"), so a
// claim held by any of them is supported; past a few, the others cite
// something else, and each page costs a search.
const MaxSources = 3

// Cited returns the pages cited by the links of block b that lie in
// sentence si or overlap the source span [start, end) of the claim, that
// the run has an answer for, nearest to the claim first: up to MaxSources
// pages that were read, then those reached that could not be read (the
// reason is worth an info finding when no page could be read). A link
// inside the claim (its words are the link's text, or the quotation holds
// the link) is nearest, and when no link on the claim has an answer, the
// claim's source is that unreached page and none is returned. None is
// returned either when no link has an answer: no link, a footnote, a link to another kind of place, or a web
// page that was not fetched (offline with nothing cached, the network
// down, the links deadline passed, a skipped address) or is dead, which
// the link rules report.
func (f *Finder) Cited(b *lint.Block, si, start, end int) []Source {
	type candidate struct {
		Source
		distance int
	}
	var read, unread []candidate
	seen := map[*pageRef]bool{}
	// own counts the links on the claim itself, and ownAnswered those
	// the run has an answer for.
	own, ownAnswered := 0, 0
	for _, c := range f.nearLinks(b, si, start, end) {
		l, ok := f.linkAt(c.TargetStart)
		if !ok {
			continue
		}
		ref, ok := f.answer(l)
		if distance(c, start, end) == 0 {
			own++
			if ok {
				ownAnswered++
			}
		}
		if !ok || seen[ref] {
			// The same page cited twice is looked at once, at its
			// nearest link.
			continue
		}
		seen[ref] = true
		d := distance(c, start, end)
		if ref.meta.Readable {
			read = append(read, candidate{sourceOf(l.Target, ref), d})
		} else {
			unread = append(unread, candidate{sourceOf(l.Target, ref), d})
		}
	}
	if own > 0 && ownAnswered == 0 {
		// The claim's own link ([15 goals](url)) names its source, and
		// that page was not reached: another page the sentence cites is
		// not where the claim comes from.
		return nil
	}
	byDistance := func(a, b candidate) int { return a.distance - b.distance }
	slices.SortStableFunc(read, byDistance)
	slices.SortStableFunc(unread, byDistance)
	out := make([]Source, 0, min(len(read), MaxSources)+len(unread))
	for _, c := range read[:min(len(read), MaxSources)] {
		out = append(out, c.Source)
	}
	for _, c := range unread {
		out = append(out, c.Source)
	}
	return out
}

// MaxLinksPerClaim bounds the links of a sentence that are considered for
// one of its claims: the nearest ones. A sentence of thousands of links
// and figures must not cost their product.
const MaxLinksPerClaim = 16

// distance is how far, in source bytes, a citation lies from [start,
// end): 0 when it overlaps.
func distance(c *lint.Citation, start, end int) int {
	return max(0, c.Start-end, start-c.End)
}

// nearLinks returns the links of block b that lie in sentence si or
// overlap [start, end), at most MaxLinksPerClaim of them, nearest first.
// A block's links are indexed by sentence once per document.
func (f *Finder) nearLinks(b *lint.Block, si, start, end int) []*lint.Citation {
	idx := f.linksOf(b)
	// The links overlapping the claim (a link in a quotation, a figure
	// in link text): links do not nest, so they are in order of both
	// ends.
	var out []*lint.Citation
	i, _ := slices.BinarySearchFunc(idx.all, start, func(c *lint.Citation, t int) int {
		if c.End <= t {
			return -1
		}
		return 1
	})
	for ; i < len(idx.all) && idx.all[i].Start < end && len(out) < MaxLinksPerClaim; i++ {
		out = append(out, idx.all[i])
	}
	// Then the sentence's, walking out from the claim.
	cs := idx.bySentence[si]
	hi, _ := slices.BinarySearchFunc(cs, start, func(c *lint.Citation, t int) int {
		if c.Start < t {
			return -1
		}
		return 1
	})
	lo := hi - 1
	for len(out) < MaxLinksPerClaim && (lo >= 0 || hi < len(cs)) {
		var c *lint.Citation
		if hi >= len(cs) || lo >= 0 && distance(cs[lo], start, end) <= distance(cs[hi], start, end) {
			c, lo = cs[lo], lo-1
		} else {
			c, hi = cs[hi], hi+1
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// linkAt returns the link whose destination starts at offset start.
func (f *Finder) linkAt(start int) (linkrule.Link, bool) {
	if f.byDest == nil {
		links := linkrule.Links(f.p)
		f.byDest = make(map[int]linkrule.Link, len(links))
		for _, l := range links {
			f.byDest[l.Start] = l
		}
	}
	l, ok := f.byDest[start]
	return l, ok
}

// linksOf returns a block's links, indexed once per document.
func (f *Finder) linksOf(b *lint.Block) *blockLinks {
	idx, ok := f.links[b]
	if !ok {
		idx = &blockLinks{bySentence: map[int][]*lint.Citation{}, cites: map[int]bool{}}
		add := func(c *lint.Citation) {
			idx.all = append(idx.all, c)
			idx.bySentence[c.Sentence] = append(idx.bySentence[c.Sentence], c)
		}
		for _, c := range b.Citations {
			idx.cites[c.Sentence] = true
			switch {
			case IsLink(c):
				add(c)
			case c.Kind == lint.FootnoteRef:
				// A footnote's links cite what its reference does: each
				// stands where the reference is ("45% of renters
				// moved.[^1]"), so that distances and sentences are the
				// reference's, and leads to its own page.
				for _, l := range f.footnoteLinks(c.Target) {
					at := *l
					at.Start, at.End, at.Block, at.Sentence, at.TextStart, at.TextEnd = c.Start, c.End, c.Block, c.Sentence, c.TextStart, c.TextEnd
					add(&at)
				}
			}
		}
		if f.links == nil {
			f.links = map[*lint.Block]*blockLinks{}
		}
		f.links[b] = idx
	}
	return idx
}

// footnoteLinks returns the links in the definition of footnote label
// (at most MaxLinksPerClaim), found once per document.
func (f *Finder) footnoteLinks(label string) []*lint.Citation {
	if f.notes == nil {
		f.notes = map[string][]*lint.Citation{}
		doc := f.p.Doc
		for _, c := range doc.Containers {
			if c.Kind != lint.FootnoteDefinition {
				continue
			}
			l, ok := footnoteLabel(doc.Source, c.Start)
			if !ok || f.notes[l] != nil {
				continue
			}
			links := []*lint.Citation{}
			for _, bi := range c.Blocks {
				for _, ct := range doc.Blocks[bi].Citations {
					if IsLink(ct) && len(links) < MaxLinksPerClaim {
						links = append(links, ct)
					}
				}
			}
			f.notes[l] = links
		}
	}
	return f.notes[label]
}

// footnoteLabel reads the label of the footnote definition at src[at:],
// "[^label]:".
func footnoteLabel(src []byte, at int) (string, bool) {
	if at < 0 || at+2 > len(src) || src[at] != '[' || src[at+1] != '^' {
		return "", false
	}
	rest := src[at+2 : min(len(src), at+2+maxFootnoteLabel)]
	i := bytes.Index(rest, []byte("]:"))
	if i <= 0 {
		return "", false
	}
	return string(rest[:i]), true
}

// maxFootnoteLabel bounds the bytes a footnote label is looked for in:
// Markdown labels are short (CommonMark allows 999 characters).
const maxFootnoteLabel = 1000

// HasLinks reports whether block b cites a page by a link: in sentence si,
// or anywhere in the block when si is negative.
func (f *Finder) HasLinks(b *lint.Block, si int) bool {
	idx := f.linksOf(b)
	if si < 0 {
		return len(idx.all) > 0
	}
	return len(idx.bySentence[si]) > 0
}

// Neighbour returns the sentence of block b next to sentence si that
// cites a page, when si cites none itself: the sentence before (a claim
// that refers back to what it just cited, "GSA [launched the
// community](url). It had 200 members then"), else the sentence after
// ("“…,” she said. [The post](url) lists more"). It returns -1 when si
// cites something of its own (a link, reached or not, a footnote, a
// Pandoc key: that is its source) or neither neighbour has a link.
func (f *Finder) Neighbour(b *lint.Block, si int) int {
	if si < 0 || si >= len(b.Sentences) || f.Cites(b, si) {
		return -1
	}
	if si > 0 && f.HasLinks(b, si-1) {
		return si - 1
	}
	if si+1 < len(b.Sentences) && f.HasLinks(b, si+1) {
		return si + 1
	}
	return -1
}

// Cites reports whether sentence si of block b cites anything of its
// own: a link (reached or not), a footnote, a Pandoc key, an author–year.
func (f *Finder) Cites(b *lint.Block, si int) bool { return f.linksOf(b).cites[si] }

// NeighbourPlace names where sentence k, which cites the page a claim of
// sentence si is checked against, lies as a message says it: "the
// sentence before", "an earlier sentence" or "the sentence after".
func NeighbourPlace(si, k int) string {
	switch {
	case k == si-1:
		return "the sentence before"
	case k < si:
		return "an earlier sentence"
	}
	return "the sentence after"
}

// blockLinks are a block's links, in order and by sentence.
type blockLinks struct {
	all        []*lint.Citation
	bySentence map[int][]*lint.Citation
	// cites tells the sentences that cite anything, a link or not (a
	// Pandoc key, an author–year): such a sentence names its own source.
	cites map[int]bool
}

// Unread returns the nearest of srcs (as Cited returns them) that could
// not be read, if any: a claim not in the pages that were read may be in
// that one, so its absence is no finding of fault.
func Unread(srcs []Source) (Source, bool) {
	for _, s := range srcs {
		if !s.Readable {
			return s, true
		}
	}
	return Source{}, false
}

// AlsoUnread is what a message adds when the claim's sentence also cites
// a page that could not be read.
func AlsoUnread(u Source) string {
	return fmt.Sprintf("; the sentence also cites %s, which cannot be read (%s)", u.URL, u.Reason)
}

// reached reports whether the checker reached a web link's page (or was
// refused by it): only then does the page, or the reason it could not be
// read, say anything about the claim. A local file is reached when it
// exists.
func (f *Finder) reached(l linkrule.Link) bool { return reached(f.p, f.facts, l) }

// reached is Finder.reached for pass p with the run's link facts.
func reached(p *lint.Pass, facts *linkrule.Facts, l linkrule.Link) bool {
	if l.Kind == linkrule.LocalLink {
		// A missing file is dead-link's finding, not a source unread.
		return !facts.Files.Missing(p, l.File)
	}
	if l.Kind != linkrule.WebLink {
		return false
	}
	r, ok := facts.Result(l)
	return ok && reachedResult(r)
}

// reachedResult reports whether the checker's answer about a web link
// reached its page (see reached).
func reachedResult(r linkcheck.Result) bool {
	switch r.Verdict {
	case linkcheck.OK, linkcheck.Redirected, linkcheck.Paywalled:
		return true
	case linkcheck.Unverifiable:
		// A server that answered and refused (403, 429, 5xx) is a
		// source that cannot be read; no answer at all (a timeout, the
		// links deadline, an address over its limit) is a page never
		// reached.
		return r.Status != 0
	}
	return false
}

// figuresKey keys a page's figures in the run's memo.
type figuresKey struct{ page *extract.Page }

// Figures returns the figures of a page's text, found once per run
// however many drafts cite the page (the run hands every draft the same
// page, online and from the cache).
func (f *Finder) Figures(s Source) []verify.Quantity {
	return f.facts.Memo(figuresKey{s.ref.loaded()}, func() any { return verify.SourceQuantities(s.Text()) }).([]verify.Quantity)
}

// Prepared returns a page's text prepared for quotations, once per
// document.
func (f *Finder) Prepared(s Source) *verify.Prepared {
	page := s.ref.loaded()
	p, ok := f.prepared[page]
	if !ok {
		p = verify.QuoteOptions{}.Prepare(s.Text())
		if f.prepared == nil {
			f.prepared = map[*extract.Page]*verify.Prepared{}
		}
		f.prepared[page] = p
	}
	return p
}

// Begin starts the check of one claim, d spanning it, against srcs (the
// pages Cited returned, the nearest first): past MaxChecks, or when the
// nearest page could not be read, it reports what a writer should know
// (once, for the bound; the reason, as info, for the page) and returns
// false. what names the kind of claim ("figure"), shown the claim as a
// message quotes it.
func (f *Finder) Begin(d lint.Diagnostic, srcs []Source, what, shown string) bool {
	if ok, first := f.Check(); !ok {
		if first {
			d.Severity, d.Message, d.Suggestion = lint.Info, Stopped(what+"s"), StoppedSuggestion
			f.Report(d)
		}
		return false
	}
	if src := srcs[0]; !src.Readable {
		f.Unreadable(d, src, src.Reason, what, shown)
		return false
	}
	return true
}

// Unreadable reports, as info, a claim whose nearest cited page cannot
// be read, for reason.
func (f *Finder) Unreadable(d lint.Diagnostic, src Source, reason, what, shown string) {
	d.Severity = lint.Info
	d.Message = fmt.Sprintf("cannot check %s against the cited page: %s", shown, reason)
	d.Suggestion = "check the " + what + " against the source by hand"
	d.Evidence = &lint.Evidence{URL: src.URL}
	f.Report(d)
}

// NotInPart reports, as info, a claim that is not in the part of a page
// that could be read (the free part of a paywalled page): the rest may
// hold it.
func (f *Finder) NotInPart(d lint.Diagnostic, src Source, what, shown string) {
	d.Severity = lint.Info
	d.Message = fmt.Sprintf("%s is not in what could be read of the cited page; %s", shown, src.Reason)
	d.Suggestion = "check the " + what + " against the full source by hand"
	d.Evidence = &lint.Evidence{URL: src.URL}
	f.Report(d)
}

// Evidence returns the evidence for a span of the source's text: its
// sentence and a link to it.
func Evidence(s Source, start, end int) *lint.Evidence {
	text := s.Text()
	if start < 0 || end > len(text) || start >= end {
		return &lint.Evidence{URL: s.URL}
	}
	ss, se := verify.Sentence(text, start, end)
	ls, le := ss, se
	if strings.Contains(text[ss:se], cellSeparator) {
		ls, le = cell(text, ss, se, start, end)
	}
	// The sentence is shown as a reader sees it: a page's line breaks
	// (plain text, a PDF's lines) are spaces.
	return &lint.Evidence{URL: s.URL, Text: strings.Join(strings.Fields(text[ss:se]), " "), Link: verify.TextFragment(s.URL, text, ls, le)}
}

// cellSeparator is what a page's full text puts between the cells of a
// table row (extract.Page.Full).
const cellSeparator = " | "

// cell narrows the link to a table row's evidence to the cells that hold
// [start, end): the separators are not on the page, and a browser finds
// a text fragment's words only as the page has them.
func cell(text string, ss, se, start, end int) (int, int) {
	ls, le := ss, se
	if k := strings.LastIndex(text[ss:max(ss, start)], cellSeparator); k >= 0 {
		ls = ss + k + len(cellSeparator)
	}
	if k := strings.Index(text[min(end, se):se], cellSeparator); k >= 0 {
		le = min(end, se) + k
	}
	return ls, le
}

// Spans answers, in logarithmic time, whether a span meets one of a set
// of spans (quotations, claims already checked): sorted by start, the
// spans starting before a point reach as far as the furthest end among
// them.
type Spans struct {
	spans [][2]int
	reach []int
}

// NewSpans indexes spans, each [start, end); it sorts them in place.
func NewSpans(spans [][2]int) Spans {
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	reach := make([]int, len(spans))
	for i, s := range spans {
		reach[i] = s[1]
		if i > 0 {
			reach[i] = max(reach[i], reach[i-1])
		}
	}
	return Spans{spans, reach}
}

// reachBefore returns the furthest end of the spans whose start is below
// limit (or at most limit, when inclusive), and whether there is one.
func (x Spans) reachBefore(limit int, inclusive bool) (int, bool) {
	n, _ := slices.BinarySearchFunc(x.spans, limit, func(s [2]int, t int) int {
		if s[0] < t || inclusive && s[0] == t {
			return -1
		}
		return 1
	})
	if n == 0 {
		return 0, false
	}
	return x.reach[n-1], true
}

// Overlaps reports whether [start, end) overlaps one of the spans.
func (x Spans) Overlaps(start, end int) bool {
	r, ok := x.reachBefore(end, false)
	return ok && r > start
}

// Covers reports whether one of the spans holds all of [start, end).
func (x Spans) Covers(start, end int) bool {
	r, ok := x.reachBefore(start, true)
	return ok && r >= end
}
