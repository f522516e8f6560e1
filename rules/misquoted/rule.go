// Package misquoted holds the misquoted rule: its documentation is doc.md
// beside it (citelint explain misquoted), its fixtures are in testdata/.
package misquoted

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/prose"
	"github.com/citelint/citelint/rules/internal/linkrule"
	"github.com/citelint/citelint/rules/internal/ruledoc"
	"github.com/citelint/citelint/rules/internal/sourcepage"
	unattributedquote "github.com/citelint/citelint/rules/unattributed-quote"
	"github.com/citelint/citelint/verify"
)

// doc is the rule's documentation, doc.md beside this file; its first
// line is the summary.
//
//go:embed doc.md
var doc string

// Rule (misquoted) reports a quotation whose cited page does not hold its
// words: absent, or close with some words changed. The quotations are the
// ones unattributed-quote judges, with its default options, so that quoted
// titles, terms and labels are left alone as they are there.
var Rule = &lint.Rule{
	ID:            "misquoted",
	Summary:       ruledoc.Summary(doc),
	DocFunc:       ruledoc.Lazy(doc),
	Severity:      lint.Warning,
	Network:       true,
	NeedsPageText: true,
	Requires:      append([]lint.Requirement{linkrule.LinksAnalysis}, unattributedquote.Rule.Requires...),
	Run:           run,
}

func run(p *lint.Pass) {
	pages := sourcepage.New(p)
	if pages == nil || pages.Replay(verdictKind) {
		return
	}
	defer pages.Keep()
	var judged [][2]int
	unattributedquote.JudgeWith(p, unattributedquote.DefaultOptions(), func(q unattributedquote.Quotation) {
		judged = append(judged, [2]int{q.Start, q.End})
		check(p, pages, q)
	})
	wasJudged := sourcepage.NewSpans(judged).Overlaps
	// A quoted link text ("as the post “Latinos Embrace the Mobile Web”
	// put it") quotes the page it links to, usually its title: the quote
	// rule leaves it alone as a title, but it must still be the page's.
	for _, b := range p.Doc.Blocks {
		var intro *introLinks // made for the first quotation that asks
		for _, qt := range b.Quotes {
			if qt.Depth > 0 || !qt.Closed {
				continue
			}
			start, end := b.SourceSpan(qt.Start, qt.End)
			if wasJudged(start, end) {
				continue
			}
			cited := quotesLinkText(b, qt) || namedInLinkText(b, qt) || namedInCitingSentence(pages, b, qt)
			if !cited {
				if intro == nil {
					intro = newIntroLinks(b)
				}
				cited = intro.introduces(b, qt)
			}
			if cited {
				check(p, pages, unattributedquote.Quotation{Start: start, End: end, Block: b, Sentence: b.SentenceAt(qt.Start)})
			}
		}
	}
}

// quotesLinkText reports whether a quotation's words are the text of a
// link and nothing else, bar punctuation: “[the post's title](url),”, or
// [“the post's title”](url).
func quotesLinkText(b *lint.Block, qt lint.Quote) bool {
	is, ie := qt.Inner(b.Text)
	// Citations are in order of the text and do not nest: only those
	// from the first that ends after the quotation opens to the last
	// that starts before it closes can be inside it.
	i, _ := slices.BinarySearchFunc(b.Citations, is, func(c *lint.Citation, t int) int {
		if c.TextEnd <= t {
			return -1
		}
		return 1
	})
	for ; i < len(b.Citations) && b.Citations[i].TextStart < ie; i++ {
		c := b.Citations[i]
		if c.Kind != lint.InlineLink && c.Kind != lint.ReferenceLink && c.Kind != lint.HTMLLink || c.TextEnd <= c.TextStart {
			continue
		}
		if c.TextStart >= is && c.TextEnd <= ie && strings.TrimFunc(b.Text[is:c.TextStart]+b.Text[c.TextEnd:ie], isPunctOrSpace) == "" {
			return true
		}
		// The marks may be inside the link instead: [“The Title”](url).
		if c.TextStart <= qt.Start && qt.End <= c.TextEnd && strings.TrimFunc(b.Text[c.TextStart:qt.Start]+b.Text[qt.End:c.TextEnd], isPunctOrSpace) == "" {
			return true
		}
	}
	return false
}

