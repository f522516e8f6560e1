// Package unsupportedfigure holds the unsupported-figure rule: its
// documentation is doc.md beside it (citelint explain unsupported-figure),
// its fixtures are in testdata/.
package unsupportedfigure

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/prose"
	"github.com/citelint/citelint/rules/internal/linkrule"
	"github.com/citelint/citelint/rules/internal/ruledoc"
	"github.com/citelint/citelint/rules/internal/sourcepage"
	"github.com/citelint/citelint/rules/internal/sourcing"
	uncitednumber "github.com/citelint/citelint/rules/uncited-number"
	"github.com/citelint/citelint/verify"
)

// doc is the rule's documentation, doc.md beside this file; its first
// line is the summary.
//
//go:embed doc.md
var doc string

// Rule (unsupported-figure) reports a figure whose sentence cites a page
// that does not hold it in any equivalent form. The figures are the ones
// uncited-number judges, with its default options, so that both rules
// agree on what a figure is; the page's text comes from the same request
// that checks the link.
var Rule = &lint.Rule{
	ID:            "unsupported-figure",
	Summary:       ruledoc.Summary(doc),
	DocFunc:       ruledoc.Lazy(doc),
	Severity:      lint.Warning,
	Network:       true,
	NeedsPageText: true,
	Requires:      append([]lint.Requirement{linkrule.LinksAnalysis}, uncitednumber.Rule.Requires...),
	Run:           run,
}

func run(p *lint.Pass) {
	pages := sourcepage.New(p)
	if pages == nil || pages.Replay(verdictKind) {
		return
	}
	defer pages.Keep()
	// The judged figures of each sentence, in order, gathered in one
	// pass: a paragraph of thousands of figures must not be walked once
	// per sentence.
	type sentenceKey struct {
		b  *lint.Block
		si int
	}
	judged := map[sentenceKey][]uncitednumber.Figure{}
	uncitednumber.JudgeWith(p, uncitednumber.DefaultUncitedNumberOptions(), func(f uncitednumber.Figure) {
		k := sentenceKey{f.Block, f.Sentence}
		judged[k] = append(judged[k], f)
	})
	for _, b := range p.Doc.Blocks {
		if b.Kind == lint.Heading || !pages.HasLinks(b, -1) {
			continue
		}
		inQuote, inLink := quoteCover(b.Quotes), linkTextCover(b)
		for si := range b.Sentences {
			reported := false
			for _, f := range figuresOf(b, si, judged[sentenceKey{b, si}], inQuote, inLink) {
				// One finding for a range whose first end is reported
				// already over the whole of it.
				if f.part && reported {
					continue
				}
				reported = check(p, pages, f)
			}
		}
	}
}

// figure is a figure to check: where the draft states it and what it
// says.
type figure struct {
	uncitednumber.Figure
	claim verify.Quantity
	// part marks a later quantity of the figure before it ("10 apps" of
	// "five to 10 apps"), checked on its own only when that one passed.
	part bool
	// extra marks a quantity uncited-number does not take for a claim (a
	// small or bare count, "two-way", "in one sense"): checked only
	// against the pages its own sentence cites.
	extra bool
}

