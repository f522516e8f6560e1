// Package sourcepage finds the page a claim cites and the text to check it
// against, for the rules that ask whether the source says so
// (unsupported-figure, misquoted).
package sourcepage

import (
	"fmt"
	"strings"

	"github.com/citelint/citelint/extract"
	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/linkrule"
	"github.com/citelint/citelint/verify"
)

// Source is a cited page with its text.
type Source struct {
	// URL is the link's destination as the draft gives it.
	URL  string
	Page *extract.Page
}

// Text is the text a claim is looked for in: the page's full visible text
// (tables and captions hold figures that a readability extraction drops),
// or its main text when that is all there is.
func (s Source) Text() string {
	text := s.Page.Full
	if text == "" {
		text = s.Page.Main
	}
	// A quoted title is checked against the page's title, which a page's
	// visible text need not repeat.
	if t := s.Page.Title; t != "" && !strings.Contains(text[:min(len(text), titleReach)], t) {
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
	// document: it is several times the text's size, too much to keep
	// for the run.
	prepared map[*extract.Page]*verify.Prepared
	// checks counts the claims checked so far (see MaxChecks).
	checks int
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
// past MaxChecks; what names the claims in the plural.
func Stopped(what string) string {
	return fmt.Sprintf("not checked against its source: this file cites more than %d %s, the most checked in one file", MaxChecks, what)
}

// Begin starts the check of one claim, d spanning it: past MaxChecks, or
// when its page could not be read, it reports what a writer should know
// (once, for the bound; the reason, for the page, as info) and returns
// false. what names the kind of claim ("figure"), shown the claim as a
// message quotes it.
func (f *Finder) Begin(d lint.Diagnostic, src Source, what, shown string) bool {
	if ok, first := f.Check(); !ok {
		if first {
			d.Severity, d.Message = lint.Info, Stopped(what+"s")
			f.p.Report(d)
		}
		return false
	}
	if !src.Page.Readable {
		d.Severity = lint.Info
		d.Message = fmt.Sprintf("cannot check %s against the cited page: %s", shown, src.Page.Reason)
		d.Suggestion = "check the " + what + " against the source by hand"
		d.Evidence = &lint.Evidence{URL: src.URL}
		f.p.Report(d)
		return false
	}
	return true
}

// NotInPart reports, as info, a claim that is not in the part of a page
// that could be read (the free part of a paywalled page): the rest may
// hold it.
func (f *Finder) NotInPart(d lint.Diagnostic, src Source, what, shown string) {
	d.Severity = lint.Info
	d.Message = fmt.Sprintf("%s is not in what could be read of the cited page; %s", shown, src.Page.Reason)
	d.Suggestion = "check the " + what + " against the full source by hand"
	d.Evidence = &lint.Evidence{URL: src.URL}
	f.p.Report(d)
}

// New returns a finder for the pass, or nil when the run keeps no link
// facts (links are not being judged at all).
func New(p *lint.Pass) *Finder {
	facts := linkrule.FactsOf(p)
	if facts == nil {
		return nil
	}
	f := &Finder{p: p, facts: facts, byDest: map[int]linkrule.Link{}, prepared: map[*extract.Page]*verify.Prepared{}}
	for _, l := range linkrule.Links(p) {
		f.byDest[l.Start] = l
	}
	return f
}

// isLink reports whether a citation is a link (not a footnote or a Pandoc
// key).
func isLink(c *lint.Citation) bool {
	switch c.Kind {
	case lint.InlineLink, lint.ReferenceLink, lint.Autolink, lint.BareURL, lint.HTMLLink:
		return true
	}
	return false
}

// Cited returns the page cited by a link of block b that lies in
// sentence si or in the source span [start, end), that the run has an
// answer for: the first such page that was read, else the first that was
// reached but could not be read (the reason is then worth an info
// finding). It reports false when no such link has an answer: no link, a
// link to another kind of place, or a web page that was not fetched
// (offline with nothing cached, the network down, a skipped address) or
// is dead, which the link rules report.
func (f *Finder) Cited(b *lint.Block, si, start, end int) (Source, bool) {
	var unread Source
	for _, c := range b.Citations {
		if !isLink(c) || c.Sentence != si && (c.End <= start || c.Start >= end) {
			continue
		}
		l, ok := f.byDest[c.TargetStart]
		if !ok || !f.reached(l) {
			continue
		}
		page := f.page(l)
		if page == nil {
			continue
		}
		if page.Readable {
			return Source{URL: l.Target, Page: page}, true
		}
		if unread.Page == nil {
			unread = Source{URL: l.Target, Page: page}
		}
	}
	return unread, unread.Page != nil
}

// pageKey keys a link's page in the run's memo.
type pageKey struct {
	kind         linkrule.LinkKind
	target, file string
}

// page returns the page a link leads to, read once per run however many
// drafts cite it (an offline run would otherwise read the cached text
// once per draft); nil when there is none.
func (f *Finder) page(l linkrule.Link) *extract.Page {
	v := f.facts.Memo(pageKey{l.Kind, l.Target, l.File}, func() any {
		page, ok := f.facts.Page(f.p, l)
		if !ok {
			return (*extract.Page)(nil)
		}
		return page
	})
	return v.(*extract.Page)
}

// reached reports whether the checker reached a web link's page (or was
// refused by it): only then does the page, or the reason it could not be
// read, say anything about the claim. A local file is reached when it exists.
func (f *Finder) reached(l linkrule.Link) bool {
	if l.Kind == linkrule.LocalLink {
		// A missing file is dead-link's finding, not a source unread.
		return !f.facts.Files.Missing(f.p, l.File)
	}
	if l.Kind != linkrule.WebLink {
		return false
	}
	r, ok := f.facts.Result(l)
	if !ok {
		return false
	}
	switch r.Verdict {
	case linkcheck.OK, linkcheck.Redirected, linkcheck.Paywalled, linkcheck.Unverifiable:
		return true
	}
	return false
}

// figuresKey keys a page's figures in the run's memo: by its address and
// body's hash, since an offline run may hand each draft its own copy of
// the same cached page; by the page itself when it has no hash.
type figuresKey struct {
	url, hash string
	page      *extract.Page
}

func keyOf(p *extract.Page) figuresKey {
	if p.Hash != "" {
		return figuresKey{url: p.URL, hash: p.Hash}
	}
	return figuresKey{page: p}
}

// Figures returns the figures of a page's text, found once per run.
func (f *Finder) Figures(s Source) []verify.Quantity {
	return f.facts.Memo(keyOf(s.Page), func() any { return verify.Quantities(s.Text()) }).([]verify.Quantity)
}

// Prepared returns a page's text prepared for quotations, once per
// document.
func (f *Finder) Prepared(s Source) *verify.Prepared {
	p, ok := f.prepared[s.Page]
	if !ok {
		p = verify.QuoteOptions{}.Prepare(s.Text())
		f.prepared[s.Page] = p
	}
	return p
}

// Evidence returns the evidence for a span of the source's text: its
// sentence and a link to it.
func Evidence(s Source, start, end int) *lint.Evidence {
	text := s.Text()
	if start < 0 || end > len(text) || start >= end {
		return &lint.Evidence{URL: s.URL}
	}
	ss, se := verify.Sentence(text, start, end)
	return &lint.Evidence{URL: s.URL, Text: text[ss:se], Link: verify.TextFragment(s.URL, text, ss, se)}
}