// namedInLinkText reports whether a quotation is a name in title case
// inside the words of a link ([metrics like “Time to First Byte” are
// key](url)): the writer names something as the linked page names it, so
// the page must hold the name. Quoted words in lowercase there ([“phablets”
// over “traditional” tablets](url)) are the writer's own scare quotes, and
// are not checked; a name quoted elsewhere in a sentence that cites a page
// is namedInCitingSentence's.
func namedInLinkText(b *lint.Block, qt lint.Quote) bool {
	is, ie := qt.Inner(b.Text)
	if !unattributedquote.IsTitleCase(b.Text[is:ie]) {
		return false
	}
	i, _ := slices.BinarySearchFunc(b.Citations, qt.End, func(c *lint.Citation, t int) int {
		if c.TextEnd < t {
			return -1
		}
		return 1
	})
	for ; i < len(b.Citations) && b.Citations[i].TextStart <= qt.Start; i++ {
		c := b.Citations[i]
		if (c.Kind == lint.InlineLink || c.Kind == lint.ReferenceLink || c.Kind == lint.HTMLLink) && c.TextStart <= qt.Start && qt.End <= c.TextEnd {
			return true
		}
	}
	return false
}

// introLinks indexes a block's links for introduces: where each ends and
// in which sentence, in text order, and the sentences whose links' words
// hold a speech cue.
type introLinks struct {
	ends, starts, sentences []int
	cued                    map[int]bool
}

func newIntroLinks(b *lint.Block) *introLinks {
	x := &introLinks{cued: map[int]bool{}}
	for _, c := range b.Citations {
		if c.Kind != lint.InlineLink && c.Kind != lint.ReferenceLink && c.Kind != lint.HTMLLink || c.TextEnd <= c.TextStart {
			continue
		}
		x.ends, x.starts, x.sentences = append(x.ends, c.TextEnd), append(x.starts, c.TextStart), append(x.sentences, c.Sentence)
		if x.cued[c.Sentence] {
			continue
		}
		for _, w := range strings.FieldsFunc(b.Text[c.TextStart:c.TextEnd], func(r rune) bool { return !unicode.IsLetter(r) }) {
			if prose.Lookup(strings.ToLower(w)).Is(prose.Cue) {
				x.cued[c.Sentence] = true
				break
			}
		}
	}
	return x
}

// introduces reports whether a quotation of at least minNamedWords words,
// which the quote rule leaves alone (a short fragment, a motto), is
// introduced by a link in its sentence: it follows the link with nothing
// but spaces, a comma or a colon between ("serves [18F's mission](url)
// “to strengthen…”"), the link follows it with nothing but spaces and an
// opening parenthesis between (neglected on “the road to recovery”
// ([the report](url))), a citation of the quoted words, or the link's
// words hold a speech cue (“comfortable with our own incompleteness,”
// [three of them wrote](url)). The linked page is where the words are
// from. Each quotation costs two binary searches.
func (x *introLinks) introduces(b *lint.Block, qt lint.Quote) bool {
	is, ie := qt.Inner(b.Text)
	if len(strings.Fields(b.Text[is:ie])) < minNamedWords {
		return false
	}
	si := b.SentenceAt(qt.Start)
	if x.cued[si] {
		return true
	}
	// The last link ending before the quotation opens.
	k := sort.SearchInts(x.ends, qt.Start+1) - 1
	if k >= 0 && x.sentences[k] == si && strings.Trim(b.Text[x.ends[k]:qt.Start], " ,:") == "" {
		return true
	}
	// The first link starting after the quotation closes.
	k = sort.SearchInts(x.starts, qt.End)
	return k < len(x.starts) && x.sentences[k] == si && strings.Trim(b.Text[qt.End:x.starts[k]], " (") == ""
}