// figuresOf returns the figures of sentence si of b to check against its
// source, in order: those uncited-number judges (judged, the sentence's,
// in order), and every other quantity the sentence states that a source
// could be asked for (a count of something, a percentage, an amount, a
// multiplier) or a duration, but not a year, a bare number (save a
// title's count in a link's words, inLink: "[7 Keys for …](url)") or one
// inside a quotation (inQuote). uncited-number leaves small counts and
// bare counts alone because they seldom need a source; once the sentence
// cites one, it should hold them. Each is read in its sentence, so that "rose 100%"
// is a rise (which "doubled" supports), not a level. Both lists are in
// order, so each is walked once.
func figuresOf(b *lint.Block, si int, judged []uncitednumber.Figure, inQuote, inLink func(start, end int) bool) []figure {
	s := b.Sentences[si]
	qs := verify.Quantities(b.Text[s.Start:s.End])
	spans := make([][2]int, len(qs))
	for i, q := range qs {
		spans[i][0], spans[i][1] = b.SourceSpan(s.Start+q.Start, s.Start+q.End)
	}
	slices.SortStableFunc(judged, func(a, b uncitednumber.Figure) int { return a.Start - b.Start })
	out := make([]figure, 0, len(judged))
	taken := make([]bool, len(qs))
	k := 0
	for i := range judged {
		f := &judged[i]
		for k < len(spans) && spans[k][1] <= f.Start {
			k++
		}
		if k < len(spans) && spans[k][0] < f.End {
			taken[k] = true
			out = append(out, figure{*f, qs[k], false, false})
			// A figure of several quantities ("five to 10 apps") holds
			// each: both ends of a range must be the page's. The first
			// is reported over the whole figure, the others over their
			// own words.
			for k+1 < len(spans) && spans[k+1][0] < f.End {
				k++
				taken[k] = true
				g := *f
				g.Start, g.End = spans[k][0], spans[k][1]
				out = append(out, figure{g, qs[k], true, false})
			}
			continue
		}
		if q, ok := verify.ParseFigure(b.Text[b.TextOffset(f.Start):b.TextOffset(f.End)]); ok {
			out = append(out, figure{*f, q, false, false})
		}
	}
	nJudged, j := len(out), 0
	for i, q := range qs {
		ts, te := s.Start+q.Start, s.Start+q.End
		if taken[i] || inQuote(ts, te) {
			continue
		}
		after := strings.TrimLeft(b.Text[te:], " ")
		if !worthChecking(q, b.Text[s.Start:ts], after) && (!titleCount(q, after) || !inLink(ts, te)) {
			continue
		}
		start, end := spans[i][0], spans[i][1]
		for j < nJudged && out[j].End <= start {
			j++
		}
		if j < nJudged && out[j].Start < end {
			continue
		}
		out = append(out, figure{uncitednumber.Figure{Block: b, Sentence: si, Start: start, End: end}, q, false, true})
	}
	slices.SortStableFunc(out, func(a, b figure) int { return a.Start - b.Start })
	return out
}

// linkTextCover returns whether a span of a block's text lies inside the
// words of one of its links.
func linkTextCover(b *lint.Block) func(start, end int) bool {
	var spans [][2]int
	for _, c := range b.Citations {
		if sourcepage.IsLink(c) && c.TextEnd > c.TextStart {
			spans = append(spans, [2]int{c.TextStart, c.TextEnd})
		}
	}
	return sourcepage.NewSpans(spans).Covers
}

// titleCount reports whether a count is a title's ("[7 Keys for
// Government to Reach Hispanics](url)", "[Top 9 Best Practices …](url)"):
// a bare number before a capitalised word that is no function word. In a
// link's words it names the linked page by its title, whose count the
// page must hold, however small.
func titleCount(q verify.Quantity, after string) bool {
	if q.Unit != verify.Count || q.Noun != "" || isYear(q) {
		return false
	}
	w := leadingWord(after)
	if len(w) < 2 || !unicode.IsUpper([]rune(w)[0]) {
		return false
	}
	return !prose.Lookup(strings.ToLower(w)).Is(prose.FunctionWord)
}

// quoteCover returns whether a span of a block's text lies inside one of
// its quotations.
func quoteCover(quotes []lint.Quote) func(start, end int) bool {
	spans := make([][2]int, len(quotes))
	for i, q := range quotes {
		spans[i] = [2]int{q.Start, q.End}
	}
	return sourcepage.NewSpans(spans).Covers
}