// minNamedWords is how many words a name in title case quoted outside a
// link needs to be checked: shorter ones ("Top Tasks") are as often the
// writer's own label as the page's.
const minNamedWords = 4

// namedInCitingSentence reports whether a quotation is a name in title
// case of at least minNamedWords words in a sentence that cites a page
// (the TSA's “What Can I Bring” app, a “Create Once, Publish Everywhere”
// strategy): the writer puts a name in quotation marks as the source
// writes it, and a reader who follows the sentence's link should find
// those words there.
func namedInCitingSentence(pages *sourcepage.Finder, b *lint.Block, qt lint.Quote) bool {
	is, ie := qt.Inner(b.Text)
	if len(strings.Fields(b.Text[is:ie])) < minNamedWords || !unattributedquote.IsTitleCase(b.Text[is:ie]) {
		return false
	}
	return pages.HasLinks(b, b.SentenceAt(qt.Start))
}

func isPunctOrSpace(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }

func check(p *lint.Pass, pages *sourcepage.Finder, q unattributedquote.Quotation) {
	srcs := pages.Cited(q.Block, q.Sentence, q.Start, q.End)
	// A quotation whose sentence cites nothing is looked for in the page
	// the sentence before or after cites, as its attribution may sit
	// there (CLAIMS.md): "“…,” said Klein. [The post](url) has more."
	cited := "the cited page"
	if len(srcs) == 0 {
		if k := pages.Neighbour(q.Block, q.Sentence); k >= 0 {
			srcs = pages.Cited(q.Block, k, q.Start, q.End)
			cited = "the page " + sourcepage.NeighbourPlace(q.Sentence, k) + " cites"
		}
	}
	if len(srcs) == 0 {
		return
	}
	words := quotedWords(p.Doc, q)
	if words == "" {
		return
	}
	shown := short(shownWords(words))
	d := lint.Diagnostic{Start: q.Start, End: q.End}
	if !pages.Begin(d, srcs, "quotation", "the quotation "+shown) {
		return
	}
	src := srcs[0]
	// Any page the sentence cites may hold the words; a near match is
	// reported against the nearest page that has one, an absent
	// quotation against the nearest page.
	var m pageVerdict
	for i, s := range srcs {
		if !s.Readable {
			break
		}
		mi, ok := sourcepage.Judge(pages, s, verdictKind, words, func() pageVerdict { return judge(pages, s, words) })
		if !ok {
			if i == 0 {
				pages.Unreadable(d, s, s.UnreadReason(), "quotation", "the quotation "+shown)
				return
			}
			break
		}
		if mi.Verdict == verify.Verbatim || mi.Verdict == verify.Unchecked {
			return
		}
		if i == 0 || mi.Verdict == verify.Near && m.Verdict != verify.Near {
			m, src = mi, s
		}
	}
	switch m.Verdict {
	case verify.Near:
		d.Message = "the quotation differs from " + cited + ": " + describeDiffs(m.Diffs)
		d.Suggestion = "quote the source's exact words, or paraphrase without quotation marks"
		d.Evidence = m.Evidence
	default:
		if src.Partial {
			pages.NotInPart(d, src, "quotation", "the quotation "+shown)
			return
		}
		d.Message = fmt.Sprintf("the quotation %s is not in %s", shown, cited)
		d.Suggestion = "quote the source's exact words, or cite the source where they appear"
		d.Evidence = &lint.Evidence{URL: src.URL}
		if m.Passage {
			// The nearest passage is evidence, and its differences the
			// likely fix: a quotation misremembered by two words.
			d.Evidence = m.Evidence
			if len(m.Diffs) > 0 && len(m.Diffs) <= maxShownDiffs {
				d.Message += "; the nearest passage differs: " + describeDiffs(m.Diffs)
			}
		}
	}
	// A quotation near the words of a page that was read is misquoted
	// whatever else the sentence cites; one that is absent may be in the
	// page that could not be read.
	if u, ok := sourcepage.Unread(srcs); ok && m.Verdict != verify.Near {
		d.Severity = lint.Info
		d.Message += sourcepage.AlsoUnread(u)
		d.Suggestion = "check the quotation against " + u.URL + " by hand"
	}
	pages.Report(d)
}

// verdictKind names the rule's verdicts in the verdict cache; its
// number changes whenever judge or pageVerdict does (see
// sourcepage.VerdictVersion for what else does).
const verdictKind = "misquoted/4"

// pageVerdict is what a page says of a quotation: all check needs of the
// page, kept in the verdict cache so that a rerun does not read the page.
type pageVerdict struct {
	Verdict verify.Verdict `json:"v"`
	Diffs   []verify.Diff  `json:"d,omitempty"`
	// Passage tells that the page has a nearest passage (a span).
	Passage bool `json:"p,omitempty"`
	// Evidence is the sentence of the match or nearest passage.
	Evidence *lint.Evidence `json:"e,omitempty"`
}

// judge looks for a quotation's words in a page's text.
func judge(pages *sourcepage.Finder, s sourcepage.Source, words string) pageVerdict {
	m := verify.QuoteOptions{}.MatchPrepared(words, pages.Prepared(s))
	v := pageVerdict{Verdict: m.Verdict, Passage: m.Start >= 0 && m.End > m.Start}
	if len(m.Diffs) > 0 {
		v.Diffs = m.Diffs
	}
	if m.Verdict == verify.Near || v.Passage {
		v.Evidence = sourcepage.Evidence(s, m.Start, m.End)
	}
	return v
}

// maxShownDiffs is how many differences a message spells out: more, and
// the passage is another sentence rather than a misquotation of it.
const maxShownDiffs = 3

// quotedWords returns the quotation's words as plain text (link text kept,
// markup gone), without its outer quotation marks; a blockquote quotation
// spans several blocks, joined by spaces.
func quotedWords(doc *lint.Document, q unattributedquote.Quotation) string {
	var parts []string
	for i := q.Block.Index; i < len(doc.Blocks); i++ {
		b := doc.Blocks[i]
		if b.Start >= q.End {
			break
		}
		ts, te := 0, len(b.Text)
		if q.Start > b.Start {
			ts = b.TextOffset(q.Start)
		}
		if q.End < b.End {
			te = b.TextOffset(q.End)
		}
		if ts < te {
			parts = append(parts, b.Text[ts:te])
		}
	}
	return strings.Trim(strings.Join(parts, " "), " \t\n\"'“”‘’«»„‚")
}

// shownWords is a quotation as a message shows it: without the comma or
// colon that ends it inside the marks ("worse off," she said).
func shownWords(s string) string { return strings.TrimRight(s, ",;: ") }

// short quotes a quotation for a message, its middle cut when long.
func short(s string) string {
	const most = 80
	if r := []rune(s); len(r) > most {
		s = string(r[:most/2]) + " … " + string(r[len(r)-most/2:])
	}
	return "“" + s + "”"
}

// describeDiffs says how a near match differs: `"will not" — the source
// says "cannot"`, one clause per difference. Words are shown as a reader
// sees them, white space (a page's line break, a no-break space) as one
// space, not Go-quoted with escapes.
func describeDiffs(ds []verify.Diff) string {
	var out []string
	for _, d := range ds {
		switch {
		case d.Quote == "":
			out = append(out, fmt.Sprintf("the source has %s here", words(d.Source)))
		case d.Source == "":
			out = append(out, fmt.Sprintf("%s is not in the source", words(d.Quote)))
		default:
			out = append(out, fmt.Sprintf("%s — the source says %s", words(d.Quote), words(d.Source)))
		}
	}
	if len(out) == 0 {
		return "some words differ"
	}
	return strings.Join(out, "; ")
}

// words quotes words for a message, their white space collapsed.
func words(s string) string { return `"` + strings.Join(strings.Fields(s), " ") + `"` }