// worthChecking reports whether a quantity found in a citing sentence is
// a figure its source should state: not a year, a lone number with
// nothing counted, or a count of a partitive pronoun ("three of them"). A duration ("about 5 hours per day", "within 36
// hours") is checked like any other figure: once the sentence cites a
// page, how long something took is as much the page's claim as how many.
func worthChecking(q verify.Quantity, before, after string) bool {
	switch q.Unit {
	case verify.Duration:
		return !relativeTime(q, before, after)
	case verify.Count:
		if q.Noun == "" && !countsSomething(q.Text) && !countedNoun(strings.TrimLeft(after, "-#")) {
			return false
		}
		if rest, ok := strings.CutPrefix(strings.TrimLeft(after, " "), "of "); ok && prose.Has(strings.ToLower(leadingWord(rest)), prose.PartitivePronoun) {
			return false // "three of them wrote": people the sentence names, not a count to find
		}
		return !isYear(q)
	}
	return true
}

// relativeTime reports whether a duration places something in time
// rather than measures it: "Ten months ago, I wrote", "One week later",
// "in the next ten years", "a 10-year-old system", "maybe one day". These
// date the writing or describe its subject, and are no figure a cited
// page is asked to hold.
func relativeTime(q verify.Quantity, before, after string) bool {
	if prose.Has(leadingWord(after), prose.TimeAfter) || prose.Has(lastWord(before), prose.TimeBefore) {
		return true
	}
	if strings.HasSuffix(strings.ToLower(q.Text), "-old") {
		return true
	}
	// "one day" is mostly "some day".
	return strings.EqualFold(strings.Join(strings.Fields(q.Text), " "), "one day")
}

// leadingWord returns the letters that start s ("old" of "old system",
// "old" of "-old").
func leadingWord(s string) string {
	s = strings.TrimLeft(s, "- ")
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

// lastWord returns the last run of letters of s.
func lastWord(s string) string {
	s = strings.TrimRightFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

// countedNoun reports whether the text after a bare number starts with
// what it counts ("40 feds", "19 agencies", "100 feet"), not a function
// word of the lexicon ("in 40 of them", "5 to 10").
func countedNoun(after string) bool {
	w := after
	if i := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		w = w[:i]
	}
	if len(w) < 3 || w != strings.ToLower(w) {
		return false
	}
	return !prose.Lookup(w).Is(prose.FunctionWord)
}

// countsSomething reports whether a count's own text says what it counts
// ("3,000", "1.2 million" stand alone as amounts; "19" does not).
func countsSomething(text string) bool {
	return strings.ContainsAny(text, ",.") || strings.ContainsFunc(text, unicode.IsLetter)
}

// isYear reports whether a count reads as a year.
func isYear(q verify.Quantity) bool { return sourcing.IsYear(q.Text) }

// check looks for a figure in its cited pages, and reports whether it
// made a finding.
func check(p *lint.Pass, pages *sourcepage.Finder, f figure) bool {
	before := wordsBefore(f.Block, f.Start)
	dir := boundBefore(before)
	if _, approx := prose.EndsWith(before, prose.Approximator); dir != 0 || approx {
		f.claim = f.claim.Approximate()
	}
	srcs := pages.Cited(f.Block, f.Sentence, f.Start, f.End)
	cited := "the cited page"
	if len(srcs) == 0 && (f.Cover == uncitednumber.BySentence || f.Cover == uncitednumber.ByParagraph) {
		// uncited-number finds the figure sourced by an earlier sentence
		// it refers back to ("…, a report found. It counted 1,200
		// shelters"), or by its paragraph: that sentence's pages are the
		// figure's source.
		for k := f.Sentence - 1; k >= 0; k-- {
			if pages.HasLinks(f.Block, k) {
				srcs = pages.Cited(f.Block, k, f.Start, f.End)
				cited = "the page " + sourcepage.NeighbourPlace(f.Sentence, k) + " cites"
				break
			}
		}
	}
	// A figure whose sentence cites nothing is looked for in the page
	// the sentence before or after cites: a fact-checker follows the
	// nearest link of the paragraph ("GSA [launched the
	// community](url). It had 200 members then"). A figure its own
	// sentence attributes ("Supporters said…") takes only the page
	// before, which the attribution may name again ("The announcement
	// noted…"): a link after it is about something else.
	if len(srcs) == 0 && !f.extra {
		if k := pages.Neighbour(f.Block, f.Sentence); k >= 0 && (k < f.Sentence || f.Cover != uncitednumber.ByAttribution) {
			srcs = pages.Cited(f.Block, k, f.Start, f.End)
			cited = "the page " + sourcepage.NeighbourPlace(f.Sentence, k) + " cites"
		}
	}
	if len(srcs) == 0 {
		return false
	}
	text := shown(f.Block, f.Start, f.End)
	d := lint.Diagnostic{Start: f.Start, End: f.End}
	if !pages.Begin(d, srcs, "figure", text) {
		return true // an unreadable page or the bound, said once
	}
	src := srcs[0]
	// Any page the sentence cites may hold the figure. It is reported
	// against the nearest page that has figures of its kind ("The report
	// says $4.5bn, and the survey 54%": the report, not the survey whose
	// link is closer), else the nearest page.
	var nearest pageVerdict
	claimKey := figureKey(f.claim) + "\x1f" + strconv.Itoa(dir)
	for i, s := range srcs {
		if !s.Readable {
			break
		}
		v, ok := sourcepage.Judge(pages, s, verdictKind, claimKey, func() pageVerdict { return judge(pages, s, f.claim, dir) })
		if !ok {
			if i == 0 {
				pages.Unreadable(d, s, s.UnreadReason(), "figure", text)
				return true
			}
			break
		}
		if v.Match {
			return false
		}
		if len(nearest.Near) == 0 && len(v.Near) > 0 {
			src, nearest = s, v
		}
	}
	if src.Partial {
		pages.NotInPart(d, src, "figure", text)
		return true
	}
	if len(nearest.Near) > 0 && f.claim.Counted != "" && nearest.Near[0].Same {
		// The page has the number, counting something else: say what the
		// draft counts ("four workshops"; the page has "four panels").
		text = `"` + strings.Join(strings.Fields(f.claim.Text+" "+f.claim.Counted), " ") + `"`
	}
	d.Message = text + " is not in " + cited
	if len(nearest.Near) > 0 {
		d.Message += " (it has " + listFigures(nearest.Near) + ")"
		d.Evidence = nearest.Evidence
	} else {
		d.Message += " (it has no figure of that kind)"
		d.Evidence = &lint.Evidence{URL: src.URL}
	}
	d.Suggestion = "correct the figure to the source's, or cite the source that states it"
	if u, ok := sourcepage.Unread(srcs); ok {
		d.Severity = lint.Info
		d.Message += sourcepage.AlsoUnread(u)
		d.Suggestion = "check the figure against " + u.URL + " by hand"
	}
	pages.Report(d)
	return true
}

// maxApproximator bounds the bytes before a figure that an approximator
// or a bound is looked for in ("approximately ", "no more than ").
const maxApproximator = 24

// wordsBefore returns the draft's words right before the figure at source
// offset start, up to maxApproximator bytes. After a word of the prose
// lexicon's approximator class ("approximately 30%") a figure is as
// precise as its last digit that is not zero
// (verify.Quantity.Approximate); after a bound, see boundBefore.
func wordsBefore(b *lint.Block, start int) string {
	ts := b.TextOffset(start)
	return strings.TrimRight(b.Text[max(0, ts-maxApproximator):ts], " ")
}

// boundBefore tells whether the words before a figure make it a bound: 1
// after a word of lower-bound ("more than 5,000"), -1 after one of
// upper-bound ("under 300"), else 0. A bound is as precise as an
// approximated figure, and only the page's figures on its side meet it.
func boundBefore(before string) int {
	if _, ok := prose.EndsWith(before, prose.LowerBound); ok {
		return 1
	}
	if _, ok := prose.EndsWith(before, prose.UpperBound); ok {
		return -1
	}
	return 0
}

// shown is a figure of the draft as a message quotes it: its prose text
// (markup and escapes gone) with white space, a line break within the
// figure included, as one space. It is not Go-quoted, which would spell a
// no-break space or a line break as an escape.
func shown(b *lint.Block, start, end int) string {
	return `"` + strings.Join(strings.Fields(b.Text[b.TextOffset(start):b.TextOffset(end)]), " ") + `"`
}

// verdictKind names the rule's verdicts in the verdict cache; its
// number changes whenever judge or pageVerdict does (see
// sourcepage.VerdictVersion for what else does).
const verdictKind = "unsupported-figure/6"

// pageVerdict is what a page says of a figure: all check needs of the
// page, kept in the verdict cache so that a rerun does not read the page.
type pageVerdict struct {
	// Match tells that the page holds the figure.
	Match bool `json:"m,omitempty"`
	// Near are the page's nearest figures of the claim's kind, years
	// left out, nearest first.
	Near []nearFigure `json:"n,omitempty"`
	// Evidence is the sentence of the nearest figure.
	Evidence *lint.Evidence `json:"e,omitempty"`
}

// nearFigure is a page's figure as a message names it.
type nearFigure struct {
	Text    string `json:"t"`
	Counted string `json:"c,omitempty"`
	// Same tells that it has the claim's value (verify.Compare), so
	// that what it counts is where it differs.
	Same bool `json:"s,omitempty"`
}

// figureKey is a claim as its verdict depends on it: every field of the
// quantity that matching reads, not where the draft states it. A field
// added to verify.Quantity that matching reads must join it (and
// verdictKind change).
func figureKey(q verify.Quantity) string {
	return strings.Join([]string{q.Text, q.Value.String(), strconv.Itoa(int(q.Unit)), q.Currency, q.Measure, q.Noun, q.Counted, strconv.Itoa(q.Change), q.Step.String(), q.Upper.String()}, "\x1f")
}

// judge looks for a figure in a page's text. A bound (dir, see
// boundBefore) is met only by the page's figures on its side.
func judge(pages *sourcepage.Finder, s sourcepage.Source, claim verify.Quantity, dir int) pageVerdict {
	figures := pages.Figures(s)
	if dir != 0 {
		onSide := slices.DeleteFunc(slices.Clone(figures), func(q verify.Quantity) bool {
			return q.Unit == claim.Unit && q.Value.Cmp(claim.Value)*dir < 0
		})
		if match, _, _ := verify.FindFigure(claim, onSide); match != nil {
			return pageVerdict{Match: true}
		}
		if slices.ContainsFunc(onSide, func(q verify.Quantity) bool { return verify.MeetsBound(claim, q, dir) }) {
			return pageVerdict{Match: true} // "more than 7.2 million" for 7,259,407, rounded down
		}
	}
	match, _, near := verify.FindFigure(claim, figures)
	switch {
	case match != nil && dir == 0:
		return pageVerdict{Match: true}
	case match != nil:
		near = append([]verify.Quantity{*match}, near...) // on the other side of the bound
	}
	// A page's year ("annual report 2025") is no figure a writer meant
	// to cite.
	near = slices.DeleteFunc(near, isYear)
	if len(near) == 0 {
		return pageVerdict{}
	}
	v := pageVerdict{Evidence: sourcepage.Evidence(s, near[0].Start, near[0].End)}
	for _, q := range near {
		v.Near = append(v.Near, nearFigure{Text: q.Text, Counted: q.Counted, Same: verify.Compare(claim, q) != verify.None})
	}
	return v
}

// listFigures names figures as the page writes them: "54%" or "54% and
// 44.8%". A figure of the claim's value is named with what it counts
// ("four panels"), since that is where it differs, unless its text ends
// with that already ("third and final phase").
func listFigures(qs []nearFigure) string {
	names := make([]string, 0, len(qs))
	for _, q := range qs {
		n := q.Text
		if q.Counted != "" && q.Same && !strings.HasSuffix(n, q.Counted) {
			n += " " + q.Counted
		}
		n = strings.Join(strings.Fields(n), " ")
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
