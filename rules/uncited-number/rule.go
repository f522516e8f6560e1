// Package uncitednumber holds the uncited-number rule: its documentation is
// doc.md beside it (citelint explain uncited-number), its fixtures are in
// testdata/.
package uncitednumber

import (
	"cmp"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/prose"
	"github.com/citelint/citelint/rules/internal/ruledoc"
	"github.com/citelint/citelint/rules/internal/sourcing"
)

// doc is the rule's documentation, doc.md beside this file; its first
// line is the summary.
//
//go:embed doc.md
var doc string

// Rule (uncited-number) reports numeric claims — percentages, money,
// quantities, large counts, changes and records — with no citation in reach.
var Rule = &lint.Rule{
	ID:             "uncited-number",
	Summary:        ruledoc.Summary(doc),
	DocFunc:        ruledoc.Lazy(doc),
	Severity:       lint.Warning,
	DefaultOptions: func() lint.Options { return DefaultUncitedNumberOptions() },
	Requires:       []lint.Requirement{sourcing.SourcingAnalysis, sourcing.MentionsAnalysis},
	Run:            runUncitedNumber,
}

// Options configures uncited-number.
type Options struct {
	// Reach is where a citation must be to cover a figure: "sentence" (the
	// default) or "paragraph".
	Reach string `yaml:"reach"`
	// MinCount is the smallest count of people or things reported: "three
	// steps" or "5 users" below it are plain description.
	MinCount int `yaml:"min-count"`
	// ExtraUnits and ExtraNouns add units of measure ("bushels") and counted
	// nouns ("permits") to the built-in lists.
	ExtraUnits []string `yaml:"extra-units"`
	ExtraNouns []string `yaml:"extra-nouns"`
	// IgnorePatterns are regular expressions matched against each block's
	// prose; a figure overlapping a match is not reported.
	IgnorePatterns []string `yaml:"ignore-patterns"`

	units, nouns map[string]bool
	ignore       []*regexp.Regexp
}

// DefaultUncitedNumberOptions returns the defaults: sentence reach and a
// minimum count of 11 (CLAIMS.md: counts above ten).
func DefaultUncitedNumberOptions() *Options {
	return &Options{Reach: "sentence", MinCount: 11}
}

// Validate checks the options and prepares the word sets and patterns.
func (o *Options) Validate() error {
	if o.Reach != "sentence" && o.Reach != "paragraph" {
		return fmt.Errorf("reach %q: use sentence or paragraph", o.Reach)
	}
	if o.MinCount < 0 {
		return fmt.Errorf("min-count %d: use a whole number of 0 or more", o.MinCount)
	}
	var err error
	if o.units, err = wordSet("extra-units", o.ExtraUnits); err != nil {
		return err
	}
	if o.nouns, err = wordSet("extra-nouns", o.ExtraNouns); err != nil {
		return err
	}
	o.ignore = o.ignore[:0]
	for _, p := range o.IgnorePatterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return fmt.Errorf("ignore-patterns: %q is not a valid regular expression: %w", p, err)
		}
		o.ignore = append(o.ignore, re)
	}
	return nil
}

// wordSet lowercases single words into a set.
func wordSet(option string, words []string) (map[string]bool, error) {
	if len(words) == 0 {
		return nil, nil
	}
	set := make(map[string]bool, len(words))
	for _, w := range words {
		if w == "" || strings.ContainsAny(w, " \t\n") || len(w) > sourcing.MaxLexWord {
			return nil, fmt.Errorf("%s: %q is not a single word of at most %d letters", option, w, sourcing.MaxLexWord)
		}
		set[strings.ToLower(w)] = true
	}
	return set, nil
}

// inSet reports whether a word, lowercased, is in a set; it does not
// allocate.
func inSet(set map[string]bool, w string) bool {
	if len(set) == 0 || len(w) > sourcing.MaxLexWord {
		return false
	}
	var buf [sourcing.MaxLexWord]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

func runUncitedNumber(p *lint.Pass) {
	judge(p, p.Options.(*Options), nil)
}

// Cover says what sources a figure the rule does not report.
type Cover uint8

// Covers of a figure.
const (
	// Uncited: nothing does; the rule reports the figure.
	Uncited Cover = iota
	// BySentence: its sentence's own citation, a "(Source: …)" sentence
	// after it, or an earlier sourced sentence it refers back to ("This
	// figure…").
	BySentence
	// ByBlock: a source note after its paragraph, its table's source line
	// or caption, or its list's sourced introduction.
	ByBlock
	// ByAttribution: it is in the content of an attribution to a named
	// source ("Lopez said that 80 percent…").
	ByAttribution
	// ByParagraph: another sentence of its paragraph, with reach
	// "paragraph".
	ByParagraph
)

// Figure is one figure as the rule judges it.
type Figure struct {
	Block *lint.Block
	// Sentence is the index of its sentence in Block.Sentences.
	Sentence int
	// Start and End span the figure in the source.
	Start, End int
	Cover      Cover
	// Finding is what the rule reports about an Uncited figure.
	Finding lint.Diagnostic
}

// Judge calls fn with every figure of the pass's document that the rule
// judges, cited or not, in document order: the figures the rule reports
// (Cover Uncited, with their Finding) and those it finds sourced. Figures
// it sets aside as no claim (in a question, a scenario, a quotation, a
// list of aims, a references section, an ignore-patterns match, or told
// again in parentheses) are not passed. The rule reports from this same
// judgement, so the inventory and the findings cannot disagree.
func Judge(p *lint.Pass, fn func(Figure)) {
	judge(p, p.Options.(*Options), fn)
}

// JudgeWith is Judge with the rule's options given rather than taken from
// the pass: another rule that checks figures (unsupported-figure) runs
// this rule's judgement in its own pass, and so with its own options.
func JudgeWith(p *lint.Pass, opts *Options, fn func(Figure)) {
	judge(p, opts, fn)
}

// judge runs the rule over the pass's document: with fn nil it reports
// the uncited figures; otherwise it hands every judged figure to fn and
// reports nothing.
func judge(p *lint.Pass, opts *Options, fn func(Figure)) {
	// Extra units and nouns need no shapes: they count only after a number
	// or "half a", which the shapes already catch.
	toks, spare := sourcing.GetTokens(), sourcing.GetTokens()
	defer sourcing.PutTokens(toks)
	defer sourcing.PutTokens(spare)
	c := &numberCheck{pass: p, opts: opts, sources: lint.ResultOf(p, sourcing.SourcingAnalysis), mentions: lint.ResultOf(p, sourcing.MentionsAnalysis), toks: *toks, spare: *spare, judged: fn}
	defer func() { *toks, *spare = c.toks, c.spare }()
	refLevel := 0 // the level of the references heading we are under, or 0
	aimLevel := 0 // likewise for a section of targets or examples
	for _, b := range p.Doc.Blocks {
		if b.Kind == lint.Heading {
			if refLevel > 0 && b.Level <= refLevel {
				refLevel = 0
			}
			if aimLevel > 0 && b.Level <= aimLevel {
				aimLevel = 0
			}
			if sourcing.IsReferencesHeading(b.Text) {
				refLevel = b.Level
			}
			if isAimsHeading(b.Text) {
				aimLevel = b.Level
			}
			continue
		}
		if refLevel > 0 || aimLevel > 0 || b.Within(lint.Blockquote) || b.Within(lint.FootnoteDefinition) ||
			sourcing.IsSourceNote(b) || b.Kind == lint.TableCell && b.Row == 0 {
			continue
		}
		c.checkBlock(b)
	}
}

// numberCheck is one run of uncited-number over a document. Its buffers
// are reused from sentence to sentence.
type numberCheck struct {
	pass    *lint.Pass
	opts    *Options
	sources *sourcing.Sourcing
	// mentions is the document's sourcing.MentionsAnalysis result.
	mentions [][]uint8
	tables   map[*lint.Container]bool // whether each table is sourced

	block *lint.Block      // the block being checked
	text  string           // the prose of the block being checked
	toks  []sourcing.Token // the words of the sentence being checked
	spare []sourcing.Token // the words of a sentence looked back at
	own   []sourcing.Token // the words of the sentence outside its quotations (ownWords)
	// ownQuote is the first quotation of the block that may hold a word of
	// the sentence being checked or a later one (ownWords).
	ownQuote int
	figures  []figure
	// named are the sentence's attributions to a named source, which
	// NamedContent reads for each figure (sourcing.NamedOnly).
	named []prose.Attribution
	// judged, when set, receives every judged figure instead of the
	// uncited ones being reported: the cited figures are then kept in
	// figures, marked by their cover, rather than dropped.
	judged func(Figure)
	// firstModal and firstOften index the sentence's first modal and its
	// first modal with a frequency adverb after it (findModals).
	firstModal, firstOften int
	// clauseModal tells, for each word of the sentence, whether a modal
	// stands before it in its clause (findModals).
	clauseModal []bool
	// run counts the figures of the list of figures that ends at word
	// runEnd: figures one after another, with commas or "and" between.
	run, runEnd int
	// modalsRead tells that findModals has read the sentence.
	modalsRead bool
	// asking tells that the sentence is a question that does not state
	// its content as known (factQuestion): findFigures leaves out the
	// figures it asks about (asks).
	asking bool
	// askingWhether tells that the question asks about all its figures
	// (readQuestion); askFrom indexes the first word of its last clause
	// after a colon (0 with none).
	askingWhether bool
	askFrom       int
	// speakers answers whether a paragraph's bold label names someone the
	// document writes of, made when first asked.
	speakers *sourcing.SpeakerNames
	// listIntros keeps listIntro's answer for each list item asked about,
	// and introFacts what listIntroSourced and listOfAims found of each
	// introduction, so the items of a long list step back over the items
	// before them, and read their introduction, once in all.
	listIntros map[*lint.Container]*lint.Block
	introFacts map[*lint.Block]introFact
	// bulletIntros keeps bulletIntro's answer for each bullet paragraph
	// asked about, so that paragraphs typed as the items of one list step
	// back over the items before them once in all.
	bulletIntros map[*lint.Block]*lint.Block
	// colonAt is the offset of the sentence's first colon once colonRead
	// (countLabelled); with no colon, one before the sentence's start.
	colonAt   int
	colonRead bool
	// sourced memoizes, for the block being checked, whether each sentence
	// is sourced: 0 not yet known, 1 no, 2 yes.
	sourced []int8
}

// figure is a numeric claim found in a block's text.
type figure struct {
	start, end  int
	firstPerson bool
	// vague marks a vague magnitude ("hundreds of clinics", "several
	// thousand"): CLAIMS.md has it reported at info.
	vague    bool
	sentence int
	cover    Cover
}

// maxReferBack bounds how many sentences a chain of "This figure…"
// sentences looks back through.
const maxReferBack = 3

// checkBlock reports the uncited figures of a block.
func (c *numberCheck) checkBlock(b *lint.Block) {
	// Whether a note, caption or list introduction covers the whole block
	// is worked out only once the block has a figure.
	known, covered := false, false
	blockCovered := func() bool {
		if !known {
			known = true
			switch {
			case b.Kind == lint.TableCell && b.Parent != nil:
				covered = c.tableSourced(b.Parent)
			case b.Kind == lint.Paragraph:
				covered = c.sources.SourceNoteAfter(b) || c.listIntroSourced(b)
			}
		}
		return covered
	}
	// Whether the paragraph opens a worked example ("Let's say our
	// fictional park…"), whose later sentences go on with it, is worked
	// out only once a later sentence has a figure.
	scenarioKnown, inScenario := false, false
	scenario := func() bool {
		if !scenarioKnown {
			scenarioKnown = true
			first := b.Sentences[0]
			c.spare = sourcing.Tokenize(c.spare[:0], b.Text, first.Start, first.End)
			inScenario = supposes(b.Text, c.spare)
		}
		return inScenario
	}
	// Whether the paragraph opens with a speaker's label in bold that names
	// someone ("**Ana Ruiz:** …", "**AR:**"), which attributes all it says
	// (CLAIMS.md: a colon after a name), is likewise worked out only once a
	// sentence has a figure.
	speakerKnown, labelled := false, false
	speaker := func() bool {
		if !speakerKnown {
			speakerKnown = true
			if c.speakers == nil {
				c.speakers = sourcing.NewSpeakerNames(c.pass.Doc.Source)
			}
			labelled = c.speakers.SpeakerNamed(b)
		}
		return labelled
	}
	c.text, c.block, c.ownQuote = b.Text, b, 0
	c.figures = c.figures[:0]
	c.sourced = append(c.sourced[:0], make([]int8, len(b.Sentences))...)
	flags := sourcing.SentenceMentions(c.mentions, b)
	for si, sent := range b.Sentences {
		text := b.Text[sent.Start:sent.End]
		f := flags[si]
		if f&sourcing.MentionsCited != 0 {
			if c.judged == nil {
				continue // its figures are cited (OwnCitation), as below
			}
			f = sourcing.Mentions(text) // not read for the flags
		}
		if f&sourcing.MentionsFigure == 0 {
			continue
		}
		if c.judged == nil && c.sources.OwnCitation(b, si) {
			// A sentence with its own citation reports none of its
			// figures, whatever is made of them below (sourced, set aside
			// or no figure at all), so its words are not read: about a
			// third of the sentences with a figure in a linked post. Its
			// memo in c.sourced is never wanted: sourcedBefore, the
			// only other reader, finds it sourced by OwnSource anyway.
			continue
		}
		question := isQuestion(text)
		c.toks = sourcing.Tokenize(c.toks[:0], b.Text, sent.Start, sent.End)
		// A question takes the figures it does not ask about as known:
		// "Do we really need 64 types of buttons?" tells of 64 (asks).
		c.asking = question && !c.factQuestion()
		if c.asking {
			c.readQuestion()
		}
		n := len(c.figures)
		c.findFigures()
		if len(c.figures) == n {
			continue
		}
		own := c.ownWords(b) // the writer's words, not a quoted speaker's
		if isHypothetical(b.Text, own) || c.listOfAims(b) || si > 0 && scenario() || policyLabel(b.Text, c.toks) {
			c.figures = c.figures[:n] // advice or a scenario: "if you aim for 80%…"
			continue
		}
		keep := n
		req, reqStop := requirementSpan(b.Text, c.toks)
		aim, aimStop := intentionSpan(b.Text, c.toks, c.figures[n].start)
		cond, condStop := conditionSpan(b.Text, c.toks)
		def, defStop := definitionSpan(b.Text, c.toks)
		pur, purStop, purModal := purposeSpan(b.Text, c.toks)
		dropped, droppedEnd := false, 0 // whether the figure before was set aside, and where it ended
		elements := -1                  // whether the sentence names a program's part (1) or not (0), once asked
		technical := func(f figure) bool {
			if !dataSize(b.Text, f) {
				return false
			}
			if w := b.Text[f.start:f.end]; len(w) > 5 && strings.EqualFold(w[:5], "zero ") {
				return true // "it doesn't use zero bytes to truncate the data": null bytes, a term
			}
			if elements < 0 {
				elements = 0
				if c.namesElement() {
					elements = 1
				}
			}
			return elements == 1
		}
		for i := n; i < len(c.figures); i++ {
			f := c.figures[i]
			drop := false
			switch {
			case req >= 0 && f.start >= req && f.start < reqStop && c.isTarget(b.Text, f):
				drop = true // "teams needed to achieve at least 2,500 gallons per minute": a target
			case isPolicy(b.Text, f) || boundsGroup(b.Text, f) || definesGroup(b.Text, f) || wholeSet(b.Text, f) || intended(b.Text, aim, aimStop, f) ||
				fileDetails(b.Text, f) || requiredOf(b.Text, f) && c.isTarget(b.Text, f) || settingValue(b.Text, f) || technical(f):
				drop = true // "a 35 percent tariff": a rule someone set; "an income of $50,000": a group
			case pur >= 0 && f.start >= pur && f.start < purStop && (purModal >= 0 && f.start > purModal || purModal < 0 && c.isTarget(b.Text, f)):
				drop = true // "so that it can accept more than 1024 connections", "to keep the buildpack under 1GB": an aim
			case def >= 0 && f.start >= def && f.start < defStop:
				drop = true // "the SBA counts companies with less than $35.5 million in sales as small": a definition's terms
			case cond >= 0 && f.start >= cond && f.start < condStop:
				drop = true // "will not take effect until 55 countries ratify it": a condition
			case dropped && i > n && restatedAlt(b.Text, droppedEnd, f.start):
				drop = true // "3.6 degrees Fahrenheit, or 2 degrees Celsius": the same figure, judged alike
			}
			dropped, droppedEnd = drop, f.end
			if drop {
				continue
			}
			c.figures[i].sentence = si
			c.figures[keep] = c.figures[i]
			keep++
		}
		c.figures = c.figures[:keep]
		if keep == n {
			continue
		}
		cover := Uncited
		switch {
		case blockCovered():
			cover = ByBlock
		case c.isSourced(b, si, c.toks):
			cover = BySentence
		case speaker():
			cover = ByAttribution // "**Ana Ruiz:** Half of our team works remotely."
		}
		if cover != Uncited {
			c.cite(n, n, cover)
			continue
		}
		// A figure in the content of an attribution to a named source is
		// sourced; the sentence's other figures are not.
		keep = n
		para := c.sources.Paragraph(b)
		about := para.AboutWords(si, c.toks) // the sentence's words are here already
		c.named = sourcing.NamedOnly(c.named[:0], b.Text, about)
		for i := n; i < len(c.figures); i++ {
			if sourcing.NamedContent(b.Text, c.named, c.figures[i].start, c.figures[i].end) || c.holdsNamedCue(c.figures[i]) {
				c.figures[i].cover = ByAttribution
			}
			if c.judged != nil || c.figures[i].cover == Uncited {
				c.figures[keep] = c.figures[i]
				keep++
			}
		}
		c.figures = c.figures[:keep]
		if sourcing.HasFirstPerson(b.Text, own) { // not a quoted speaker's "I"
			for i := n; i < len(c.figures); i++ {
				c.figures[i].firstPerson = true
			}
		}
	}
	if c.opts.Reach == "paragraph" && slices.ContainsFunc(c.figures, func(f figure) bool { return f.cover == Uncited }) && c.anySentenceSourced(b) {
		c.cite(0, len(c.figures), ByParagraph)
	}
	c.report(b)
}

// holdsNamedCue reports whether figure f ends with the cue of an
// attribution to a named source that opens before it, the cue read as a
// counted noun: "a Gallup survey of 1,000 people shows …", "… of those 18
// to 35 years old finds …". The figure stands in the source's own phrase, the sample the
// named document describes, not in what it is said to show. A document
// must open the source before the figure: "TSA gets hundreds of thousands
// of calls" is no survey's sample.
func (c *numberCheck) holdsNamedCue(f figure) bool {
	return slices.ContainsFunc(c.named, func(a prose.Attribution) bool {
		return a.Near && a.Cue.Start > f.start && a.Cue.End == f.end && a.Source.Start < f.start && a.Source.End < a.Cue.Start &&
			slices.ContainsFunc(strings.Fields(c.text[a.Source.Start:f.start]), func(w string) bool { return sourcing.Lookup(w).Is(prose.SourceNoun) })
	})
}

// cite marks the figures from from on as sourced by cover, the uncited
// ones among them from mark on: it drops them when only the uncited are
// wanted, and keeps them marked otherwise.
func (c *numberCheck) cite(from, mark int, cover Cover) {
	if c.judged == nil {
		c.figures = c.figures[:from]
		return
	}
	for i := from; i < len(c.figures); i++ {
		if i >= mark || c.figures[i].cover == Uncited {
			c.figures[i].cover = cover
		}
	}
}

// listIntroSourced reports whether b sits in a list item whose list is
// introduced by a paragraph that ends in ":" and names or links its source
// in the sentence that presents the list ("According to the Census
// Bureau's 2023 survey:", then a figure per item), or in an earlier
// sentence when one of the two speaks of a source or of what it reports
// (a source's noun or a verb of reporting: "The [Pew Research
// Center](…) released its survey. Here are the highlights:", "[Mobile
// Future](…) made this chart. Among the key data points:"). A link in
// another sentence that only names something ("[Social Media Club DC](…)
// hosted the event. The agenda asked speakers to cover:") does not source
// the list; nor does a lead-in that only points at the paragraph before
// ("The report broke out five groups:"): CLAIMS.md resolves "the report"
// within its own paragraph.
func (c *numberCheck) listIntroSourced(b *lint.Block) bool {
	intro := c.listIntro(b)
	if intro == nil {
		return false
	}
	return c.introFact(intro, introSourced, c.introSourced)
}

// introFact is what listIntroSourced and listOfAims found of a list's
// introduction: a bit for each question asked, a bit for each yes.
type introFact uint8

const (
	introSourced introFact = 1 << iota
	introOfAims
)

// introFact answers question q of a list's introduction with ask, once
// per introduction.
func (c *numberCheck) introFact(intro *lint.Block, q introFact, ask func(*lint.Block) bool) bool {
	f := c.introFacts[intro]
	if f&q == 0 {
		f |= q
		if ask(intro) {
			f |= q << 4
		}
		if c.introFacts == nil {
			c.introFacts = map[*lint.Block]introFact{}
		}
		c.introFacts[intro] = f
	}
	return f&(q<<4) != 0
}

// introSourced reports whether a list's introduction names or links its
// source as listIntroSourced asks.
func (c *numberCheck) introSourced(intro *lint.Block) bool {
	last := len(intro.Sentences) - 1
	if c.sources.OwnSource(intro, last) {
		return true
	}
	reports := c.reports(intro, last) // "Among the key data points:"
	for si := range last {
		if c.sources.OwnSource(intro, si) && (reports || c.reports(intro, si)) {
			return true
		}
	}
	return false
}

// reports reports whether sentence si of b speaks of a source or of what
// one reports: a source's noun ("report", "data"), a verb of reporting
// ("found", "noted"), or "according".
func (c *numberCheck) reports(b *lint.Block, si int) bool {
	s := b.Sentences[si]
	c.spare = sourcing.Tokenize(c.spare[:0], b.Text, s.Start, s.End)
	return slices.ContainsFunc(c.spare, func(t sourcing.Token) bool {
		return t.Is(sourcing.SourceNoun|sourcing.ReportVerb) || sourcing.IsWord(b.Text, t, "according")
	})
}

// listIntro returns the paragraph ending in ":" that introduces the list
// holding b, or nil.
func (c *numberCheck) listIntro(b *lint.Block) *lint.Block {
	item := listItemOf(b)
	if item == nil || len(item.Blocks) == 0 {
		return c.bulletIntro(b)
	}
	if intro, ok := c.listIntros[item]; ok {
		return intro
	}
	if c.listIntros == nil {
		c.listIntros = map[*lint.Container]*lint.Block{}
	}
	blocks := c.pass.Doc.Blocks
	i := item.Blocks[0] - 1
	// Step back over the list's earlier items to the block before the list;
	// an earlier item already asked about has the same answer.
	for i >= 0 {
		if other := listItemOf(blocks[i]); other != nil && other.Parent == item.Parent && len(other.Blocks) > 0 {
			if intro, ok := c.listIntros[other]; ok {
				c.listIntros[item] = intro
				return intro
			}
			i = other.Blocks[0] - 1
			continue
		}
		break
	}
	var intro *lint.Block
	if i >= 0 {
		intro = introducing(blocks[i], item.Parent)
	}
	c.listIntros[item] = intro
	return intro
}

// introducing returns intro when it can introduce a list in parent: a
// paragraph beside the list that ends in a colon. Otherwise nil.
func introducing(intro *lint.Block, parent *lint.Container) *lint.Block {
	if intro.Kind != lint.Paragraph || intro.Parent != parent || len(intro.Sentences) == 0 ||
		!strings.HasSuffix(strings.TrimRight(intro.Text, " "), ":") {
		return nil
	}
	return intro
}

// anySentenceSourced reports whether some sentence of a block carries its
// own source.
func (c *numberCheck) anySentenceSourced(b *lint.Block) bool {
	for si := range b.Sentences {
		if c.sources.OwnSource(b, si) {
			return true
		}
	}
	return false
}

// listItemOf returns the innermost list item holding b, or nil.
func listItemOf(b *lint.Block) *lint.Container {
	for p := b.Parent; p != nil; p = p.Parent {
		if p.Kind == lint.ListItem {
			return p
		}
	}
	return nil
}

// sourceNoteNext reports whether the sentence after si is a source note
// for it: "… rose 40%. (Source: the Census Bureau)".
func sourceNoteNext(b *lint.Block, si int) bool {
	if si+1 >= len(b.Sentences) {
		return false
	}
	next := b.Sentences[si+1]
	sentence := b.Text[next.Start:next.End]
	if strings.HasPrefix(sentence, "(") && sourcing.EndsWithSourceName(sentence) && strings.IndexByte(sentence[1:], '(') < 0 {
		return true // "… by 2020! (Cisco IBSG)"
	}
	t := strings.TrimLeft(sentence, "(*_ ")
	return len(t) > 7 && strings.EqualFold(t[:6], "source") && (t[6] == ':' || t[6]|0x20 == 's' && t[7] == ':')
}

// isSourced reports whether sentence si of block b, whose words are toks,
// carries its own citation or refers back to a sourced sentence.
func (c *numberCheck) isSourced(b *lint.Block, si int, toks []sourcing.Token) bool {
	if c.sourced[si] == 0 {
		c.sourced[si] = 1
		if c.sources.OwnCitation(b, si) || sourceNoteNext(b, si) ||
			sourcing.RefersBack(b.Text, toks) && c.sourcedBefore(b, si, maxReferBack) {
			c.sourced[si] = 2
		}
	}
	return c.sourced[si] == 2
}

// sourcedBefore reports whether the sentence before sentence si of block b
// is sourced, looking back through at most depth sentences of the
// paragraph.
func (c *numberCheck) sourcedBefore(b *lint.Block, si int, depth int) bool {
	if depth == 0 {
		return false
	}
	if si == 0 {
		// A paragraph's first sentence inherits nothing: what it points
		// back at was named in another paragraph (CLAIMS.md: "named
		// earlier in the paragraph").
		return false
	}
	// c.sourced caches the sentence's own citations (isSourced); a sentence
	// before also lends the source it names ("The Census Bureau counted
	// 40,000 … This figure is up 12%").
	if c.sourced[si-1] == 2 {
		return true
	}
	if c.sources.OwnSource(b, si-1) {
		return true
	}
	s := b.Sentences[si-1]
	c.spare = sourcing.Tokenize(c.spare[:0], b.Text, s.Start, s.End)
	return sourcing.RefersBack(b.Text, c.spare) && c.sourcedBefore(b, si-1, depth-1)
}

// factQuestion reports whether the question being read states its
// content as known (fact-question: "Did you know that the term was
// searched 51 times in July?"): its figures are told, not asked about.
func (c *numberCheck) factQuestion() bool {
	toks, text := c.toks, c.text
	for k := 0; k+2 < len(toks); k++ {
		if sourcing.Joined(toks, k) && sourcing.Joined(toks, k+1) && prose.Has(text[toks[k].Start:toks[k+2].End], prose.FactQuestion) {
			return true
		}
	}
	return false
}

// readQuestion reads what the question being read asks of all its
// figures: whether it asks whether, opening with a finite auxiliary ("Is
// it worth spending 10 hours on a tweet?", "Have we reached 100% of our
// goals?"), asks the reader ("Which do you value more: thousands of
// visitors who leave, or…?") or proposes ("How about borrowing $1
// trillion?"), and where its last clause after a colon starts ("The
// question is: 90 percent of what?").
func (c *numberCheck) readQuestion() {
	toks, text := c.toks, c.text
	c.askingWhether = prose.Has(sourcing.Word(text, toks[0]), prose.PredicateOpener)
	c.askFrom = 0
	for k, t := range toks {
		if t.Is(prose.ReaderWord) || k > 0 && sourcing.Joined(toks, k-1) && prose.Has(text[toks[k-1].Start:t.End], prose.ProposalQuestion) {
			c.askingWhether = true
		}
		if k > 0 && strings.IndexByte(text[toks[k-1].End:t.Start], ':') >= 0 {
			c.askFrom = k
		}
	}
}

// asks reports whether the question being read asks about the figure at
// words [start, end) rather than taking it as known: it does when the
// question asks about all its figures (readQuestion), when the question,
// or its last clause after a colon, is little more than the figure ("Why
// $150K?", "The question is: 90 percent of what?"), when a modal stands
// before the figure in its clause ("How could the form fit in 20
// fields?": a possibility) and when a definite word points at the figure,
// told before ("Where is that $115 supposed to come from?"). "Do we
// really need 64 types of buttons?" and "How do we bring together
// thousands of websites?" take theirs as known.
func (c *numberCheck) asks(start, end int) bool {
	if c.askingWhether || start >= c.askFrom && len(c.toks)-c.askFrom-(end-start) <= maxAskingWords {
		return true
	}
	return c.definiteBefore(start) || c.modalBefore(start)
}

// definiteBefore reports whether a definite word ("the", "those") is
// joined right before word i: "the millions of visitors who come".
func (c *numberCheck) definiteBefore(i int) bool {
	return i > 0 && sourcing.Joined(c.toks, i-1) && c.toks[i-1].Is(prose.Definite)
}

// maxAskingWords is the most words beside its figure a question asking
// about nothing else holds: "Why $150K?", "Only 40 percent?".
const maxAskingWords = 2

// isQuestion reports whether a sentence asks rather than states: a figure
// in "Why $150K?" claims nothing.
func isQuestion(sentence string) bool {
	end := sourcing.TrimTrailing(sentence, 0, len(sentence))
	return end < len(sentence) && strings.Contains(sentence[end:], "?")
}

func (c *numberCheck) tableSourced(t *lint.Container) bool {
	sourced, ok := c.tables[t]
	if !ok {
		if c.tables == nil {
			c.tables = map[*lint.Container]bool{}
		}
		sourced = c.sources.TableSourced(t)
		c.tables[t] = sourced
	}
	return sourced
}

// report reports the block's figures that are not inside a quotation or
// an ignored match.
func (c *numberCheck) report(b *lint.Block) {
	if len(c.figures) == 0 {
		return
	}
	var ignored [][]int
	for _, re := range c.opts.ignore {
		ignored = append(ignored, re.FindAllStringIndex(b.Text, -1)...)
	}
	ignored = mergeSpans(ignored)
	q, g := 0, 0
	// The figure before, among the uncited and among the cited: a figure
	// restates one judged alike.
	prev := [2]int{-1, -1}
	// The undefined footnote of the sentence last asked about: a
	// sentence is searched once, however many figures it holds.
	fnSentence, fnLabel := -1, ""
	for i, f := range c.figures {
		cited := min(int(f.cover), 1)
		before := prev[cited]
		prev[cited] = i
		if before >= 0 && restates(b.Text, c.figures[before], f) && !sharpens(c.figures[before], f) {
			continue // "six out of ten (58%)": one claim, told twice
		}
		if i+1 < len(c.figures) && min(int(c.figures[i+1].cover), 1) == cited && restates(b.Text, f, c.figures[i+1]) && sharpens(f, c.figures[i+1]) {
			continue // "a majority of statements (54%)": the figure in brackets is the claim
		}
		// Quotations at depth 0 are in order and do not overlap.
		for q < len(b.Quotes) && (b.Quotes[q].Depth != 0 || b.Quotes[q].End <= f.start) {
			q++
		}
		if q < len(b.Quotes) && b.Quotes[q].Start <= f.start {
			continue // the quoted speaker's claim
		}
		for g < len(ignored) && ignored[g][1] <= f.start {
			g++
		}
		if g < len(ignored) && ignored[g][0] < f.end {
			continue
		}
		start, end := b.SourceSpan(f.start, f.end)
		if f.cover != Uncited {
			c.judged(Figure{Block: b, Sentence: f.sentence, Start: start, End: end, Cover: f.cover})
			continue
		}
		d := lint.Diagnostic{
			Start:      start,
			End:        end,
			Message:    strconv.Quote(b.Text[f.start:f.end]) + " has no citation", // as %q, without fmt's machinery
			Suggestion: "link the source, add a footnote, or attribute it (\"according to …\")",
		}
		if f.sentence != fnSentence {
			fnSentence, fnLabel = f.sentence, undefinedFootnote(b, f.sentence)
		}
		if label := fnLabel; label != "" {
			// The writer meant to cite: say what is missing, not "add a footnote".
			d.Message = fmt.Sprintf("footnote %s has no definition, so %q has no citation", label, b.Text[f.start:f.end])
			d.Suggestion = fmt.Sprintf("define it on a line of its own, as in \"[^%s]: the source\", or fix the label", label)
		}
		if f.firstPerson || f.vague {
			d.Severity = lint.Info
		}
		if c.judged != nil {
			c.judged(Figure{Block: b, Sentence: f.sentence, Start: start, End: end, Finding: d})
			continue
		}
		c.pass.Report(d)
	}
}

// footnoteRef matches a footnote reference left as text: goldmark turns a
// reference into a footnote only when a definition exists.
// It is compiled when first needed, not at every start-up.
var footnoteRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[\^([^\]\s]{1,100})\]`) })

// undefinedFootnote returns the label of a footnote reference with no
// definition in the block's sentence i, or "".
func undefinedFootnote(b *lint.Block, i int) string {
	if i < 0 || i >= len(b.Sentences) {
		return ""
	}
	sent := b.Sentences[i]
	text := b.Text[sent.Start:sent.End]
	if !strings.Contains(text, "[^") {
		return "" // the pattern's start: most sentences are not searched at all
	}
	if m := footnoteRef().FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}

// restates reports whether figure f only restates the figure before it in
// parentheses: "six out of ten (58%)", "$4.2 billion (€3.9 billion)".
func restates(text string, prev, f figure) bool {
	between := text[prev.end:f.start]
	return strings.TrimSpace(between) == "(" && strings.HasPrefix(text[f.end:], ")")
}

// sharpens reports whether figure f, restating prev in brackets, gives
// the number of a vague magnitude ("a majority (54%)", "dozens (48)"):
// the claim a reader checks is the number, so it is the one reported.
func sharpens(prev, f figure) bool {
	return prev.vague && !f.vague
}

// mergeSpans sorts spans and merges those that overlap, so that a reader
// can walk them in order.
func mergeSpans(spans [][]int) [][]int {
	if len(spans) < 2 {
		return spans
	}
	slices.SortFunc(spans, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	out := spans[:1]
	for _, s := range spans[1:] {
		if last := out[len(out)-1]; s[0] < last[1] {
			last[1] = max(last[1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}

// findFigures appends the figures among the sentence's words.
func (c *numberCheck) findFigures() {
	c.modalsRead = false // read when a figure first asks (readModals)
	c.colonRead = false  // likewise (countLabelled)
	c.run, c.runEnd = 0, -1
	last := 0 // the first word not yet in a figure
	for i := 0; i < len(c.toks); {
		if !c.mayStartFigure(&c.toks[i]) {
			i++
			continue
		}
		start, end, ok := c.figureAt(i, last)
		if !ok {
			i++
			continue
		}
		if c.runEnd >= 0 && (start == c.runEnd || start == c.runEnd+1 && (sourcing.IsWord(c.text, c.toks[c.runEnd], "and") || sourcing.IsWord(c.text, c.toks[c.runEnd], "or"))) {
			c.run++ // "17 other sites, 12 other website managers, and…"
		} else {
			c.run = 1
		}
		i, last, c.runEnd = end, end, end
		if (c.toks[start].Is(sourcing.PluralScale) || c.toks[start].Is(sourcing.PluralCount) && (c.orMore(start) || c.orLess(start))) && c.modalBefore(start) && !c.definiteBefore(start) {
			// "Applications can have thousands of test cases": a rough
			// scale in a statement of what may be claims no fact. The
			// modal must stand before the scale in its clause: "insurers
			// released millions in cash so the firm could start" and
			// "the thousands of data sources that should be APIs" state
			// one, as do "should greet the thousands of visitors who
			// arrive": a definite word points at a scale that is there.
			continue
		}
		if c.asking && c.asks(start, end) {
			continue
		}
		if c.modalLimit(start, end) {
			continue // "it can hold up to 12 GB": a limit, what may be
		}
		w := sourcing.Word(c.text, c.toks[start])
		vague := c.toks[start].Is(sourcing.PluralScale|sourcing.PluralCount) || prose.Has(w, prose.VagueNumber) || prose.Has(w, prose.VagueShare) ||
			roundPlural(w) || c.digitsIdiom(start)
		c.figures = append(c.figures, figure{start: c.toks[start].Start, end: c.toks[end-1].End, vague: vague})
	}
}

// figureStart are the word classes that may open a figure (figureAt).
const figureStart = sourcing.MultiplyVerb | sourcing.ChangeVerb | sourcing.Superlative |
	sourcing.NumberWord | sourcing.PluralScale | sourcing.PluralCount | sourcing.FractionWord

// mayStartFigure is a test cheaper than a call of figureAt, asked first of
// every word of a sentence with a figure: it is false only of words where
// figureAt finds none. A word that opens with a letter, of no class that
// may open a figure and with no hyphen or dollar sign inside, can open one
// only as "a" or "an", a vague number or share ("several", "majority"), a
// currency code ("USD"), all of whose shapes startShapes holds, or as
// "twice" or a multiple ("triple"), which end in "e".
func (c *numberCheck) mayStartFigure(t *sourcing.Token) bool {
	w := c.text[t.Start:t.End]
	k := w[0] - 'A' // 58 or more: no ASCII letter
	if t.Is(figureStart) || t.Joiner || k >= 58 {
		return true // a digit, "$", a letter outside ASCII
	}
	return startShapes[k]&(1<<len(w)) != 0 || len(w) >= 5 && w[len(w)-1]|0x20 == 'e'
}

// startShapes has bit n of entry k set when a word of n bytes that starts
// with byte 'A'+k may be "a", "an", a member of vague-number or
// vague-share (in any case) or, starting with a capital, a currency code
// of three letters. The bytes between "Z" and "a", and every byte when a
// member is not one ASCII word, have every bit.
var startShapes = func() (shapes [58]uint64) {
	members := slices.Concat([]string{"a", "an"}, prose.TextMembers(prose.VagueNumber), prose.TextMembers(prose.VagueShare))
	for k := range shapes {
		switch b := 'A' + byte(k); {
		case b > 'Z' && b < 'a':
			shapes[k] = ^uint64(0)
		case b <= 'Z':
			shapes[k] = 1 << 3 // "USD"
		}
	}
	for _, m := range members {
		if m == "" || len(m) >= 64 || strings.IndexFunc(m, func(r rune) bool { return (r|0x20) < 'a' || (r|0x20) > 'z' }) >= 0 {
			for k := range shapes {
				shapes[k] = ^uint64(0)
			}
			continue
		}
		lower := m[0] | 0x20
		shapes[lower-'A'] |= 1 << len(m)
		shapes[lower-'a'] |= 1 << len(m)
	}
	return shapes
}()

// marginPoints returns the end of the points after the number at word i,
// whose quantity ends at word e, when they are a margin between rivals:
// before a margin noun ("a four-point lead", "five points ahead") or after
// "by" ("leads by five points"). Otherwise 0. A margin is a result
// (CLAIMS.md: "a 12-point lead"), reported however small; other points
// ("a five-point plan", "at one point") are not.
func (c *numberCheck) marginPoints(i, e int) int {
	toks, text := c.toks, c.text
	if e >= len(toks) || !sourcing.Joined(toks, e-1) || !(sourcing.IsWord(text, toks[e], "point") || sourcing.IsWord(text, toks[e], "points")) {
		return 0
	}
	if e+1 < len(toks) && sourcing.Joined(toks, e) && prose.Has(sourcing.Word(text, toks[e+1]), prose.MarginNoun) {
		return e + 1
	}
	if sourcing.IsWord(text, toks[e], "points") && i > 0 && sourcing.Joined(toks, i-1) && sourcing.IsWord(text, toks[i-1], "by") {
		return e + 1
	}
	return 0
}

// digitsMargin returns the end of a margin told by its count of digits at
// word i, or 0: "double" or "single" and "digit" before a word of a margin
// ("a double-digit lead": margin-noun), or "digits" after "by", "to",
// "within" or "into" ("leads by double digits", "fell to single digits").
// A margin is a result (CLAIMS.md: "a 12-point lead") with or without its
// digits; "a single digit" in a form is none.
func (c *numberCheck) digitsMargin(i int) int {
	toks, text := c.toks, c.text
	w := sourcing.Word(text, toks[i])
	if len(w) < len("double") || !strings.EqualFold(w[:len("double")], "double") && !strings.EqualFold(w[:len("single")], "single") {
		return 0 // most words: nothing lowered
	}
	e, rest := i+1, strings.ToLower(w[len("double"):])
	if rest == "" {
		if !sourcing.Joined(toks, i) {
			return 0
		}
		rest, e = "-"+strings.ToLower(sourcing.Word(text, toks[i+1])), i+2
	}
	switch rest {
	case "-digit":
		if e < len(toks) && sourcing.Joined(toks, e-1) && prose.Has(sourcing.Word(text, toks[e]), prose.MarginNoun) {
			return e
		}
	case "-digits":
		if i > 0 && sourcing.Joined(toks, i-1) {
			switch strings.ToLower(sourcing.Word(text, toks[i-1])) {
			case "by", "to", "within", "into":
				return e
			}
		}
	}
	return 0
}

// digitsIdiom reports whether the words at start say how many digits an
// amount has, a vague magnitude of money: "six figures", "five figures".
func (c *numberCheck) digitsIdiom(start int) bool {
	toks := c.toks
	return start+1 < len(toks) && toks[start].Is(sourcing.NumberWord) && sourcing.Joined(toks, start) &&
		toks[start].Value >= minFigures && toks[start].Value <= maxFigures && sourcing.IsWord(c.text, toks[start+1], "figures")
}

// minFigures and maxFigures bound the digits of the amounts that "five
// figures" and "ten figures" speak of: fewer are not money talk.
const (
	minFigures = 4
	maxFigures = 12
)

// isAimsHeading reports whether a heading opens a section of targets,
// goals, benchmarks or examples ("Targets", "Sample KPIs", "Our goals for
// 2025"): its figures are aims and illustrations, not facts.
func isAimsHeading(text string) bool {
	// The words as strings.FieldsFunc splits them, gathered without
	// allocating: every heading of every document is asked. Has folds
	// ASCII case itself, so only a heading with other letters, whose
	// lowercase may differ in more than case of ASCII, is lowered first
	// (strings.ToLower copied nearly every heading).
	lower := text
	if !prose.IsASCII(text) {
		lower = strings.ToLower(text)
	}
	var words [6]string
	n := 0
	for rest := lower; ; {
		w, after, ok := sourcing.NextField(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if !ok {
			break
		}
		if n == len(words) {
			return false // more than six words: not a short heading
		}
		words[n], n, rest = w, n+1, after
	}
	for _, w := range words[:n] {
		if prose.Has(w, prose.AimHeadingWord) {
			return true
		}
	}
	return false
}

// bulletIntro returns the introduction of a list typed as paragraphs that
// open with a bullet character ("• …", one paragraph an item), or nil.
func (c *numberCheck) bulletIntro(b *lint.Block) *lint.Block {
	if !isBulletParagraph(b) {
		return nil
	}
	if intro, ok := c.bulletIntros[b]; ok {
		return intro
	}
	if c.bulletIntros == nil {
		c.bulletIntros = map[*lint.Block]*lint.Block{}
	}
	blocks := c.pass.Doc.Blocks
	i := b.Index - 1
	for i >= 0 && isBulletParagraph(blocks[i]) && blocks[i].Parent == b.Parent {
		// An earlier item already asked about has the same answer.
		if intro, ok := c.bulletIntros[blocks[i]]; ok {
			c.bulletIntros[b] = intro
			return intro
		}
		i--
	}
	var intro *lint.Block
	if i >= 0 {
		intro = introducing(blocks[i], b.Parent)
	}
	c.bulletIntros[b] = intro
	return intro
}

// isBulletParagraph reports whether a paragraph opens with a bullet
// character.
func isBulletParagraph(b *lint.Block) bool {
	t := strings.TrimLeft(b.Text, " ")
	return b.Kind == lint.Paragraph && (strings.HasPrefix(t, "•") || strings.HasPrefix(t, "◦") || strings.HasPrefix(t, "▪"))
}

// listOfAims reports whether b is an item of a list introduced as aims or
// plans: "Starting in February we aim to:", "Our goals for next year:".
func (c *numberCheck) listOfAims(b *lint.Block) bool {
	intro := c.listIntro(b)
	if intro == nil {
		return false
	}
	return c.introFact(intro, introOfAims, introOfAimsWords)
}

// introOfAimsWords reports whether the last sentence of a list's
// introduction holds a word of aim-word-of-list (listOfAims).
func introOfAimsWords(intro *lint.Block) bool {
	last := intro.Sentences[len(intro.Sentences)-1]
	for _, w := range strings.FieldsFunc(strings.ToLower(intro.Text[last.Start:last.End]), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if prose.Has(w, prose.AimWordOfList) {
			return true
		}
	}
	return false
}

// advice reports whether a sentence opens as an order to the reader with
// an advice verb ("Save a quarter of the cost", "Don't spend more than 30
// percent on rent"), not a name ("Save the Children raised…").
func advice(text string, toks []sourcing.Token) bool {
	if adviceAt(text, toks, 0) {
		return true
	}
	// "Within these 1,600 words, make sure…": an order after an opening
	// phrase set off by a comma.
	for k := 0; k < maxOpeningWords && k+1 < len(toks); k++ {
		if toks[k].BreakAfter {
			return strings.HasPrefix(text[toks[k].End:], ",") && adviceAt(text, toks, k+1)
		}
	}
	return false
}

// maxOpeningWords bounds the words of a phrase that opens a sentence
// before an order to the reader: "Within these 1,600 or so words, make
// sure…".
const maxOpeningWords = 8

// adviceAt reports whether the words of toks from k on open an order to
// the reader with an advice verb.
func adviceAt(text string, toks []sourcing.Token, k int) bool {
	if len(toks) > k && toks[k].Is(prose.Negation) {
		k++ // "Don't spend…", "Never save…"
	}
	if k+1 >= len(toks) || !sourcing.Joined(toks, k) || !prose.Has(sourcing.Word(text, toks[k]), prose.AdviceVerb) {
		return false
	}
	next := toks[k+1]
	if sourcing.StartsUpper(sourcing.Word(text, next)) || next.Is(prose.BeVerb|sourcing.ModalWord) {
		return false
	}
	// "Save the Children": a name after its article.
	return !(next.Is(prose.Determiner) && k+2 < len(toks) && sourcing.Joined(toks, k+1) && sourcing.StartsUpper(sourcing.Word(text, toks[k+2])))
}

// hasLower reports whether w holds an ASCII lowercase letter: "RHoKs",
// "City", not "MB".
func hasLower(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' }) >= 0
}

// ownWords returns the words of the sentence being checked (c.toks) that
// are outside its quotations: the writer's own. A quoted speaker's "if" or
// "you" ("“I want you to know,” the mayor told a crowd of 3,000") makes no
// scenario of the writer's sentence. Without a quotation in the sentence
// it is c.toks itself.
func (c *numberCheck) ownWords(b *lint.Block) []sourcing.Token {
	if len(b.Quotes) == 0 || len(c.toks) == 0 {
		return c.toks
	}
	// Sentences are checked in order, so c.ownQuote only moves forward
	// over the block's quotations: linear however many there are.
	from, to := c.toks[0].Start, c.toks[len(c.toks)-1].End
	q := c.ownQuote
	for q < len(b.Quotes) && (b.Quotes[q].Depth != 0 || b.Quotes[q].End <= from) {
		q++
	}
	c.ownQuote = q
	if q == len(b.Quotes) || b.Quotes[q].Start >= to {
		return c.toks
	}
	c.own = c.own[:0]
	for _, t := range c.toks {
		for q < len(b.Quotes) && (b.Quotes[q].Depth != 0 || b.Quotes[q].End <= t.Start) {
			q++
		}
		if q < len(b.Quotes) && b.Quotes[q].Start <= t.Start {
			continue
		}
		c.own = append(c.own, t)
	}
	return c.own
}

// isHypothetical reports whether a sentence states a condition or talks
// to the reader about aims: "If the site loads in 2 seconds…", "You might
// hope to see a bounce rate closer to 30%", "you're aiming for 80%". Its
// figures are scenarios and targets, not facts about the world.
func isHypothetical(text string, toks []sourcing.Token) bool {
	if len(toks) > 0 && sourcing.IsWord(text, toks[0], "if") {
		return true
	}
	// "And if responding to 25% of visitors is not enough…": a condition
	// after a conjunction that opens the sentence.
	if len(toks) > 1 && sourcing.Joined(toks, 0) && (sourcing.IsWord(text, toks[0], "and") || sourcing.IsWord(text, toks[0], "but")) &&
		sourcing.IsWord(text, toks[1], "if") {
		return true
	}
	// "For example, if there were 30 stickies…", "However, if…": a
	// condition after a connective of a word or two set off by a comma.
	if rest := afterConnective(text, toks); len(rest) > 0 && sourcing.IsWord(text, rest[0], "if") {
		return true
	}
	if supposes(text, toks) {
		return true
	}
	if advice(text, toks) {
		return true
	}
	reader, aim := false, false
	if len(toks) > 3 && sourcing.IsWord(text, toks[0], "as") && sourcing.IsWord(text, toks[1], "you") && toks[3].BreakAfter {
		toks = toks[4:] // "As you can see, …": the reader shown a fact, not an aim
	}
	for _, t := range toks {
		lex := t.Entry
		if w := sourcing.Word(text, t); lex.Class == 0 && strings.Contains(w, "’") {
			lex = sourcing.Lookup(strings.ReplaceAll(w, "’", "'")) // you’re
		}
		reader = reader || lex.Is(sourcing.ReaderWord)
		aim = aim || lex.Is(sourcing.ModalWord|sourcing.AimWord)
	}
	return reader && aim
}

// supposes reports whether a sentence opens supposing a case, at its
// start or after a connective set off by a comma ("For example, let's say
// Congress appropriates $30 billion").
func supposes(text string, toks []sourcing.Token) bool {
	return opensScenario(text, toks) || opensScenario(text, afterConnective(text, toks))
}

// afterConnective returns the words of a sentence after a connective of
// up to maxConnectiveWords words that opens it, set off by a comma ("For
// example,", "However,"), or none.
func afterConnective(text string, toks []sourcing.Token) []sourcing.Token {
	for k := 0; k < maxConnectiveWords && k+1 < len(toks); k++ {
		if toks[k].BreakAfter {
			if strings.HasPrefix(text[toks[k].End:], ",") {
				return toks[k+1:]
			}
			return nil
		}
	}
	return nil
}

// opensScenario reports whether a sentence opens a worked example
// (scenario-opener): "Let's say a park has 10 visitors a day", "Suppose
// the form takes 200 fields".
func opensScenario(text string, toks []sourcing.Token) bool {
	if len(toks) > 1 && sourcing.Joined(toks, 0) && prose.Has(text[toks[0].Start:toks[1].End], prose.ScenarioOpener) {
		return true
	}
	return len(toks) > 0 && prose.Has(sourcing.Word(text, toks[0]), prose.ScenarioOpener) && !sourcing.IsWord(text, toks[0], "say")
}

// policyLabel reports whether a sentence opens with a policy noun as a
// label before a colon ("Fee: $25 for members and $35 for others"): the
// figures after it are what was set, not facts.
func policyLabel(text string, toks []sourcing.Token) bool {
	return len(toks) > 1 && strings.HasPrefix(strings.TrimLeft(text[toks[0].End:toks[1].Start], "*_ "), ":") &&
		prose.Has(sourcing.Word(text, toks[0]), prose.PolicyNoun)
}

// maxConnectiveWords bounds the words of a connective that opens a
// sentence before a comma ("For example,", "In that case,").
const maxConnectiveWords = 3

// requirementSpan returns the stretch of a sentence, whose words are
// toks, that the first words of a requirement ("needed to", "must") govern:
// from their end to the end of their clause (a comma or a word of the
// lexicon's clause-break class, such as "because"), or -1, -1. A figure
// there is a target, not a fact: "teams needed to achieve at least 2,500
// gallons per minute"; "the city must act now because 40,000 residents
// lost power" still states one. One pass over the words.
func requirementSpan(text string, toks []sourcing.Token) (start, stop int) {
	for k, t := range toks {
		if _, ok := prose.EndsWith(text[:t.End], prose.Requirement); ok {
			return t.End, clauseEnd(text, toks, k, false)
		}
		if to := requiresOf(text, toks, k); to > 0 {
			return toks[to].End, clauseEnd(text, toks, to, false)
		}
	}
	return -1, -1
}

// requiresOf returns the "to" of "requires" with its object before it
// ("a pilot program that requires agencies to share at least 20 percent
// of their code": what is required, whoever requires it), or 0. The
// object is a few words with no figure in them: "it requires 40
// volunteers to run" counts what is needed.
func requiresOf(text string, toks []sourcing.Token, k int) int {
	if !sourcing.IsWord(text, toks[k], "requires") && !sourcing.IsWord(text, toks[k], "require") {
		return 0
	}
	for j := k + 1; j < len(toks) && j <= k+1+maxRequiredObject && sourcing.Joined(toks, j-1); j++ {
		if sourcing.IsWord(text, toks[j], "to") {
			if j == k+1 {
				return 0
			}
			return j
		}
		if c := text[toks[j].Start]; c >= '0' && c <= '9' || toks[j].Is(sourcing.NumberWord|sourcing.PluralScale|sourcing.PluralCount) {
			return 0
		}
	}
	return 0
}

// maxRequiredObject bounds the words between "requires" and its "to":
// "requires all federal agencies to".
const maxRequiredObject = 4

// conditionSpan returns the stretch of a sentence, whose words are toks,
// that a word of condition (conditional, or "until") opens inside it, to
// the end of its clause, when a modal elsewhere makes the sentence speak
// of what will or would be: "the agreement will not take effect until 55
// countries ratify it", "the rule would lapse unless 40 senators vote".
// A figure there is a condition, not a fact; "Until last year, 300 people
// worked there" states one. It returns -1, -1 when there is none. (A
// sentence that opens with "If" is a scenario as a whole: isHypothetical.)
func conditionSpan(text string, toks []sourcing.Token) (start, stop int) {
	at := -1
	for k, t := range toks {
		if k > 0 && (t.Is(prose.Conditional) || sourcing.IsWord(text, t, "until")) {
			at = k
			break
		}
	}
	if at < 0 || !hasModal(toks[:at]) {
		return -1, -1
	}
	return toks[at].End, clauseEnd(text, toks, at, true)
}

// requiredOf reports whether a figure is the subject of a requirement:
// the words of one (requirement) follow it within its clause, perhaps
// after its noun and a form of "be" ("only 40 percent of members are
// typically required to be present"). When the figure is a share or a
// measure (isTarget) it is the rule's quorum, not a fact; a count stays
// one ("Thousands of card holders are required to train").
func requiredOf(text string, f figure) bool {
	after := text[f.end:min(len(text), f.end+maxRequiredReach)]
	if i := strings.IndexAny(after, ".,;:!?()—–"); i >= 0 {
		after = after[:i]
	}
	be := false // a form of "be" or a modal before the requirement: "are required to", "must"
	for e := 1; e <= len(after); e++ {
		if e < len(after) && after[e] != ' ' || after[e-1] == ' ' {
			continue // not the end of a word
		}
		w := after[strings.LastIndexByte(after[:e], ' ')+1 : e]
		if sourcing.Lookup(w).Is(prose.BeVerb) {
			be = true
		}
		if _, ok := prose.EndsWith(after[:e], prose.Requirement); ok {
			return be || w == "must"
		}
	}
	return false
}

// maxRequiredReach bounds the bytes read after a figure for the
// requirement it is the subject of ("of DNC members are typically
// required to").
const maxRequiredReach = 48

// restatedAlt reports whether the text between the end of one figure and
// the start of the next only offers the next as an alternative form of
// the same ("3.6 degrees Fahrenheit, or 2 degrees Celsius", "$4 billion
// (€3.7 billion)"): a word or two of unit, then "or" or a bracket.
func restatedAlt(text string, prevEnd, start int) bool {
	if start-prevEnd > maxAltGap {
		return false
	}
	between := strings.TrimSpace(text[prevEnd:start])
	rest, ok := strings.CutSuffix(between, "(")
	if between == "or" {
		rest, ok = "", true // "$5 or $6"
	}
	if !ok {
		if rest, ok = strings.CutSuffix(between, " or"); !ok {
			return false // "tariffs of 5 to 25 percent hit 40 factories": another figure
		}
	}
	rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), ","))
	return len(strings.Fields(rest)) <= 1 && !strings.ContainsAny(rest, "0123456789")
}

// maxAltGap bounds the bytes between a figure and its other form.
const maxAltGap = 24

// clauseEnd returns where the clause that word k of toks opens ends: at a
// mark after a word (BreakAfter), before a word of clause-break, before a
// dash or a bracket when setOff (words set off that way say something
// else), else at the end of the sentence.
func clauseEnd(text string, toks []sourcing.Token, k int, setOff bool) int {
	if toks[k].BreakAfter {
		return toks[k].End
	}
	for j := k + 1; j < len(toks); j++ {
		t := toks[j]
		if prose.Has(sourcing.Word(text, t), prose.ClauseBreak) {
			return t.Start
		}
		if i := strings.IndexAny(text[toks[j-1].End:t.Start], "—–("); setOff && i >= 0 {
			return toks[j-1].End + i
		}
		if t.BreakAfter {
			return t.End
		}
	}
	return len(text)
}

// isTarget reports whether a figure after the words of a requirement is
// the amount required rather than a count of what the requirement is
// about: a measure, a share, money, a length of time or of a text
// ("achieve 2,500 gallons per minute", "cut costs 10%", "run under 5
// minutes", "be at least 1,000 words"), or any
// figure after a bound ("at least 40 agencies"). "must comply with
// hundreds of requirements" and "might need to coordinate with 17 other
// sites" count things, and stay claims.
func (c *numberCheck) isTarget(text string, f figure) bool {
	w := text[f.start:f.end]
	if strings.ContainsAny(w, "%$€£¥") {
		return true
	}
	words := strings.Fields(w)
	for _, x := range words {
		x = strings.Trim(x, ".,;:()")
		if e := sourcing.Lookup(x); e.Is(sourcing.PercentWord|sourcing.UnitWord|prose.Duration|prose.ScaleWord) || prose.Has(x, prose.LengthNoun) {
			return true
		}
	}
	// The longest bound is a few words: look no further back, so that a
	// paragraph of many figures is read once.
	_, bounded := prose.EndsWith(strings.TrimRight(text[max(0, f.start-24):f.start], " "), prose.Bound)
	return bounded
}

// namedInBrackets reports whether the words right after a figure are a
// bracket that names it as a rule, ending in a policy noun: "$10,000 (the
// purchase card threshold)", "$7.25 (the federal minimum wage)".
func namedInBrackets(after string) bool {
	in, ok := strings.CutPrefix(strings.TrimLeft(after, " "), "(")
	if !ok {
		return false
	}
	in, _, ok = strings.Cut(in, ")")
	if !ok || strings.ContainsAny(in, "0123456789") {
		return false
	}
	words := strings.Fields(in)
	if len(words) < 2 || !strings.EqualFold(words[0], "the") {
		return false // "(threshold)" alone, "(a limit set in 2019)"
	}
	last := words[len(words)-1]
	return prose.Has(last, prose.PolicyNoun) || prose.Has(words[len(words)-2]+" "+last, prose.PolicyNoun)
}

// isPolicy reports whether a figure is a policy figure, a rule set by
// someone rather than a fact (CLAIMS.md): one of the next words, or the
// two next together, is a policy noun ("a 35 percent tariff", "a $17
// minimum wage"), or the figure follows one and a policy link ("tariffs
// of 5 to 25 percent", "a payout ranging from $300 to $5,000"). Both
// looks are a few words long.
func isPolicy(text string, f figure) bool {
	after := text[f.end:min(len(text), f.end+40)]
	if namedInBrackets(after) {
		return true // "under $10,000 (the purchase card threshold)"
	}
	if i := strings.IndexAny(after, ".,;:!?()"); i >= 0 {
		after = after[:i] // the figure's own clause only
	}
	// A threshold: "the 1,237 delegates needed to clinch", "It takes 270
	// electoral votes to win" (threshold-noun).
	if span := strings.TrimSpace(text[f.start:f.end]); prose.Has(span[strings.LastIndexByte(span, ' ')+1:], prose.ThresholdNoun) {
		rest := strings.TrimLeft(after, " ")
		if next, _, ok := strings.Cut(rest, " "); ok && prose.Has(next, prose.ThresholdCue) {
			return true // "the 1,237 delegates needed to clinch"
		}
		if _, ok := prose.EndsWith(strings.TrimRight(text[max(0, f.start-12):f.start], " "), prose.ThresholdCue); ok && strings.HasPrefix(rest, "to ") {
			return true // "It takes 2,383 delegates to win"
		}
	}
	// A prize: "$50,000 for 1st place" (prize-place).
	if i := strings.Index(after, " place"); i > 0 && prose.Has(strings.TrimLeft(after[:i+len(" place")], " "), prose.PrizePlace) {
		return true
	}
	// Its first words, as strings.FieldsFunc splits them: a policy noun,
	// alone or with the word before it, over at most one modifier ("a 30
	// percent effective tax rate").
	sep := func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }
	prev := ""
	for n, rest := 0, after; n < 3; n++ {
		w, more, ok := sourcing.NextField(rest, sep)
		if !ok || n > 0 && sourcing.Lookup(w).Is(sourcing.FunctionWord) {
			break // "40 percent of the goals": the noun of another phrase
		}
		if prose.Has(w, prose.PolicyNoun) || n > 0 && prose.Has(prev+" "+w, prose.PolicyNoun) {
			return true
		}
		prev, rest = w, more
	}
	before := beforeRange(strings.TrimRight(text[max(0, f.start-48):f.start], " "))
	if i, ok := prose.EndsWith(before, prose.PolicyLink); ok {
		_, ok := prose.EndsWith(strings.TrimRight(before[:i], " ,"), prose.PolicyNoun)
		return ok
	}
	return policySubject(text[max(0, f.start-maxSubjectBytes):f.start])
}

// maxSubjectBytes bounds the text read back from a figure for the subject
// of the "is" before it.
const maxSubjectBytes = 64

// policySubject reports whether before, the text up to a figure, ends in
// "is" (or another form of "be", perhaps with "still" or "now" after it)
// whose subject opens with a determiner and a policy noun: "The threshold
// for response is still 100,000 signatures", "Our goal this year is 500
// homes". The figure is what the rule is set at.
func policySubject(before string) bool {
	if i := strings.LastIndexAny(before, ".;:!?\n"); i >= 0 {
		before = before[i+1:]
	}
	// The words are read from the end, in place: this is asked of every
	// figure that follows "is".
	be, rest := lastField(before)
	if strings.EqualFold(be, "still") || strings.EqualFold(be, "now") {
		be, rest = lastField(rest)
	}
	if be == "" || !prose.Lookup(be).Is(prose.BeVerb) {
		return false
	}
	// The subject is the words before "is", up to a comma.
	if c := strings.LastIndex(rest, ", "); c >= 0 {
		rest = rest[c+1:] // not the comma inside "1,000"
	}
	first, rest, _ := sourcing.NextField(rest, unicode.IsSpace)
	if strings.EqualFold(first, "and") || strings.EqualFold(first, "but") {
		first, rest, _ = sourcing.NextField(rest, unicode.IsSpace) // "…, and our goal is 500 homes"
	}
	second, _, ok := sourcing.NextField(rest, unicode.IsSpace)
	return ok && prose.Lookup(first).Is(prose.Determiner) && prose.Has(second, prose.PolicyNoun)
}

// lastField returns the last space-separated word of s and what comes
// before it; "" when there is none.
func lastField(s string) (word, before string) {
	s = strings.TrimRight(s, " \t\n")
	i := strings.LastIndexAny(s, " \t\n")
	return s[i+1:], s[:i+1]
}

// intentionSpan returns the stretch of a sentence, whose words are toks,
// that an intention governs: from after a verb of intention-verb followed
// by "to", or one of proposal-verb ("Clinton wants to sign up 5 million
// people", "She is proposing 500 million solar panels"), to the end of its
// clause (a mark, a dash or a bracket, or a word of clause-break: "I
// wanted to simulate a dataset, so I created 100,000 reports"). The verb
// must come before the sentence's first figure, which starts at first: in
// "49.3% wanted to learn, and 46.3% reported interest" the figures say
// who wanted. It returns -1, -1 when there is none.
func intentionSpan(text string, toks []sourcing.Token, first int) (start, stop int) {
	for k, t := range toks {
		if t.Start >= first {
			break // a figure before the verb may be its subject
		}
		w := sourcing.Word(text, t)
		if afterWould(text, toks, k) && prose.Has(w, prose.SettingVerb) {
			// "would raise the top rate to 43.6 percent": the level set,
			// after "to" or "at"; not what it would raise ("would raise
			// $15.3 trillion", a forecast).
			stop := clauseEnd(text, toks, k, true)
			for j := k + 1; j < len(toks) && toks[j].Start < stop; j++ {
				if sourcing.IsWord(text, toks[j], "to") || sourcing.IsWord(text, toks[j], "at") {
					return toks[j].End, stop
				}
			}
			continue
		}
		if afterWould(text, toks, k) && prose.Has(w, prose.PermissionVerb) {
			// "would allow them to deduct up to $1 million": the limit a
			// rule would allow, after "up to"; not what it would let happen
			// ("would let 400 firms skip the tax").
			stop := clauseEnd(text, toks, k, true)
			for j := k + 1; j+1 < len(toks) && toks[j+1].Start < stop; j++ {
				if sourcing.IsWord(text, toks[j], "up") && sourcing.Joined(toks, j) && sourcing.IsWord(text, toks[j+1], "to") {
					return toks[j+1].End, stop
				}
			}
			continue
		}
		if prose.Has(w, prose.ProposalVerb) ||
			prose.Has(w, prose.IntentionVerb) && k+1 < len(toks) && sourcing.Joined(toks, k) && sourcing.IsWord(text, toks[k+1], "to") {
			// A dash or a bracket sets off words about what exists ("to
			// ban all Muslims — 1.6 billion members of a religion —").
			return t.End, clauseEnd(text, toks, k, true)
		}
		// "a goal … – limiting the warming to 3.6 degrees", "the pledge he
		// offered: to reduce emissions 26 percent": an aim's level.
		if w[0] >= 'a' && w[0] <= 'z' && prose.Has(w, prose.AimNoun) {
			for j := k + 1; j < len(toks) && j-k <= maxAimGap && toks[j].Start < first; j++ {
				if v := sourcing.Word(text, toks[j]); settingVerb(v) && (strings.HasSuffix(v, "ing") || sourcing.IsWord(text, toks[j-1], "to")) {
					return toks[j].End, clauseEnd(text, toks, j, true)
				}
			}
		}
	}
	return -1, -1
}

// afterWould reports whether word k of toks follows "would", perhaps over
// one adverb: "would raise", "would also cap", "would gradually lower".
func afterWould(text string, toks []sourcing.Token, k int) bool {
	if k > 0 && sourcing.Joined(toks, k-1) && sourcing.IsWord(text, toks[k-1], "would") {
		return true
	}
	if k < 2 || !sourcing.Joined(toks, k-2) || !sourcing.Joined(toks, k-1) || !sourcing.IsWord(text, toks[k-2], "would") {
		return false
	}
	adv := sourcing.Word(text, toks[k-1])
	return toks[k-1].Is(prose.BetweenCue) || len(adv) > 4 && strings.HasSuffix(adv, "ly") && adv[0] >= 'a' && adv[0] <= 'z'
}

// maxAimGap bounds the words between an aim's noun and the verb that sets
// its level ("the pledge he offered in Paris: to reduce").
const maxAimGap = 12

// settingVerb reports whether w is a verb of setting-verb, in its base
// form or in -ing ("limiting", "reducing", "cutting").
func settingVerb(w string) bool {
	stem, ok := strings.CutSuffix(strings.ToLower(w), "ing")
	if !ok {
		return prose.Has(w, prose.SettingVerb)
	}
	if prose.Has(stem, prose.SettingVerb) || prose.Has(stem+"e", prose.SettingVerb) {
		return true
	}
	n := len(stem)
	return n > 2 && stem[n-1] == stem[n-2] && prose.Has(stem[:n-1], prose.SettingVerb) // "cutting", "capping"
}

// intended reports whether a figure lies in the intention span [start,
// stop) and is no whole that exists: one after "all" counts it ("vowed
// to ban all 900,000 farms").
func intended(text string, start, stop int, f figure) bool {
	if start < 0 || f.start < start || f.start >= stop {
		return false
	}
	before := strings.TrimRight(text[start:f.start], " ")
	return !(before == "all" || strings.HasSuffix(before, " all"))
}

// purposeSpan returns the stretch of a sentence, whose words are toks,
// that a purpose governs, to the end of its clause: after "so that"
// ("…, so that it can accept more than 1024 downstream connections"),
// where a figure after the modal that follows (modal, its offset; else -1)
// is an aim, or after "to keep" ("Remove the old version to keep the
// buildpack under 1GB"), where a target is (isTarget). "so that a photo
// with a popularity of 1,000,000 is boosted" has no modal, and "in order
// to crowdsource a collection of 542 volumes" is no purpose read here. It
// returns -1, -1, -1 when there is none. One pass over the words.
func purposeSpan(text string, toks []sourcing.Token) (start, stop, modal int) {
	for k := 0; k+1 < len(toks); k++ {
		if !sourcing.Joined(toks, k) {
			continue
		}
		so := sourcing.IsWord(text, toks[k], "so") && sourcing.IsWord(text, toks[k+1], "that")
		if !so && !(sourcing.IsWord(text, toks[k], "to") && sourcing.IsWord(text, toks[k+1], "keep")) {
			continue
		}
		start, stop, modal = toks[k+1].End, clauseEnd(text, toks, k+1, true), -1
		if so {
			for j := k + 2; j < len(toks) && toks[j].Start < stop; j++ {
				if toks[j].Is(sourcing.ModalWord) {
					return start, stop, toks[j].End
				}
			}
			return -1, -1, -1 // no modal: no aim ("so that a photo … is boosted")
		}
		return start, stop, modal
	}
	return -1, -1, -1
}

// definitionSpan returns the stretch of a sentence, whose words are toks,
// between the words that qualify what a verb of defining or classifying
// (define-verb, classify-verb) defines and the "as" after them ("The SBA
// counts companies with less than $35.5 million in sales and about 1,500
// employees as small businesses", "defines households that earn under
// $30,000 as poor"): the figures there are a definition's terms, a named
// threshold, not facts. The qualifying words open at "with", "who",
// "whose" or a relative-word: "officials counted 300 ballots as invalid"
// counts. It returns -1, -1 when there is none. One pass over the words.
func definitionSpan(text string, toks []sourcing.Token) (start, stop int) {
	verb := false
	start = -1
	for _, t := range toks {
		w := sourcing.Word(text, t)
		switch {
		case !verb && (prose.Has(w, prose.DefineVerb) || prose.Has(w, prose.ClassifyVerb)):
			verb = true
		case verb && start < 0 && (prose.Has(w, prose.QualifierOpener) || prose.Has(w, prose.RelativeWord)):
			start = t.End
		case start >= 0 && strings.EqualFold(w, "as"):
			return start, t.Start
		}
	}
	return -1, -1
}

// settingValue reports whether figure f is a configured value of a
// system, a policy figure of the software rather than a fact about the
// world (setting-word): right after "set to" or "configured to" ("the
// header was set to 16 bytes"), or right after a word of setting-link
// ("to", "from", "is now", "of") in a clause that holds a setting-word
// ("The default memory was raised from 1GB to 2GB", "The maximum disk
// quota is now 7GB up from 6GB"; not "the default rate rose to 5
// percent", a measure). The clause is read back at most
// maxSettingBytes, to a mark or ", ".
func settingValue(text string, f figure) bool {
	before := strings.TrimRight(text[max(0, f.start-maxSettingBytes):f.start], " ")
	if _, ok := prose.EndsWith(before, prose.SetTo); ok {
		return true
	}
	if _, ok := prose.EndsWith(before, prose.SettingLink); !ok {
		return false
	}
	if i := strings.LastIndexAny(before, ".;:!?()[]\n"); i >= 0 {
		before = before[i+1:]
	}
	if i := strings.LastIndex(before, ", "); i >= 0 {
		before = before[i+2:] // not the comma inside "1,000"
	}
	sep := func(r rune) bool { return !unicode.IsLetter(r) }
	for rest := before; ; {
		w, more, ok := sourcing.NextField(rest, sep)
		if !ok {
			return false
		}
		if prose.Has(w, prose.SettingWord) {
			// "The default rate on loans rose to 5 percent" measures
			// defaults: a rate is no setting's value.
			next, _, _ := sourcing.NextField(more, sep)
			if !strings.EqualFold(next, "rate") && !strings.EqualFold(next, "rates") {
				return true
			}
		}
		rest = more
	}
}

// dataSize reports whether figure f is a size of data or text, its last
// word a data-unit, alone or glued to the number: "16 bytes", "16GB",
// "256 characters".
func dataSize(text string, f figure) bool {
	span := text[f.start:f.end]
	last := span[strings.LastIndexByte(span, ' ')+1:]
	return prose.Has(strings.TrimLeft(last, "0123456789.,"), prose.DataUnit)
}

// namesElement reports whether the sentence being checked names a part of
// a program (data-element): a size of data in it is a technical value, a
// setting of the software ("Buildpack path cache hash has 16 bytes", "When
// the hostname exceeds 256 characters, it is truncated"), where "The app
// is a 290 MB download" measures something.
func (c *numberCheck) namesElement() bool {
	for _, t := range c.toks {
		if prose.Has(sourcing.Word(c.text, t), prose.DataElement) {
			return true
		}
	}
	return false
}

// maxSettingBytes bounds the clause read back from a figure for a
// setting-word ("The default amount of memory for staging applications
// has been increased from 1GB").
const maxSettingBytes = 120

// fileDetails reports whether figure f is among a download's details in
// brackets that name the kind of file (file-type), first or last: "(PDF,
// 7.02 MB, 12 pages)", "(735 KB, PDF)". It describes the file.
func fileDetails(text string, f figure) bool {
	before := text[max(0, f.start-maxFileDetails):f.start]
	open := strings.LastIndexByte(before, '(')
	if open < 0 {
		return false
	}
	inside := before[open+1:]
	if strings.ContainsAny(inside, ")\n") {
		return false
	}
	if kind, _, ok := strings.Cut(strings.TrimSpace(inside), ","); ok && prose.Has(strings.TrimSpace(kind), prose.FileType) {
		return true
	}
	after := text[f.end:min(len(text), f.end+maxFileDetails)]
	rest, _, ok := strings.Cut(after, ")")
	if !ok || strings.ContainsRune(rest, '(') || strings.ContainsRune(rest, '\n') {
		return false
	}
	kind := rest[strings.LastIndexByte(rest, ',')+1:]
	return strings.Contains(rest, ",") && prose.Has(strings.TrimSpace(kind), prose.FileType)
}

// maxFileDetails bounds how far before a figure the bracket of a file's
// details may open.
const maxFileDetails = 40

// boundsGroup reports whether a figure bounds a group of people rather
// than states a fact: it follows a bracket-lead word ("an income of
// $50,000 – $74,999", "who earn $75,000+", "adults aged 18 to 34"), or it
// is the upper end of such a range.
func boundsGroup(text string, f figure) bool {
	before := beforeRange(strings.TrimRight(text[max(0, f.start-40):f.start], " "))
	if _, ok := prose.EndsWith(before, prose.BracketLead); ok {
		return true // "incomes above $250,000": the bound is part of the lead
	}
	// "incomes of more than $5 million": a bound between.
	if i, ok := prose.EndsWith(before, prose.Bound); ok {
		before = strings.TrimRight(before[:i], " ")
	}
	if _, ok := prose.EndsWith(before, prose.BracketLead); ok {
		return true
	}
	return earnersBound(before)
}

// earnersBound reports whether the words before a figure, its bound cut
// off, end with a plural noun and a participle of earning, perhaps with a
// stress word after it: the amount picks out a group ("Managers earning
// even $30,000", "nurses making more than $60,000"), as bracket-lead's
// "households earning" does.
func earnersBound(before string) bool {
	if i, ok := prose.EndsWith(before, prose.StressWord); ok {
		before = strings.TrimRight(before[:i], " ")
	}
	i, ok := prose.EndsWith(before, prose.EarningParticiple)
	if !ok {
		return false
	}
	rest := strings.TrimRight(before[:i], " ")
	noun := rest[strings.LastIndexByte(rest, ' ')+1:]
	return genericPlural(noun)
}

// wholeSet reports whether a count is the size of a whole set, after a
// word that takes all of it ("all 50 states", "all 99 counties":
// whole-set): a fixed total that describes the set, not a finding.
// The sets that are known by their size are small: a count of a
// thousand or more is a measure of a population ("all 900,000 farms"), and
// stays a claim, as do money, shares, a count with a scale word, an
// estimate ("all 11 million undocumented immigrants"), and the members of
// a named body ("all 65 OGP countries", a membership that changes).
func wholeSet(text string, f figure) bool {
	fig := text[f.start:f.end]
	if fig == "" || strings.ContainsAny(fig, "$€£¥%,") || strings.IndexFunc(fig, func(r rune) bool { return r < '0' || r > '9' }) > 3 {
		return false
	}
	for _, w := range strings.Fields(fig) {
		if sourcing.Lookup(w).Is(sourcing.ScaleWord|sourcing.PercentWord) || w[0] >= 'A' && w[0] <= 'Z' {
			return false
		}
	}
	_, ok := prose.EndsWith(strings.TrimRight(text[max(0, f.start-maxWholeSet):f.start], " "), prose.WholeSet)
	return ok
}

// maxWholeSet bounds the bytes read before a count for the word that
// takes a whole set ("all").
const maxWholeSet = 8

// definesGroup reports whether a figure left open at one end ("$200 or
// less", open-bound; "more than 10 times", than-bound) stands in a
// relative clause ("donors who pitch in $200 or less", "groups that raised
// $1 million or more", "users who opened the app more than 10 times"):
// the line that picks out a group, not a fact about it. "The storm caused
// $1 billion or more in damage" states one, and so does a clause set off
// about one thing ("Clinton, who won more than 60 percent"). Both looks
// are a few words long.
func definesGroup(text string, f figure) bool {
	after := strings.TrimLeft(text[f.end:min(len(text), f.end+maxOpenBound)], " ")
	first, rest, _ := strings.Cut(after, " ")
	second, _, _ := strings.Cut(rest, " ")
	before := text[max(0, f.start-maxRelativeReach):f.start]
	leading := false
	if !prose.Has(first+" "+strings.TrimRight(second, ".,;:!?)"), prose.OpenBound) {
		if _, ok := prose.EndsWith(strings.TrimRight(before, " "), prose.ThanBound); !ok {
			return false
		}
		leading = true
	}
	if i := strings.LastIndexAny(before, ".,;:()—–"); i >= 0 {
		before = before[i+1:] // the figure's own clause only
	}
	words := strings.Fields(before)
	for i, w := range words {
		if strings.EqualFold(w, "who") || prose.Has(w, prose.RelativeWord) {
			// A leading bound picks out a group of people right after the
			// plural it qualifies ("users who"); after one thing ("the one
			// supporting Bush that raised more than $100 million"), a
			// preposition ("a scheme in which bankers opened more than 2
			// million accounts") or things ("the attacks that killed more
			// than 125 people") the clause tells a fact.
			return !leading || i > 0 && genericPlural(words[i-1]) && strings.EqualFold(w, "who")
		}
	}
	return false
}

// genericPlural reports whether w is a plural noun by its shape ("users",
// "Donors", "Democrats"; not "class", "Clinton's").
func genericPlural(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.ContainsAny(w, "'’")
}

// maxOpenBound bounds the bytes read after a figure for "or more", and
// maxRelativeReach those read before it for the relative word that opens
// its clause ("who pitch in").
const (
	maxOpenBound     = 16
	maxRelativeReach = 48
)

// beforeRange returns the words before a figure, text ending right
// before it, without the lower end when the figure is the upper end of a
// range: "income of $50,000 –" and "ranging from $300 to" give "income of"
// and "ranging from"; the lower end's unit goes with it ("from 5 percent
// to" gives "from").
func beforeRange(before string) string {
	for _, sep := range []string{"–", "-", "—", " to", " and"} {
		rest, ok := strings.CutSuffix(before, sep)
		if !ok {
			continue
		}
		rest = strings.TrimRight(rest, " ")
		k := strings.LastIndexByte(rest, ' ')
		if k < 0 {
			return before
		}
		if !strings.ContainsAny(rest[k:], "0123456789") {
			// A unit after the lower end: step over it to the number.
			j := strings.LastIndexByte(strings.TrimRight(rest[:k], " "), ' ')
			if j < 0 || !strings.ContainsAny(rest[j:k], "0123456789") {
				return before // no lower end: "the minimum wage to"
			}
			k = j
		}
		return strings.TrimRight(rest[:k], " ")
	}
	return before
}

// hasModal reports whether a sentence's words hold a modal verb: can,
// could, may, might, will, would or should.
func hasModal(toks []sourcing.Token) bool {
	for _, t := range toks {
		if t.Is(sourcing.ModalWord) {
			return true
		}
	}
	return false
}

// modalBefore reports whether a modal verb stands before word i in its
// clause: "it can take three months" says what may be, but a modal in
// another clause, after the length of time ("it typically takes 18 to 24
// months to get an ATO, which is the permission that would…") or before a
// clause break ("one group could not solve it, so she built two models in
// just six months"), does not make the time taken a possibility.
func (c *numberCheck) modalBefore(i int) bool {
	return c.readModals() && c.clauseModal[i] && !c.experienced(i)
}

// readModals reads the sentence's modals (findModals) once, when a figure
// first asks about them: most sentences with a figure never do. It
// returns true, to sit in a condition.
func (c *numberCheck) readModals() bool {
	if !c.modalsRead {
		c.findModals()
		c.modalsRead = true
	}
	return true
}

// findModals records where the sentence's first modal is, where the
// first one a frequency adverb follows is (firstModal, firstOften; the
// sentence's length when none) and which words have a modal before them in
// their clause (clauseModal), so that asking about a figure costs no scan
// of the words before it.
func (c *numberCheck) findModals() {
	toks, text := c.toks, c.text
	c.firstModal, c.firstOften = len(toks), len(toks)
	c.clauseModal = c.clauseModal[:0]
	seen := false // a modal in the clause so far
	for k, t := range toks {
		// A clause opens at a word of clause-break ("so", "because") or
		// after a semicolon: "She knew one group could not solve it, so
		// she built two models in just six months" is no possibility.
		if k > 0 && (strings.IndexByte(text[toks[k-1].End:t.Start], ';') >= 0 || prose.Has(sourcing.Word(text, t), prose.ClauseBreak)) {
			seen = false
		}
		c.clauseModal = append(c.clauseModal, seen)
		if !t.Is(sourcing.ModalWord) || readerAside(text, toks, k) {
			continue
		}
		if k > 0 && sourcing.Joined(toks, k-1) && modalAsNoun(sourcing.Word(text, toks[k-1])) {
			continue // "the will of millions of voters": a noun, no modal
		}
		seen = true
		c.firstModal = min(c.firstModal, k)
		for m := k + 1; c.firstOften == len(toks) && m < len(toks) && m <= k+2 && sourcing.Joined(toks, m-1); m++ {
			if prose.Has(sourcing.Word(text, toks[m]), prose.FrequencyAdverb) {
				c.firstOften = k
			}
		}
	}
}

// modalAsNoun reports whether w, the word before a modal, makes a noun of
// it: an article or a possessive ("the will of the voters", "a can of
// paint", "his will"); not "that will" or "this could", a subject.
func modalAsNoun(w string) bool { return prose.Has(w, prose.NounLead) }

// readerAside reports whether the modal at word k sits in an aside to the
// reader set off by a comma ("As you might imagine, implementing it has
// the potential to save millions", "as we can tell,"): it speaks of the
// reader's guess, not of what the sentence states.
func readerAside(text string, toks []sourcing.Token, k int) bool {
	if k < 2 || !sourcing.Joined(toks, k-2) || !sourcing.Joined(toks, k-1) || !sourcing.IsWord(text, toks[k-2], "as") {
		return false
	}
	if w := sourcing.Word(text, toks[k-1]); !toks[k-1].Is(prose.FirstPerson) && !strings.EqualFold(w, "you") && !strings.EqualFold(w, "one") {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+maxAsideWords; j++ {
		if toks[j].BreakAfter {
			return strings.HasPrefix(text[toks[j].End:], ",")
		}
	}
	return false
}

// maxAsideWords bounds the words after the modal of an aside to the
// reader: "as you can probably imagine,".
const maxAsideWords = 3

// experienced reports whether the modal before word i tells what happens
// rather than what may: a frequency adverb right after it ("rules can
// sometimes receive thousands of comments": frequency-adverb) or an upper
// bound before the figure ("it can take up to 14 months") states a range
// seen, a claim.
func (c *numberCheck) experienced(i int) bool {
	return c.upToBefore(i) || c.oftenBefore(i)
}

// upToBefore reports whether "up to" stands right before word i.
func (c *numberCheck) upToBefore(i int) bool {
	toks, text := c.toks, c.text
	return i >= 2 && sourcing.Joined(toks, i-2) && sourcing.Joined(toks, i-1) && sourcing.IsWord(text, toks[i-2], "up") && sourcing.IsWord(text, toks[i-1], "to")
}

// oftenBefore reports whether the modal before word i has a frequency
// adverb right after it ("rules can sometimes receive…"): it tells what
// happens.
func (c *numberCheck) oftenBefore(i int) bool {
	return c.firstOften+2 < i || c.firstOften+1 < i && prose.Has(sourcing.Word(c.text, c.toks[c.firstOften+1]), prose.FrequencyAdverb)
}

// modalLimit reports whether the figure of words [start, end) is a limit
// stated as what may be (modal-limit): after "up to" with a modal before
// it in its clause, a count or a measure ("a single instance can hold up
// to 12 GB", "it will retry for up to 10 consecutive failures"). A length
// of time there is a range seen ("it can take up to 14 months"), money, a
// share or a multiple is judged as ever ("winners can receive up to
// $5,000", "speeds up to ten times faster"), and a frequency adverb after
// the modal tells what happens.
func (c *numberCheck) modalLimit(start, end int) bool {
	if !c.upToBefore(start) {
		return false
	}
	toks, text := c.toks, c.text
	for k := start; k < end; k++ {
		if toks[k].Is(prose.Duration|sourcing.PercentWord|sourcing.MultiplyVerb|sourcing.Comparative) ||
			strings.ContainsAny(sourcing.Word(text, toks[k]), "%$€£¥") || sourcing.IsWord(text, toks[k], "times") {
			return false // a share, money or a multiple offered is judged as such
		}
	}
	return c.readModals() && c.clauseModal[start] && !c.oftenBefore(start)
}

// figureAt finds a figure starting at word i (or, for a range or "a team
// of 40", a little before it but not before word last). It returns the
// words [start, end) it spans.
func (c *numberCheck) figureAt(i, last int) (start, end int, ok bool) {
	toks, text := c.toks, c.text
	t := toks[i]
	digits := c.digitsMargin(i)
	switch {
	case t.Is(sourcing.MultiplyVerb):
		// "doubled", but not "doubled down" or "doubled as a shelter";
		// "a threefold increase", but not "the goal is threefold", which
		// counts parts.
		if i > 0 && sourcing.Joined(toks, i-1) && toks[i-1].Is(prose.BeVerb) && strings.HasSuffix(strings.ToLower(sourcing.Word(text, t)), "fold") {
			return 0, 0, false
		}
		if !sourcing.Joined(toks, i) || !sourcing.IsWord(text, toks[i+1], "down") && !sourcing.IsWord(text, toks[i+1], "as") {
			return i, i + 1, true
		}
		return 0, 0, false
	case t.Is(sourcing.ChangeVerb):
		if e := c.byFraction(i); e > 0 {
			return i, e, true
		}
	case t.Is(sourcing.Superlative):
		if e := c.recordSince(i); e > 0 {
			return i, e, true
		}
		return 0, 0, false
	case sourcing.IsWord(text, t, "twice"):
		if e := c.comparisonAfter(i + 1); e > 0 {
			return i, e, true
		}
		return 0, 0, false
	case digits > 0:
		return i, digits, true // "a double-digit lead", "won by single digits"
	case c.multipleWord(t):
		if e := c.magnitudeAfter(i + 1); e > 0 {
			return i, e, true // "triple the size of his crowd"
		}
		return 0, 0, false
	}
	if e := c.tookOne(i); e > 0 {
		return i, e, true // "Development took about a month": a measured result
	}
	if !mayStartQuantity(text, t) {
		return 0, 0, false
	}
	q, ok := c.quantity(i)
	if !ok || i > 0 && sourcing.Joined(toks, i-1) && sourcing.IsWord(text, toks[i-1], "per") {
		return 0, 0, false // "per 100,000": the base of a rate
	}
	switch q.kind {
	case percentQty:
		return c.percent(i, last, q.end, q.value)
	case moneyQty:
		if sourcing.Joined(toks, q.end-1) && isBanknote(text, toks[q.end]) {
			return 0, 0, false // "the new $20 bill"
		}
		return c.rangeStart(i, last), c.perTail(q.end), true
	case unitQty:
		return c.rangeStart(i, last), c.perTail(q.end), true
	case scaledQty, fractionQty:
		if q.kind == fractionQty && (c.selected(i) || c.inRow(i)) {
			return 0, 0, false // "the bottom fifth of incomes", "the third quarter of 2013"
		}
		if q.kind == fractionQty && c.durationAnd(i) {
			return 0, 0, false // "more than a year and a half of design": part of a length of time
		}
		e, _ := c.unitOrNoun(q.end)
		return i, c.perTail(e), true
	case compoundQty:
		if q.digits && c.labelled(i) || c.fixedSize(i) {
			return 0, 0, false // "Title 42-compliant", "the 28-nation bloc"
		}
		return i, q.end, true
	case suffixScaledQty:
		if e, _ := c.unitOrNoun(q.end); e > q.end {
			return i, c.perTail(e), true
		}
		if c.amountAfterOf(i, last, q) {
			return i, q.end, true // "a total reach of 369k."
		}
		return 0, 0, false
	case timesQty:
		if e := c.comparisonAfter(q.end); e > 0 {
			return i, e, true
		}
		if i > 0 && sourcing.Joined(toks, i-1) && sourcing.IsWord(text, toks[i-1], "by") {
			return i, q.end, true // "improved by 2x": a multiple
		}
		return 0, 0, false
	}
	// A plain number: what follows decides.
	e := q.end
	if sourcing.Joined(toks, e-1) {
		switch next := toks[e]; {
		case next.Is(sourcing.PercentWord) || sourcing.Word(text, next) == "%":
			return c.percent(i, last, e+1, q.value)
		case sourcing.Joined(toks, e) && (sourcing.IsWord(text, next, "per") && sourcing.IsWord(text, toks[e+1], "cent") ||
			sourcing.IsWord(text, next, "percentage") && (sourcing.IsWord(text, toks[e+1], "point") || sourcing.IsWord(text, toks[e+1], "points"))):
			return c.percent(i, last, e+2, q.value)
		}
	}
	if q.digits && c.labelled(i) {
		return 0, 0, false // Section 508, iOS 17, March 3
	}
	if sourcing.Joined(toks, e-1) && prose.Has(sourcing.Word(text, toks[e]), prose.StandardSuffix) {
		return 0, 0, false // "a 508 compliance review": a standard's name
	}
	// "outnumber them 4 to 1": a ratio (CLAIMS.md), however small.
	if q.kind == plainQty && q.value > 1 && !q.year && e+1 < len(toks) && sourcing.Joined(toks, e-1) && sourcing.Joined(toks, e) &&
		sourcing.IsWord(text, toks[e], "to") && sourcing.IsWord(text, toks[e+1], "1") {
		return i, e + 2, true
	}
	// "an 80-19 vote": a tally, a result however its parts compare; a
	// small one ("a 5-4 decision") describes.
	if q.pairMax >= float64(c.opts.MinCount) && sourcing.Joined(toks, e-1) && prose.Has(sourcing.Word(text, toks[e]), prose.TallyNoun) {
		return i, e + 1, true
	}
	if e := c.moreThan(q); e > 0 {
		return i, e, true // "100,000 more women than men"
	}
	if c.elidedCount(i, last, q) {
		return i, e, true // "1,051 voters in Florida and 1,077 in Pennsylvania"
	}
	if rateEnd := c.rateAfter(e, q.value); rateEnd > 0 {
		e, _ := c.unitOrNoun(rateEnd)
		return i, e, true
	}
	if sourcing.Joined(toks, e-1) && sourcing.IsWord(text, toks[e], "times") {
		if ce := c.comparisonAfter(e + 1); ce > 0 {
			return i, ce, true
		}
	}
	// "fallen for two years in a row": a streak, a record however small.
	if !q.year && sourcing.Joined(toks, e-1) && toks[e].Is(prose.Duration) && c.streak(i, e+1) {
		return c.rangeStart(i, last), e + 1, true
	}
	if !q.year && sourcing.Joined(toks, e-1) && toks[e].Is(prose.Duration) && !c.ago(e) &&
		(c.tookBefore(i, sourcing.Word(text, toks[e])) || c.onlyIn(i) || c.doneIn(i) || c.withinOpening(i, e) || c.timeChange(i) || c.timeMeasured(i)) && !c.modalBefore(i) {
		return c.rangeStart(i, last), e + 1, true // "took under six minutes", "built it in just 60 days": a measured result
	}
	if !q.digits && c.digitsIdiom(i) {
		return i, e + 1, true // "start at six figures": an amount's size
	}
	if !q.year && q.value > 1 {
		if me := c.marginPoints(i, e); me > 0 {
			return c.rangeStart(i, last), me, true // "a four-point lead", "won by five points": a margin, however small
		}
	}
	if ne, unit := c.unitOrNoun(e); ne > e {
		if q.year && (c.afterDateWord(i) || ne-e > maxYearNounWords) {
			return 0, 0, false // "in 2020 people moved"; "1982 FEC staff scanning compliance forms", a caption's date
		}
		if unit && q.value != 1 && toks[ne-1].Is(sourcing.SingularUnit) {
			return 0, 0, false // "a 5 mile walk", "360 degree video"
		}
		if !unit && !q.year && q.value > 1 {
			if oe := c.outOfAfter(ne); oe > 0 {
				return c.rangeStart(i, last), oe, true // "48 tasks out of 93": a share, however small
			}
		}
		tail := c.perTail(ne)
		if unit || tail > ne || q.value >= float64(c.opts.MinCount) || c.streak(i, ne) || prose.Has(sourcing.Word(text, toks[ne-1]), prose.NewsCount) ||
			q.value >= minRatio && sourcing.IsWord(text, toks[ne-1], "times") || // "10 times": a multiple or how often, not things counted
			q.value+1 >= float64(c.opts.MinCount) && c.over(i) {
			return c.rangeStart(i, last), tail, true
		}
		if !unit && !q.year && ne > e+1 && prose.Has(sourcing.Word(text, toks[e]), prose.NewsCount) {
			return c.rangeStart(i, last), e + 1, true // "won six Oscars and fans…": the event, not the noun a conjunction reached
		}
		if !unit && !q.year && c.harmAgent(i) {
			return c.rangeStart(i, last), tail, true // "shot at 41 times by four officers": who did the harm is news
		}
		if !unit && !q.year && ne < len(toks) {
			if k := c.newsEvent(ne, true); k > 0 {
				return c.rangeStart(i, last), k, true // "three people killed", "two officers were shot", "three people have died": the event makes the count news
			}
		}
		if !q.year && q.value > 1 && i == 0 && (ne == len(toks) && c.wholeBlock() || c.statRun()) {
			return i, ne, true // a line of statistics: "6 RHoKs", "4 block parties", "10 events in Knight Foundation communities"
		}
		if !unit && !q.year && (c.listedAfter(i, last) || c.listedWithin(i, last, tail)) {
			return c.rangeStart(i, last), tail, true // "… 11 GSA departments, and 5 other business lines"
		}
		return 0, 0, false
	}
	// "29 New Yorkers", "14 Catholics": a count of people named by a
	// capitalised plural, above the smallest count.
	if ne := c.capitalPlural(e); ne > e && !q.year && q.value >= float64(c.opts.MinCount) && !c.ownedName(i, ne) {
		return c.rangeStart(i, last), ne, true
	}
	// "three killed", "two dead": a count of an event, news however small.
	if !q.year && e < len(toks) {
		if k := c.newsEvent(e, false); k > 0 {
			return c.rangeStart(i, last), k, true // "three killed", "Eleven were killed"
		}
	}
	// "137 of the 138 seats": a part of a counted whole. "One of 20
	// languages" is the whole's figure alone, and "two of the four
	// principles" describes.
	if pe, whole := c.partOf(e); pe > 0 && q.value > 1 && max(q.value, whole) >= min(float64(c.opts.MinCount), minRatio) {
		return c.rangeStart(i, last), pe, true
	}
	// "86 of them", "only 16 of those": a count of things the sentence
	// named before.
	if !q.year && q.value >= float64(c.opts.MinCount) && sourcing.Joined(toks, e-1) && e+1 < len(toks) &&
		sourcing.IsWord(text, toks[e], "of") && sourcing.Joined(toks, e) && prose.Has(sourcing.Word(text, toks[e+1]), prose.PartitivePronoun) {
		return c.rangeStart(i, last), e + 2, true
	}
	// "Of those 102, 86 provide…": the whole a sentence opens with, its
	// noun given before, set off by a comma.
	if !q.year && q.value >= float64(c.opts.MinCount) && i == 2 && e < len(toks) && toks[e-1].BreakAfter && strings.HasPrefix(text[toks[e-1].End:], ",") &&
		sourcing.IsWord(text, toks[0], "of") && (sourcing.IsWord(text, toks[1], "those") || sourcing.IsWord(text, toks[1], "these") ||
		sourcing.IsWord(text, toks[1], "that") || sourcing.IsWord(text, toks[1], "the")) {
		return i, e, true
	}
	// "numbered approximately 800 at launch": an amount whose noun the
	// sentence gave before it.
	if !q.year && q.value > float64(c.opts.MinCount) && i > last && sourcing.Joined(toks, i-1) &&
		prose.Has(sourcing.Word(text, toks[i-1]), prose.Approximator) && c.bare(e) {
		return i, e, true
	}
	if q.value >= minAmountAfterOf && c.amountAfterOf(i, last, q) {
		return i, e, true // "a total reach of 369,000."
	}
	// "raised the death toll to 267.", "the number of injured stands at
	// 387.": the value of a count named before it in its clause.
	if !q.year && q.value >= float64(c.opts.MinCount) && i > last+1 && c.bare(e) && sourcing.Joined(toks, i-1) &&
		(sourcing.IsWord(text, toks[i-1], "to") || sourcing.IsWord(text, toks[i-1], "at")) && c.countSubjectBefore(i-1) {
		return i, e, true
	}
	// "Number of people on government websites: 41,865": the value of a
	// count that labels its line, after the line's first colon.
	if !q.year && q.digits && c.bare(e) && c.countLabelled(i) {
		return i, e, true
	}
	// "Downloads topped 100,000 in the first month": a level a verb of
	// reaching reports (level-verb), its noun given before.
	if g := c.beforeApproximation(i); !q.year && q.value >= float64(c.opts.MinCount) && g > last && sourcing.Joined(toks, g-1) && c.bare(e) {
		if sourcing.IsWord(text, toks[g-1], "at") && g-1 > last && sourcing.Joined(toks, g-2) {
			g-- // "the Dow closed at 35,000", "stood at 4,200"
		}
		if prose.Has(sourcing.Word(text, toks[g-1]), prose.LevelVerb) {
			return i, e, true
		}
	}
	// "killing 15.", "killing more than 10,000.": the object of a verb,
	// ending its clause.
	if g := c.beforeApproximation(i); !q.year && q.value > float64(c.opts.MinCount) && g > last && sourcing.Joined(toks, g-1) &&
		!sourcing.Joined(toks, e-1) && isGerund(sourcing.Word(text, toks[g-1])) {
		return i, e, true
	}
	// "Sanders has at least 158.", "Kasich has 129 and Rubio…", "leads
	// the race for delegates, with 568.": a count held (held-verb) whose
	// noun the text gave before, ending its clause.
	if g := c.heldBefore(i); !q.year && q.value >= float64(c.opts.MinCount) && g > last && (c.clauseEndsAt(e) || c.withPredicate(g, e)) &&
		prose.Has(sourcing.Word(text, toks[g-1]), prose.HeldVerb) {
		return i, e, true
	}
	// "a team of 40", "the crowd of about 2,600"
	of := i - 1
	if of > 0 && sourcing.Joined(toks, of) && prose.Has(sourcing.Word(text, toks[of]), prose.Approximator) {
		of--
	}
	if q.value >= float64(c.opts.MinCount) && !q.year && of-1 >= last && sourcing.Joined(toks, of-1) && sourcing.Joined(toks, of) &&
		toks[of-1].Is(sourcing.GroupNoun) && sourcing.IsWord(text, toks[of], "of") &&
		(of-1 == 0 || text[toks[of-1].Start] < 'A' || text[toks[of-1].Start] > 'Z') { // not a name: "the Group of 20"
		return of - 1, e, true
	}
	// "6 RHoKs", "4 City Camps": a line of statistics whose noun is a name,
	// in the plural (not a ranking's "2 Ted Cruz."), the whole line or
	// the opening of one in a run of statistics ("4 City Camps out of 10
	// unconferences", up to the name).
	if !q.year && q.value > 1 && i == 0 && e == 1 && len(toks) > 1 && sourcing.Joined(toks, 0) &&
		sourcing.StartsUpper(sourcing.Word(text, toks[1])) && hasLower(sourcing.Word(text, toks[1])) && !toks[1].Is(sourcing.MonthName|sourcing.UnitWord) {
		if len(toks) <= maxStatLine && strings.HasSuffix(sourcing.Word(text, toks[len(toks)-1]), "s") && c.wholeBlock() {
			return i, len(toks), true
		}
		if ne := c.capitalRun(1); ne > 1 && strings.HasSuffix(sourcing.Word(text, toks[ne-1]), "s") && c.statRun() {
			if oe := c.outOfAfter(ne); oe > 0 {
				return i, oe, true // "4 City Camps out of 10 unconferences"
			}
			return i, ne, true
		}
	}
	// "dozens of real-world open-source strategy, design and code examples": a vague
	// magnitude whose noun lies beyond the words read for one.
	if toks[i].Is(sourcing.PluralCount) && sourcing.Joined(toks, e-1) && sourcing.IsWord(text, toks[e], "of") {
		if sourcing.Joined(toks, e) && toks[e+1].Is(prose.Duration) {
			return i, e + 2, true // "dedicated hundreds of hours"
		}
		return i, e + 1, true
	}
	return 0, 0, false
}

// listedAfter reports whether the count at word i ends a tally: a list
// of at least minTally counts of things, the last after "and" or "or"
// right behind the one before ("coordinate with 17 other sites, 12 other
// website managers, 11 GSA departments, and 5 other business lines"). A
// small count there is part of the tally; beside one other count ("100
// workshops and two design-a-thons") it still describes.
func (c *numberCheck) listedAfter(i, last int) bool {
	toks, text := c.toks, c.text
	if c.run+1 < minTally || last == 0 || last != c.runEnd || i != last+1 || !sourcing.Joined(toks, i-1) ||
		!(sourcing.IsWord(text, toks[last], "and") || sourcing.IsWord(text, toks[last], "or")) {
		return false
	}
	return c.isNoun(toks[last-1])
}

// listedWithin reports whether the count at word i, whose words end
// before word e, stands inside a tally: right after a counted figure and
// a comma, with another count after its own comma or an "and" ("17 other
// sites, 6 other website managers, 4 GSA departments, and 5 other business
// lines"). Between two counts of the same list it is part of the tally, as
// the last one is (listedAfter).
func (c *numberCheck) listedWithin(i, last, e int) bool {
	toks, text := c.toks, c.text
	if c.run == 0 || last == 0 || last != c.runEnd || i != last || sourcing.Joined(toks, i-1) ||
		!strings.HasPrefix(text[toks[i-1].End:], ",") || !c.isNoun(toks[i-1]) || e >= len(toks) || !c.isNoun(toks[e-1]) {
		return false
	}
	next := e
	if sourcing.Joined(toks, e-1) {
		if !(sourcing.IsWord(text, toks[e], "and") || sourcing.IsWord(text, toks[e], "or")) {
			return false
		}
		next = e + 1
	} else if !strings.HasPrefix(text[toks[e-1].End:], ",") {
		return false
	} else if next < len(toks) && (sourcing.IsWord(text, toks[next], "and") || sourcing.IsWord(text, toks[next], "or")) {
		next++
	}
	if next >= len(toks) {
		return false
	}
	w := sourcing.Word(text, toks[next])
	return w[0] >= '0' && w[0] <= '9' || toks[next].Is(sourcing.NumberWord)
}

// minTally is the fewest counts of a list that make a tally.
const minTally = 3

// capitalPlural recognizes a capitalised plural noun of people or groups
// from word e, after at most one capitalised word ("Catholics", "New
// Yorkers", "Democrats"): a name that counts, where a lowercase plural is
// what pluralNoun reads. It returns the word after it, or 0.
func (c *numberCheck) capitalPlural(e int) int {
	toks, text := c.toks, c.text
	for j := e; j < len(toks) && j < e+2 && sourcing.Joined(toks, j-1); j++ {
		w := sourcing.Word(text, toks[j])
		if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' || toks[j].Is(sourcing.MonthName|sourcing.LabelWord|sourcing.UnitWord|prose.Duration) {
			return 0
		}
		for k := 1; k < len(w); k++ {
			if w[k] < 'a' || w[k] > 'z' {
				return 0 // "NYPD", "McCains", "Yorkers'": not a plain capitalised word
			}
		}
		if len(w) >= 4 && w[len(w)-1] == 's' && w[len(w)-2] != 's' {
			return j + 1
		}
	}
	return 0
}

// newsEvent recognizes an event whose count is news (news-count) at
// word k, right after a count or its noun: "killed", or over a passive or
// perfect auxiliary ("were killed", "have died", "had been arrested"); a
// news-participle ("shot") only after the noun (afterNoun) or an
// auxiliary. It returns the word after the event, or 0.
func (c *numberCheck) newsEvent(k int, afterNoun bool) int {
	toks, text := c.toks, c.text
	for j := k; j < len(toks) && j < k+3 && j > 0 && sourcing.Joined(toks, j-1); j++ {
		w := sourcing.Word(text, toks[j])
		switch {
		case prose.Has(w, prose.NewsCount):
			return j + 1
		case (afterNoun || j > k) && prose.Has(w, prose.NewsParticiple):
			return j + 1 // "two officers shot", "three were slain"; not "one shot at it"
		case toks[j].Is(prose.BeVerb) || prose.Has(w, prose.PerfectAux) || strings.EqualFold(w, "been"):
		default:
			return 0
		}
	}
	return 0
}

// harmAgent reports whether the count at word i follows "by" after an
// event whose count is news, a few words back in its clause (news-count,
// news-participle: "shot at 41 times by four officers", "killed by two
// gunmen"): those who did it are news however few.
func (c *numberCheck) harmAgent(i int) bool {
	toks, text := c.toks, c.text
	if i < 2 || !sourcing.Joined(toks, i-1) || !sourcing.IsWord(text, toks[i-1], "by") {
		return false
	}
	for j := i - 2; j >= 0 && j >= i-5 && sourcing.Joined(toks, j); j-- {
		if w := sourcing.Word(text, toks[j]); prose.Has(w, prose.NewsParticiple) || prose.Has(w, prose.NewsCount) {
			return true
		}
	}
	return false
}

// ownedName reports whether the count at word i and the capitalised
// words up to word ne make a name rather than count people: after a
// possessive ("Wilson's 14 Points", "my 100,000 Reports") or before "of"
// and another capital ("the 27 National Institutes of Health").
func (c *numberCheck) ownedName(i, ne int) bool {
	toks, text := c.toks, c.text
	if i > 0 && sourcing.Joined(toks, i-1) {
		w := sourcing.Word(text, toks[i-1])
		if _, ok := prose.CutPossessive(w); ok || prose.Has(w, prose.PossessiveDeterminer) || toks[i-1].Is(prose.FirstPerson) {
			return true
		}
	}
	return ne+1 < len(toks) && sourcing.Joined(toks, ne-1) && sourcing.Joined(toks, ne) && sourcing.IsWord(text, toks[ne], "of") &&
		sourcing.StartsUpper(sourcing.Word(text, toks[ne+1]))
}

// over reports whether a lower bound stands right before the count at
// word i ("over ten elements", "more than 10 people": lower-bound): the
// count is at least the one given.
func (c *numberCheck) over(i int) bool {
	toks, text := c.toks, c.text
	if i == 0 || !sourcing.Joined(toks, i-1) {
		return false
	}
	_, ok := prose.EndsWith(text[max(0, toks[i-1].Start-maxBoundWords):toks[i-1].End], prose.LowerBound)
	return ok
}

// durationAnd reports whether the fraction at word i ends a length of
// time: "a year and a half", "two hours and a quarter".
func (c *numberCheck) durationAnd(i int) bool {
	toks, text := c.toks, c.text
	j := i - 1
	if j >= 0 && (sourcing.IsWord(text, toks[j], "a") || sourcing.IsWord(text, toks[j], "an")) {
		j--
	}
	return j >= 1 && sourcing.Joined(toks, j-1) && sourcing.Joined(toks, j) && sourcing.IsWord(text, toks[j], "and") && toks[j-1].Is(prose.Duration)
}

// amountAfterOf reports whether quantity q at word i, with no noun after
// it, is an amount after "of" ending its clause or followed by a function
// word: "a total reach of 369,000.", "just shy of 200K in the first
// year", the noun given before it. A year is none ("the class of 2019").
func (c *numberCheck) amountAfterOf(i, last int, q quantity) bool {
	return q.digits && !q.year && i > last && sourcing.Joined(c.toks, i-1) && sourcing.IsWord(c.text, c.toks[i-1], "of") && c.bare(q.end)
}

// minAmountAfterOf is the smallest plain number amountAfterOf makes a
// figure: "a class of 30." may be a description, "a reach of 3,000." is a
// count.
const minAmountAfterOf = 1000

// maxBoundWords bounds the bytes of a lower bound's words before its last
// ("in excess" of "in excess of").
const maxBoundWords = 16

// minRatio is the smallest whole of a part ("eight of 10 avocados") and
// the smallest multiple ("10 times") reported: a ratio, which CLAIMS.md
// counts whatever its size, not a count of things, which it counts above
// ten (min-count).
const minRatio = 10

// maxStatLine bounds the words of a line that holds nothing but a count
// of something named ("4 City Camps").
const maxStatLine = 4

// partOf recognizes the whole after a count ending before word e: "of
// the 138 seats", "of 50 states". It returns the word after the whole's
// noun and the whole's value, or 0.
func (c *numberCheck) partOf(e int) (int, float64) {
	toks, text := c.toks, c.text
	if !sourcing.Joined(toks, e-1) || !sourcing.IsWord(text, toks[e], "of") || !sourcing.Joined(toks, e) {
		return 0, 0
	}
	k := e + 1
	if toks[k].Is(prose.Determiner) && sourcing.Joined(toks, k) {
		k++
	}
	q, ok := c.quantity(k)
	if !ok || q.kind != plainQty || q.year {
		return 0, 0
	}
	if ne, _ := c.unitOrNoun(q.end); ne > q.end {
		return c.perTail(ne), q.value
	}
	return 0, 0
}

// tookBefore reports whether a verb of taking time (duration-verb: "took",
// "spent") stands before the count at word i, whose unit is unit, over a bound, an
// approximator or the other end of a range: "took under six minutes",
// "typically takes 18 to 24 months", "spend 30 hours a month". What may
// take time ("it can take three months") is no measurement.
func (c *numberCheck) tookBefore(i int, unit string) bool {
	toks, text := c.toks, c.text
	for k := i - 1; k >= 0 && k >= i-5 && sourcing.Joined(toks, k); k-- {
		w := sourcing.Word(text, toks[k])
		if prose.Has(w, prose.DurationVerb) {
			wait := strings.EqualFold(w, "wait")
			if (strings.EqualFold(w, "spend") || strings.EqualFold(w, "take") || wait) &&
				(k == 0 || sourcing.IsWord(text, toks[k-1], "to") || wait && toks[k-1].Is(sourcing.ModalWord)) {
				// "Spend 10 minutes a day…", "plan to spend", "Take five
				// minutes", "Wait five minutes", "we will wait": advice,
				// aims and plans ("it can take up to 14 months" is a
				// measure, see below)
				return false
			}
			// Years spent are a tenure ("spent 22 years in the Army"), not
			// a measurement.
			return !strings.HasPrefix(strings.ToLower(w), "spen") || !strings.HasPrefix(strings.ToLower(unit), "year") && !strings.HasPrefix(strings.ToLower(unit), "decade")
		}
		if prose.Has(w, prose.Bound) || prose.Has(w, prose.RangeWord) || prose.Has(w, prose.Approximator) ||
			strings.EqualFold(w, "up") && sourcing.IsWord(text, toks[k+1], "to") {
			if strings.EqualFold(w, "bit") && k > 0 && sourcing.Joined(toks, k-1) && sourcing.IsWord(text, toks[k-1], "a") {
				k-- // "took a bit more than"
			}
			continue // "took under", "takes from 18 to", "lasted about", "take up to"
		}
		if strings.HasSuffix(w, "ly") && w[0] >= 'a' && w[0] <= 'z' {
			continue // "typically takes 18 months": an adverb between
		}
		if k > 0 && (toks[k].Is(prose.Pronoun|prose.FirstPerson) || w == "us" || w == "them") && prose.Has(sourcing.Word(text, toks[k-1]), prose.DurationVerb) {
			continue // "it took us eight weeks": whom it took
		}
		if q, ok := c.quantity(k); !ok || q.end != k+1 {
			return false
		}
	}
	return false
}

// tookOne recognizes one length of time written with "a" or "an" at
// word i after a verb of taking time (duration-verb), over bounds between:
// "Development took about a month", "took a bit more than an hour". It is
// a measured result, as "took six weeks" is (tookBefore). It returns the
// word after the unit, or 0. After a verb in -ing ("by taking a day to
// observe") or of spending ("spent a month in jail", a term), a break ("a
// month off") and "a second" (an ordinal, "taking a second look") it is
// none.
func (c *numberCheck) tookOne(i int) int {
	toks, text := c.toks, c.text
	if i+1 >= len(toks) || !sourcing.Joined(toks, i) || !(sourcing.IsWord(text, toks[i], "a") || sourcing.IsWord(text, toks[i], "an")) {
		return 0
	}
	unit := sourcing.Word(text, toks[i+1])
	if !isDurationWord(unit) || strings.EqualFold(unit, "second") || c.ago(i+1) || !c.tookBefore(i, unit) || c.modalBefore(i) {
		return 0 // "taking a second look": an ordinal
	}
	if sourcing.Joined(toks, i+1) && sourcing.IsWord(text, toks[i+2], "off") {
		return 0 // "after taking a month off": a break, not the work's length
	}
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if w := sourcing.Word(text, toks[k]); prose.Has(w, prose.DurationVerb) {
			if lw := strings.ToLower(w); strings.HasSuffix(lw, "ing") || strings.HasPrefix(lw, "spen") {
				return 0 // "By taking a day to observe": a choice, not a result; "spent a month in jail": a term
			}
			break
		}
	}
	if i+4 < len(toks) && sourcing.Joined(toks, i+1) && sourcing.Joined(toks, i+2) && sourcing.Joined(toks, i+3) && sourcing.IsWord(text, toks[i+2], "and") &&
		sourcing.IsWord(text, toks[i+3], "a") && sourcing.IsWord(text, toks[i+4], "half") {
		return i + 5 // "about a month and a half"
	}
	return i + 2
}

// wholeBlock reports whether the sentence being read is the whole of its
// block: a line that holds nothing but a count ("4 block parties") is a
// statistic, however small.
func (c *numberCheck) wholeBlock() bool {
	toks := c.toks
	if len(toks) == 0 {
		return false
	}
	// Only a few bytes can be left around it: a block of many sentences
	// is never trimmed whole once per sentence.
	before, after := c.text[:toks[0].Start], c.text[toks[len(toks)-1].End:]
	return len(before) <= maxLineMargin && len(after) <= maxLineMargin &&
		strings.TrimSpace(before) == "" && strings.TrimRight(strings.TrimSpace(after), ".") == ""
}

// capitalRun returns the end of the run of capitalised words from word
// k, at most maxStatLine words, unbroken: "City Camps" in "4 City Camps
// out of 10".
func (c *numberCheck) capitalRun(k int) int {
	toks := c.toks
	j := k
	for j < len(toks) && j-k < maxStatLine && sourcing.StartsUpper(sourcing.Word(c.text, toks[j])) {
		j++
		if toks[j-1].BreakAfter {
			break
		}
	}
	return j
}

// statRun reports whether the block being read is a line of a run of
// statistics: one sentence with no closing stop, beside a block that
// opens with a digit too ("82 hackathons", "10 events in Knight
// Foundation focus communities"). A count that opens such a line is what
// it reports, however small; one whose items the line goes on to list
// ("7 cities with multiple events: Austin, Chicago…", "3 agencies (DoD,
// DHS, GSA)") describes them.
func (c *numberCheck) statRun() bool {
	b := c.block
	if b == nil || len(b.Sentences) != 1 || b.Kind != lint.Paragraph {
		return false
	}
	t := strings.TrimSpace(b.Text)
	if t == "" || len(t) > maxStatRunLine || strings.ContainsAny(t, ":(") || strings.ContainsRune(".!?", rune(t[len(t)-1])) {
		return false
	}
	blocks := c.pass.Doc.Blocks
	for _, k := range [2]int{b.Index - 1, b.Index + 1} {
		if k < 0 || k >= len(blocks) || blocks[k].Kind != lint.Paragraph || len(blocks[k].Sentences) != 1 {
			continue
		}
		if n := strings.TrimLeft(blocks[k].Text, " "); n != "" && n[0] >= '0' && n[0] <= '9' {
			return true
		}
	}
	return false
}

// maxStatRunLine bounds the bytes of a line of a run of statistics.
const maxStatRunLine = 80

// maxLineMargin bounds the white space and stop around a line that is
// one sentence.
const maxLineMargin = 8

// onlyIn reports whether the length of time at word i follows "in just"
// or "within only" (result-stress): "produced two models in just six
// months" stresses a result, where "in six months" may only date it.
func (c *numberCheck) onlyIn(i int) bool {
	toks, text := c.toks, c.text
	if i < 2 || !sourcing.Joined(toks, i-2) || !sourcing.Joined(toks, i-1) {
		return false
	}
	return prose.Has(text[toks[i-2].Start:toks[i-1].End], prose.ResultStress)
}

// doneIn reports whether the length of time at word i follows "in" or
// "within" after a verb of work done a few words before (completion-verb):
// "we built the site in 60 days", "answered within four hours".
func (c *numberCheck) doneIn(i int) bool {
	toks, text := c.toks, c.text
	// "in under three months", "in less than 60 days": bounds between.
	j := i - 1
	for n := 0; n < maxBoundRun && j > 0 && sourcing.Joined(toks, j) && !isInWord(text, toks[j]); n++ {
		if w := sourcing.Word(text, toks[j]); !prose.Has(w, prose.RangeWord) && !prose.Has(w, prose.Bound) && !prose.Has(w, prose.Approximator) {
			break
		}
		j--
	}
	if j < 1 || !sourcing.Joined(toks, j) || !isInWord(text, toks[j]) {
		return false
	}
	for k := j - 1; k >= 0 && i-k <= maxDoneGap+i-j-1 && sourcing.Joined(toks, k); k-- {
		if prose.Has(sourcing.Word(text, toks[k]), prose.CompletionVerb) {
			return true
		}
		// "we were able to build an interface in 60 days": any verb after
		// words of achievement (achieved-lead) is work done; "to be able
		// to build" is still an aim.
		if k >= 2 && sourcing.Joined(toks, k-2) && sourcing.Joined(toks, k-1) && hasLower(sourcing.Word(text, toks[k])) &&
			prose.Has(text[toks[k-2].Start:toks[k-1].End], prose.AchievedLead) &&
			(k < 3 || !sourcing.IsWord(text, toks[k-3], "be")) {
			return true
		}
	}
	return false
}

// withinOpening reports whether the length of time at words [i, e) is
// how a sentence opens after "within", set off by a comma: "Within four
// hours, the team had a working prototype" reports how long the work
// took. What is due ("Within 30 days, you must apply") has a modal or a
// requirement, and "within 30 days of receipt" is no opening.
func (c *numberCheck) withinOpening(i, e int) bool {
	toks, text := c.toks, c.text
	if i != 1 || !sourcing.IsWord(text, toks[0], "within") || !toks[e].BreakAfter || e+1 >= len(toks) {
		return false
	}
	if start, _ := requirementSpan(text, toks); start >= 0 {
		return false
	}
	// A modal among the first words of the clause after the comma governs
	// its verb ("the city will double"); one further on belongs to a clause
	// of its own ("had an application that could search").
	return !hasModal(toks[e+1 : min(len(toks), e+1+maxSubjectWords)])
}

// maxSubjectWords bounds the words of a clause's subject and the modal
// after it: "Within five years, the agency will…".
const maxSubjectWords = 4

// timeChange reports whether the length of time at word i is what a verb
// of change went from, to or by: "load time went from 30 seconds to under
// 2 seconds", "the wait fell to 4 minutes", "cut processing time by 40
// minutes", "two days, down from six weeks". A measured result, where
// "tests ranged from two minutes to 10" is a range and "up to 3 days" a
// bound.
func (c *numberCheck) timeChange(i int) bool {
	toks, text := c.toks, c.text
	k := i - 1
	for n := 0; n < maxBoundRun && k > 0 && sourcing.Joined(toks, k) && !isChangeLink(text, toks[k]) &&
		(prose.Has(sourcing.Word(text, toks[k]), prose.Bound) || prose.Has(sourcing.Word(text, toks[k]), prose.Approximator)); n++ {
		k--
	}
	if k < 1 || !sourcing.Joined(toks, k) || !isChangeLink(text, toks[k]) || sourcing.IsWord(text, toks[k], "to") && sourcing.IsWord(text, toks[k-1], "up") {
		return false
	}
	return c.changedFrom(k)
}

// timeMeasured reports whether the length of time at word i is given as a
// measure (measure-word): "users spent an average of 3 minutes", "the
// median response time is 90 seconds", "visits averaged 4 minutes".
func (c *numberCheck) timeMeasured(i int) bool {
	toks, text := c.toks, c.text
	k := i - 1
	for n := 0; n < maxBoundRun && k > 0 && sourcing.Joined(toks, k) &&
		(prose.Has(sourcing.Word(text, toks[k]), prose.Bound) || prose.Has(sourcing.Word(text, toks[k]), prose.Approximator)); n++ {
		k--
	}
	if k < 0 || !sourcing.Joined(toks, k) {
		return false
	}
	w := strings.ToLower(sourcing.Word(text, toks[k]))
	if prose.Has(w, prose.MeasureWord) && strings.HasPrefix(w, "averag") {
		return true // "averaged 4 minutes"
	}
	if k == 0 || !sourcing.Joined(toks, k-1) || !(w == "of" || toks[k].Is(prose.BeVerb)) {
		return false
	}
	before := strings.ToLower(sourcing.Word(text, toks[k-1]))
	if w == "of" {
		return prose.Has(before, prose.MeasureWord) && !strings.HasPrefix(before, "time") // "an average of"
	}
	return prose.Has(before, prose.MeasureWord) // "the response time is", "the average was"
}

// ago reports whether "ago" follows the unit of time at word e: "two
// years ago" dates, it measures nothing (CLAIMS.md: chronology).
func (c *numberCheck) ago(e int) bool {
	return sourcing.Joined(c.toks, e) && sourcing.IsWord(c.text, c.toks[e+1], "ago")
}

// isChangeLink reports "from", "to" or "by": the words that tie a figure
// to a verb of change.
func isChangeLink(text string, t sourcing.Token) bool {
	return sourcing.IsWord(text, t, "from") || sourcing.IsWord(text, t, "to") || sourcing.IsWord(text, t, "by")
}

// changedFrom reports whether the "from", "to" or "by" at word k follows
// a verb of change a few words before ("fell from", "cut the wait by",
// "went from … to"): then the figure is a change, not a range ("tests
// ranged from two minutes to 10").
func (c *numberCheck) changedFrom(k int) bool {
	toks, text := c.toks, c.text
	for m := k - 1; m >= 0 && k-m <= maxDoneGap && sourcing.Joined(toks, m); m-- {
		if toks[m].Is(sourcing.ChangeVerb) || sourcing.IsWord(text, toks[m], "went") {
			return true
		}
	}
	return false
}

// isInWord reports "in" or "within", before the length of time work took.
func isInWord(text string, t sourcing.Token) bool {
	return sourcing.IsWord(text, t, "in") || sourcing.IsWord(text, t, "within")
}

// maxBoundRun bounds the words of bounds and approximators between "in"
// and a length of time ("in just under").
const maxBoundRun = 3

// maxDoneGap bounds the words between a verb of work done and the length
// of time it took ("built the new site in").
const maxDoneGap = 6

// streak reports a run of events, news however small: "six primaries in a
// row", "three straight losses", "four consecutive quarters" (the count at
// word i, its noun ending before word ne).
func (c *numberCheck) streak(i, ne int) bool {
	toks, text := c.toks, c.text
	for k := i + 1; k < ne; k++ {
		if prose.Has(sourcing.Word(text, toks[k]), prose.Streak) {
			return true
		}
	}
	// "six primaries in a row": a phrase of the streak-after class right
	// after the noun, of up to three words.
	for m := ne; m < len(toks) && m < ne+3 && sourcing.Joined(toks, m-1); m++ {
		if prose.Has(text[toks[ne].Start:toks[m].End], prose.StreakAfter) {
			return true
		}
	}
	return false
}

// beforeApproximation returns where the words that approximate the number
// at word i start (an approximator, "nearly", or a than-bound, "more
// than"), or i.
func (c *numberCheck) beforeApproximation(i int) int {
	if i == 0 || !sourcing.Joined(c.toks, i-1) {
		return i
	}
	if prose.Has(sourcing.Word(c.text, c.toks[i-1]), prose.Approximator) {
		return i - 1
	}
	if i > 1 && sourcing.Joined(c.toks, i-2) && prose.Has(c.text[c.toks[i-2].Start:c.toks[i-1].End], prose.ThanBound) {
		return i - 2 // "more than", "fewer than"
	}
	return i
}

// heldBefore is beforeApproximation, over "at least" too ("has at least
// 158"): the first word of the bound before word i.
func (c *numberCheck) heldBefore(i int) int {
	g := c.beforeApproximation(i)
	if g == i && i > 2 && sourcing.Joined(c.toks, i-1) && sourcing.Joined(c.toks, i-2) &&
		sourcing.IsWord(c.text, c.toks[i-2], "at") && sourcing.IsWord(c.text, c.toks[i-1], "least") {
		return i - 2
	}
	return g
}

// withPredicate reports whether the count after "with" at word g-1, which
// ends before word e, is the subject of what follows it, an adverb or
// "being" ("hosts 51 websites with 16 currently in development", "1,000
// words, with 1,600 being the optimal length"): a count of the noun
// named before, as one ending its clause is.
func (c *numberCheck) withPredicate(g, e int) bool {
	toks, text := c.toks, c.text
	if e >= len(toks) || !sourcing.Joined(toks, e-1) || !sourcing.IsWord(text, toks[g-1], "with") {
		return false
	}
	w := sourcing.Word(text, toks[e])
	if strings.EqualFold(w, "being") {
		return true
	}
	// An adverb before a preposition: "16 currently in development", not
	// an adjective before a noun ("with 20 likely voters").
	return len(w) > 4 && strings.HasSuffix(strings.ToLower(w), "ly") && e+1 < len(toks) && sourcing.Joined(toks, e) && toks[e+1].Is(sourcing.FunctionWord)
}

// clauseEndsAt reports whether the clause of a number ends before word e:
// a break follows the number (a comma, a stop) or a word that joins
// another clause or count ("Kasich has 129 and Rubio left", "while").
func (c *numberCheck) clauseEndsAt(e int) bool {
	if !sourcing.Joined(c.toks, e-1) {
		return true
	}
	return e < len(c.toks) && (sourcing.IsWord(c.text, c.toks[e], "and") || sourcing.IsWord(c.text, c.toks[e], "or") || sourcing.IsWord(c.text, c.toks[e], "while"))
}

// countSubjectBefore reports whether a noun of a count (count-subject)
// stands in the few words of the clause before word k: "the death toll
// from the disaster to", "the number of injured … stands at".
func (c *numberCheck) countSubjectBefore(k int) bool {
	toks, text := c.toks, c.text
	for j := k - 1; j >= 0 && k-j <= maxCountSubjectGap && !toks[j].BreakAfter; j-- {
		if prose.Has(sourcing.Word(text, toks[j]), prose.CountSubject) && j > 0 && sourcing.Joined(toks, j-1) && !toks[j-1].Is(sourcing.NumberWord) {
			return true
		}
	}
	return false
}

// maxCountSubjectGap bounds the words between a count's noun and the "to"
// or "at" before its value.
const maxCountSubjectGap = 8

// outOfAfter recognizes the whole of a share after a count and its noun
// ending before word k: "out of", perhaps "the", and a number with its
// noun or none ("48 tasks out of 93", "11 trips out of 173 million
// trips", "4 City Camps out of 10 unconferences"). It returns the word
// after the whole, or 0.
func (c *numberCheck) outOfAfter(k int) int {
	toks, text := c.toks, c.text
	if k < 1 || k+2 >= len(toks) || !sourcing.Joined(toks, k-1) || !sourcing.Joined(toks, k) || !sourcing.Joined(toks, k+1) ||
		!sourcing.IsWord(text, toks[k], "out") || !sourcing.IsWord(text, toks[k+1], "of") {
		return 0
	}
	j := k + 2
	if sourcing.IsWord(text, toks[j], "the") && j+1 < len(toks) && sourcing.Joined(toks, j) {
		j++
	}
	if !mayStartQuantity(text, toks[j]) {
		return 0
	}
	q, ok := c.quantity(j)
	if !ok || q.year || !q.digits || q.kind != plainQty && q.kind != scaledQty {
		return 0 // "three examples out of hundreds of initiatives": the scale is the claim
	}
	e, _ := c.unitOrNoun(q.end)
	return e
}

// countLabelled reports whether the number at word i comes right after
// the first colon of a sentence that opens naming a count (count-subject,
// after "Total" or not): "Number of people on government websites (as of
// 2 am): 41,865", "Total attendance: 1,200".
//
// The sentence's first colon is found once, so a sentence of many colons
// and numbers costs time linear in its length.
func (c *numberCheck) countLabelled(i int) bool {
	toks, text := c.toks, c.text
	if i < 2 {
		return false
	}
	gap := text[toks[i-1].End:toks[i].Start]
	colon := strings.IndexByte(gap, ':')
	if colon < 0 || strings.LastIndexByte(gap, ':') != colon {
		return false
	}
	first := 0
	if sourcing.IsWord(text, toks[0], "total") && sourcing.Joined(toks, 0) {
		first = 1
	}
	if !prose.Has(sourcing.Word(text, toks[first]), prose.CountSubject) {
		return false
	}
	if !c.colonRead {
		c.colonAt, c.colonRead = toks[0].Start+strings.IndexByte(text[toks[0].Start:], ':'), true
	}
	return c.colonAt == toks[i-1].End+colon
}

// isGerund reports a lowercase word in -ing: "killing", "injuring".
func isGerund(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing") && w[0] >= 'a' && w[0] <= 'z'
}

// bare reports whether the number ending before word e stands alone: the
// sentence or clause ends, or a function word follows ("800 at the time",
// "300 in all"), not a length of time or a name.
func (c *numberCheck) bare(e int) bool {
	if !sourcing.Joined(c.toks, e-1) {
		return true
	}
	next := c.toks[e]
	return next.Is(sourcing.FunctionWord) && !next.Is(prose.Duration|sourcing.MonthName)
}

// isBanknote reports words that make an amount the name of a note or coin.
func isBanknote(text string, t sourcing.Token) bool {
	return prose.Has(sourcing.Word(text, t), prose.Banknote)
}

// percent returns the figure of a percentage of value v spanning words
// [i, end); "100%" and "0%" are emphasis unless "of" follows.
func (c *numberCheck) percent(i, last, end int, v float64) (int, int, bool) {
	if (v == 100 || v == 0) && !(sourcing.Joined(c.toks, end-1) && sourcing.IsWord(c.text, c.toks[end], "of")) {
		return 0, 0, false
	}
	if c.selected(i) {
		return 0, 0, false // a selection: "the top 10% of developers"
	}
	return c.rangeStart(i, last), c.perTail(end), true
}

// selected reports whether the share or fraction at word i is a group
// chosen by rank: "the top 10% of developers", "the bottom fifth of
// incomes" (selection-word).
func (c *numberCheck) selected(i int) bool {
	return i > 0 && sourcing.Joined(c.toks, i-1) && prose.Has(sourcing.Word(c.text, c.toks[i-1]), prose.SelectionWord)
}

// inRow reports whether the fraction word at word i follows an ordinal
// (ordinal: "first", "third", "last") or a number ending like one ("3rd"):
// "the third quarter of 2013", "the first half of the year" name a part of
// a period or of a row, not a share of anything.
func (c *numberCheck) inRow(i int) bool {
	if i == 0 || !sourcing.Joined(c.toks, i-1) {
		return false
	}
	w := strings.ToLower(sourcing.Word(c.text, c.toks[i-1]))
	if prose.Has(w, prose.Ordinal) {
		return true
	}
	n := numeralLen(w)
	return n > 0 && (w[n:] == "st" || w[n:] == "nd" || w[n:] == "rd" || w[n:] == "th")
}

// fixedSize reports whether the compound at word i is the fixed size of a
// union after an article: "the 28-nation bloc", "members of a 28-nation
// bloc" (fixed-size-part).
func (c *numberCheck) fixedSize(i int) bool {
	if i == 0 || !sourcing.Joined(c.toks, i-1) || !c.toks[i-1].Is(prose.Determiner) {
		return false
	}
	w := sourcing.Word(c.text, c.toks[i])
	return prose.Has(w[strings.LastIndexByte(w, '-')+1:], prose.FixedSizePart)
}

// labelled reports whether the number at word i names something rather
// than counts it: it follows a label word ("Section", "version", "No.") or
// a capitalized word such as a name or a month ("iOS 17", "March 3").
func (c *numberCheck) labelled(i int) bool {
	if i > 0 && c.toks[i-1].Is(sourcing.MonthName) && strings.TrimSpace(c.text[c.toks[i-1].End:c.toks[i].Start]) == "." {
		return true // "Sept. 11", "Dec. 22": a date after an abbreviated month
	}
	if i == 0 || !sourcing.Joined(c.toks, i-1) {
		return false
	}
	prev := c.toks[i-1]
	if prev.Is(sourcing.LabelWord) {
		return true
	}
	if prose.Has(sourcing.Word(c.text, prev), prose.RankWord) {
		return true // a rank or a selection: "the top 10 countries"
	}
	w := sourcing.Word(c.text, prev)
	if _, ok := prose.CutPossessive(w); ok {
		return false // "Eritrea's 7,600-foot-high capital": whose, not a name
	}
	// A determiner capitalised only because it opens the sentence ("His 16
	// opponents") names nothing, nor does a verb in the past that opens it
	// ("Wrote 46 articles", "Hosted 12 events": a line of work done).
	if i == 1 && pastVerb(w, prev) {
		return false
	}
	return w[0] >= 'A' && w[0] <= 'Z' && !prev.Is(sourcing.LeadWord|prose.Determiner|prose.Definite) || w[0] >= 'a' && w[0] <= 'z' && hasUpperAfterFirst(w)
}

// pastVerb reports whether w, capitalised as a sentence's first word,
// reads as a verb in the past: a lowercase word in -ed ("Hosted",
// "Trained") or a cue or verb of reporting ("Wrote", "Published").
func pastVerb(w string, t sourcing.Token) bool {
	if len(w) < 4 || hasUpperAfterFirst(w) {
		return false
	}
	return strings.HasSuffix(w, "ed") || t.Is(prose.Cue|sourcing.ReportVerb) && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing")
}

// hasUpperAfterFirst reports names such as "iOS" and "macOS".
func hasUpperAfterFirst(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// afterDateWord reports whether the year-like number at word i follows a
// word that makes it a date: "in 2020", "since 1990", "the 2020 census".
func (c *numberCheck) afterDateWord(i int) bool {
	if i == 0 || !sourcing.Joined(c.toks, i-1) {
		return i == 0
	}
	if prose.Has(sourcing.Word(c.text, c.toks[i-1]), prose.DateLead) {
		return true
	}
	return false
}

// rangeStart moves the start of a figure at word i back over "10 to" or
// "between 10 and", but not before word last.
func (c *numberCheck) rangeStart(i, last int) int {
	toks, text := c.toks, c.text
	if i-2 < last || !sourcing.Joined(toks, i-2) || !sourcing.Joined(toks, i-1) {
		return i
	}
	link := toks[i-1]
	if !sourcing.IsWord(text, link, "to") && !(sourcing.IsWord(text, link, "and") && i >= 3 && sourcing.IsWord(text, toks[i-3], "between")) {
		return i
	}
	if q, ok := c.quantity(i - 2); ok && q.kind == plainQty && q.end == i-1 && !q.year {
		return i - 2
	}
	return i
}

// perTail extends a figure ending before word e over a rate base: "per
// capita", "per 100,000 residents", "per person", "a year".
func (c *numberCheck) perTail(e int) int {
	toks, text := c.toks, c.text
	if !sourcing.Joined(toks, e-1) || !sourcing.Joined(toks, e) {
		return e
	}
	w := toks[e]
	base := toks[e+1]
	switch {
	case sourcing.IsWord(text, w, "per"):
		if base.Is(sourcing.RateBase) || c.isUnit(base) || c.isNoun(base) {
			return e + 2
		}
		if q, ok := c.quantity(e + 1); ok && q.kind == plainQty {
			ne, _ := c.unitOrNoun(q.end)
			return ne
		}
	case sourcing.IsWord(text, w, "a") || sourcing.IsWord(text, w, "an"):
		// "$60,000 a year", but not "a year ago".
		if base.Is(sourcing.RateBase) && !(sourcing.Joined(toks, e+1) && sourcing.IsWord(text, toks[e+2], "ago")) {
			return e + 2
		}
	}
	return e
}

// unitOrNoun looks from word k for a unit or counted noun after at most
// four modifiers (maxNounWords), with an optional "of" first ("thousands
// of people", "40,000 federal employees"), a comma allowed between
// lowercase modifiers ("100 small, discrete challenges", "37 state,
// county, and city data catalogs"). A clock time is none ("10 am -
// Welcome remarks"). It returns the word after it, or k.
func (c *numberCheck) unitOrNoun(k int) (int, bool) {
	toks := c.toks
	j := k
	if j < len(toks) && sourcing.Joined(toks, j-1) && sourcing.IsWord(c.text, toks[j], "of") {
		j++
	}
	joins := 0
	plain := true // every word so far a lowercase modifier other than a length of time
	for m := 0; m < maxNounWords && j < len(toks) && (sourcing.Joined(toks, j-1) || m > 0 && (c.suspendedHyphen(j-1) || plain && c.text[toks[j-1].End:toks[j].Start] == ", ")); m++ {
		t := toks[j]
		if w := sourcing.Word(c.text, t); w[0] < 'a' || w[0] > 'z' || t.Is(prose.Duration) {
			plain = false // "30 days, Android…", "2015 HIV, STD": no list of modifiers
		}
		if m == 0 && isDurationWord(sourcing.Word(c.text, t)) {
			break // "the 30 day views": a length of time qualifies the noun
		}
		if m == 0 && (sourcing.IsWord(c.text, t, "am") || sourcing.IsWord(c.text, t, "pm")) {
			break // "10 am - Welcome remarks": a clock time
		}
		if c.isUnit(t) {
			return j + 1, true
		}
		if c.isNoun(t) {
			if w := sourcing.Word(c.text, t); !strings.HasSuffix(w, "s") && j+1 < len(toks) && sourcing.Joined(toks, j) && c.isNoun(toks[j+1]) {
				return j + 2, false // "40 police officers": a collective noun before the one it qualifies
			}
			return j + 1, false
		}
		if joins < maxJoins && c.coordinated(j, m) {
			m-- // "coal- and gas-fired": the conjunction joins two, and is none
			joins++
		} else if !c.isModifier(t) && !c.inName(j) {
			break
		}
		j++
	}
	return k, false
}

// maxNounWords bounds the words from a number to its counted noun, the
// noun included: "12 geographically dispersed and managerially distinct
// centers" (a conjunction not counted), "42 Mobile Gov User Experience
// guidelines". A number shaped like a year reaches maxYearNounWords only.
const (
	maxNounWords     = 5
	maxYearNounWords = 4
)

// maxJoins bounds the conjunctions between a number's modifiers ("state
// and local"), so that a run of them is read in a few steps.
const maxJoins = 2

// suspendedHyphen reports whether word k ends in a hyphen whose compound
// the words after it finish: "coal- and gas-fired".
func (c *numberCheck) suspendedHyphen(k int) bool {
	toks := c.toks
	if k+1 >= len(toks) || c.text[toks[k].End:toks[k+1].Start] != "- " {
		return false
	}
	return sourcing.IsWord(c.text, toks[k+1], "and") || sourcing.IsWord(c.text, toks[k+1], "or")
}

// coordinated reports whether word j, the m-th after a number, joins two
// of its modifiers: "and" or "or" after one modifier and before another
// word ("1,500 coal- and gas-fired plants", "40 state and local offices").
func (c *numberCheck) coordinated(j, m int) bool {
	toks := c.toks
	if m == 0 || j+1 >= len(toks) || !sourcing.Joined(toks, j) || !(sourcing.IsWord(c.text, toks[j], "and") || sourcing.IsWord(c.text, toks[j], "or")) {
		return false
	}
	return c.isModifier(toks[j+1])
}

// inName reports whether word j is a small word or a number inside a
// name of capitalised words, which modifies a counted noun as one word:
// "44 Code for America brigades", "58 Fortune 500 companies".
func (c *numberCheck) inName(j int) bool {
	toks := c.toks
	if j == 0 || j+1 >= len(toks) || !sourcing.Joined(toks, j-1) || !sourcing.Joined(toks, j) {
		return false
	}
	w := sourcing.Word(c.text, toks[j])
	if strings.Trim(w, "0123456789") == "" {
		return sourcing.StartsUpper(sourcing.Word(c.text, toks[j-1])) // "58 Fortune 500 companies"
	}
	if !prose.Has(w, prose.NameJoiner) {
		return false
	}
	return sourcing.StartsUpper(sourcing.Word(c.text, toks[j-1])) && sourcing.StartsUpper(sourcing.Word(c.text, toks[j+1]))
}

// isDurationWord reports whether w names a length of time, which makes a
// number before it part of a compound modifier ("30 day", "5 year").
func isDurationWord(w string) bool {
	e := sourcing.Lookup(w)
	return e.Is(prose.Duration) && !e.Is(prose.PluralDuration)
}

func (c *numberCheck) isUnit(t sourcing.Token) bool {
	return t.Is(sourcing.UnitWord) || inSet(c.opts.units, sourcing.Word(c.text, t))
}

func (c *numberCheck) isNoun(t sourcing.Token) bool {
	return t.Is(sourcing.CountNoun) || inSet(c.opts.nouns, sourcing.Word(c.text, t)) || c.pluralNoun(t) || acronymPlural(sourcing.Word(c.text, t))
}

// acronymPlural reports the plural of an acronym, capitals and a last
// "s": "36 APIs", "4,700 partner URLs" count things as "36 portals" does.
func acronymPlural(w string) bool {
	if len(w) < 3 || w[len(w)-1] != 's' {
		return false
	}
	for i := 0; i < len(w)-1; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// pluralNoun reports whether t has the shape of a plural noun that can be
// counted — lowercase letters (a hyphen allowed) ending in "s", not a
// function word, a time span or a word the lexicon knows as something
// else — so that "25 fentanyl analogues" and "14 clinics" are figures
// without a list of every noun.
func (c *numberCheck) pluralNoun(t sourcing.Token) bool {
	w := sourcing.Word(c.text, t)
	if len(w) < 3 || w[len(w)-1] != 's' || w[len(w)-2] == 's' || w[len(w)-2] == '\'' {
		return false
	}
	if len(w) <= 4 && (w[len(w)-2] == 'a' || w[len(w)-2] == 'u' || w[len(w)-2] == 'i') {
		return false // "gas", "bus", "bias": a singular in -s
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < 'a' || w[i] > 'z') && w[i] != '-' {
			return false
		}
	}
	not := sourcing.FunctionWord | sourcing.LeadWord | sourcing.ModalWord | sourcing.MonthName |
		sourcing.LabelWord | prose.Duration | sourcing.ChangeVerb | sourcing.ReportVerb | prose.Cue |
		sourcing.PercentWord | sourcing.Comparative | prose.Pronoun | prose.FirstPerson | sourcing.ScaleWord |
		sourcing.PluralScale | sourcing.PluralCount | sourcing.FractionWord | prose.BeVerb
	if t.Is(prose.StrictCue) {
		not &^= prose.Cue // "44 states": nearly always a noun
	}
	if t.Is(prose.NounCue) {
		not &^= prose.Cue | sourcing.ReportVerb // "40 comments", "12 posts": more often nouns than verbs
	}
	return !t.Is(not)
}

// isModifier reports whether a word may stand between a number and its
// noun: an adjective or a noun used as one ("federal", "COVID-related").
func (c *numberCheck) isModifier(t sourcing.Token) bool {
	if t.Is(sourcing.FunctionWord | sourcing.LeadWord | sourcing.NumberWord | sourcing.ScaleWord | sourcing.PercentWord | sourcing.ReportVerb | sourcing.ChangeVerb | sourcing.MonthName) {
		return false
	}
	w := sourcing.Word(c.text, t)
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return false
		}
	}
	return true
}

// rateAfter recognizes "1 in 5" and "three out of four" after a number
// of value first ending before word e, returning the word after the
// second number or 0. The second number is the whole, so it is not
// smaller: "two in one of the articles" is no rate.
func (c *numberCheck) rateAfter(e int, first float64) int {
	toks, text := c.toks, c.text
	if !sourcing.Joined(toks, e-1) || !sourcing.Joined(toks, e) {
		return 0
	}
	k := e + 1
	switch {
	case sourcing.IsWord(text, toks[e], "in"):
	case sourcing.IsWord(text, toks[e], "out") && sourcing.IsWord(text, toks[k], "of") && sourcing.Joined(toks, k):
		k++
	case sourcing.IsWord(text, toks[e], "of") && sourcing.IsWord(text, toks[k], "every") && sourcing.Joined(toks, k):
		k++ // "one of every nine voters"
	default:
		return 0
	}
	if q, ok := c.quantity(k); ok && (q.kind == plainQty || q.kind == scaledQty) && !q.year && q.value >= first {
		return q.end
	}
	return 0
}

// comparisonAfter recognizes what follows "three times" or "twice" in a
// comparison, from word k: "more", "higher", "as many", "as likely". It
// returns the word after it, or 0.
func (c *numberCheck) comparisonAfter(k int) int {
	toks := c.toks
	if k >= len(toks) || !sourcing.Joined(toks, k-1) {
		return 0
	}
	if toks[k].Is(sourcing.Comparative) {
		return k + 1
	}
	if e := c.magnitudeAfter(k); e > 0 {
		return e // "three times the rate of civilians"
	}
	if sourcing.IsWord(c.text, toks[k], "as") && sourcing.Joined(toks, k) {
		return k + 2
	}
	return 0
}

// multipleWord reports whether t is the adjective or noun of a multiple
// ("double", "triple", "quadruple"): its past tense is a multiply-verb.
func (c *numberCheck) multipleWord(t sourcing.Token) bool {
	// Asked of every word of a sentence with a figure: the ending is
	// tested on the text before the word is read.
	if n := t.End - t.Start; n < 5 || n > sourcing.MaxLexWord-1 || c.text[t.End-2] != 'l' || c.text[t.End-1] != 'e' {
		return false
	}
	w := sourcing.Word(c.text, t)
	var buf [sourcing.MaxLexWord]byte
	n := copy(buf[:], w)
	buf[n] = 'd'
	return sourcing.Lookup(string(buf[:n+1])).Is(sourcing.MultiplyVerb)
}

// magnitudeAfter recognizes "the rate", "the size" from word k, a measure
// a multiple or a fraction compares with (magnitude-noun), and returns the
// word after it, or 0.
func (c *numberCheck) magnitudeAfter(k int) int {
	toks, text := c.toks, c.text
	if k+1 >= len(toks) || !sourcing.Joined(toks, k-1) || !sourcing.Joined(toks, k) {
		return 0
	}
	next := sourcing.Word(text, toks[k+1])
	switch {
	case sourcing.IsWord(text, toks[k], "the") && prose.Has(next, prose.MagnitudeNoun):
		return k + 2
	case sourcing.IsWord(text, toks[k], "that") && (prose.Has(next, prose.MagnitudeNoun) || strings.EqualFold(next, "much") || strings.EqualFold(next, "many")):
		return k + 2 // "half that much", "twice that many": a multiple of the figure before
	}
	return 0
}

// byFraction recognizes "fell by half", "cut in half" and "dropped by a
// third" from the verb at word i, returning the word after it or 0.
func (c *numberCheck) byFraction(i int) int {
	toks, text := c.toks, c.text
	if !sourcing.Joined(toks, i) || !sourcing.Joined(toks, i+1) {
		return 0
	}
	if !sourcing.IsWord(text, toks[i+1], "by") && !sourcing.IsWord(text, toks[i+1], "in") {
		return 0
	}
	k := i + 2
	if sourcing.IsWord(text, toks[k], "half") {
		return k + 1
	}
	if (sourcing.IsWord(text, toks[k], "a") || sourcing.IsWord(text, toks[k], "one")) && sourcing.Joined(toks, k) && toks[k+1].Is(sourcing.FractionWord) {
		return k + 2
	}
	return 0
}

// recordSince recognizes "the highest since 1990", "lowest level since the
// 1990s" and "largest on record" from the superlative at word i.
func (c *numberCheck) recordSince(i int) int {
	toks, text := c.toks, c.text
	j := i + 1
	for m := 0; m < 3 && j+1 < len(toks) && sourcing.Joined(toks, j-1) && sourcing.Joined(toks, j); m++ {
		t := toks[j]
		switch {
		case sourcing.IsWord(text, t, "since"):
			k := j + 1
			if sourcing.IsWord(text, toks[k], "the") && sourcing.Joined(toks, k) {
				k++
			}
			if w := sourcing.Word(text, toks[k]); sourcing.IsYear(strings.TrimSuffix(w, "s")) {
				return k + 1
			}
			return 0
		case sourcing.IsWord(text, t, "on") && sourcing.IsWord(text, toks[j+1], "record"):
			return j + 2
		case sourcing.IsWord(text, t, "in"):
			// "the lowest in five decades", "the biggest boom in the last
			// 50 years", "the highest in about 30 years": a record over a
			// length of time.
			k := j + 1
			if k+2 < len(toks) && sourcing.IsWord(text, toks[k], "the") && (sourcing.IsWord(text, toks[k+1], "last") || sourcing.IsWord(text, toks[k+1], "past")) &&
				sourcing.Joined(toks, k) && sourcing.Joined(toks, k+1) {
				k += 2
			}
			if k+1 < len(toks) && prose.Has(sourcing.Word(text, toks[k]), prose.Approximator) && sourcing.Joined(toks, k) {
				k++ // "about", "nearly"
			}
			if q, ok := c.quantity(k); ok && q.kind == plainQty && !q.year && q.end < len(toks) && sourcing.Joined(toks, q.end-1) && toks[q.end].Is(prose.PluralDuration) {
				return q.end + 1
			}
			return 0
		case !c.isModifier(t):
			return 0
		}
		j++
	}
	return 0
}

// quantityKind says how a number is written.
type quantityKind int

const (
	plainQty        quantityKind = iota // 300, three, a hundred
	percentQty                          // 45%
	moneyQty                            // $4.2 billion, €300, USD 5 million
	scaledQty                           // three million, a dozen, tens of thousands
	suffixScaledQty                     // 50k, 1.5M: a figure only with a noun
	fractionQty                         // two-thirds, one-half
	compoundQty                         // an 80-member council, a 12-point lead
	timesQty                            // 3x
	unitQty                             // 128kg, half a kilo
)

// quantity is a number starting at a word.
type quantity struct {
	end    int // the word after it
	value  float64
	kind   quantityKind
	digits bool // written in digits
	year   bool // four plain digits that may be a year
	// pairMax is the larger of the two numbers of a pair written with a
	// dash ("80-19"), or 0.
	pairMax float64
}

// mayStartQuantity is a cheap test that rules out most words before
// quantity parses them: a number starts with a digit, a currency sign, a
// number word, "a" or "an", "half", or is hyphenated ("twenty-five").
func mayStartQuantity(text string, t sourcing.Token) bool {
	w := sourcing.Word(text, t)
	switch c := w[0]; {
	case c >= '0' && c <= '9', c == '$', c >= utf8.RuneSelf:
		return true
	case t.Is(sourcing.NumberWord | sourcing.PluralScale | sourcing.PluralCount | sourcing.FractionWord):
		return true
	case len(w) <= 2:
		return w == "a" || w == "an" || w == "A" || w == "An"
	case prose.Has(w, prose.VagueNumber) || prose.Has(w, prose.VagueShare): // "several hundred", "the majority of"
		return true
	}
	return t.Joiner || isCurrencyCode(w)
}

// quantity parses the number starting at word i, if any.
func (c *numberCheck) quantity(i int) (quantity, bool) {
	toks, text := c.toks, c.text
	t := toks[i]
	w := sourcing.Word(text, t)
	if rest, ok := cutCurrency(w); ok {
		return c.money(i, rest)
	}
	if isCurrencyCode(w) && sourcing.Joined(toks, i) {
		if next := sourcing.Word(text, toks[i+1]); numeralLen(next) == len(next) {
			return c.money(i+1, next)
		}
	}
	if w[0] >= '0' && w[0] <= '9' {
		return c.digitQuantity(i, w)
	}
	return c.wordQuantity(i, w)
}

// money parses the amount rest of word i, after its currency sign.
func (c *numberCheck) money(i int, rest string) (quantity, bool) {
	v, n, _, _ := parseNumeral(rest)
	if n == 0 {
		return quantity{}, false
	}
	switch suffix := rest[n:]; suffix {
	case "", "+":
	default:
		if r, ok := cutDash(suffix); ok {
			suffix, _, _ = strings.Cut(r, "-") // "$400-million-a-year": the scale in the compound
		}
		if scaleSuffix(suffix) == 0 && !sourcing.Lookup(suffix).Is(sourcing.ScaleWord) {
			return quantity{}, false // "$64.8million" is money, "$5.x" is not
		}
	}
	q := quantity{end: i + 1, value: v, kind: moneyQty}
	if sourcing.Joined(c.toks, i) && c.toks[i+1].Is(sourcing.ScaleWord) {
		q.end++
	}
	return q, true
}

// cutCurrency strips a currency sign from the start of a word: "$", "US$",
// "€", "£", "¥", "₹".
func cutCurrency(w string) (string, bool) {
	for _, sign := range []string{"$", "€", "£", "¥", "₹", "US$", "C$", "A$", "NZ$", "HK$", "R$"} {
		if rest, ok := strings.CutPrefix(w, sign); ok && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return rest, true
		}
	}
	return "", false
}

func isCurrencyCode(w string) bool {
	switch w {
	case "USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "CNY", "INR":
		return true
	}
	return false
}

// scaleSuffix returns the multiplier of an abbreviated scale ("m", "bn",
// "k"), or 0.
func scaleSuffix(s string) float64 {
	switch s {
	case "k", "K":
		return 1e3
	case "m", "M", "mn":
		return 1e6
	case "bn", "b", "B":
		return 1e9
	case "tn":
		return 1e12
	}
	return 0
}

// digitQuantity parses a word that starts with a digit.
func (c *numberCheck) digitQuantity(i int, w string) (quantity, bool) {
	v, n, grouped, decimal := parseNumeral(w)
	q := quantity{end: i + 1, value: v, digits: true}
	rest := w[n:]
	if r, ok := cutDash(rest); ok && strings.EqualFold(r, "plus") {
		rest = "+" // "90-plus minutes" is "90+ minutes": the noun after it decides
	}
	if r, ok := strings.CutPrefix(rest, "%"); ok {
		// "42%-49%": a range of two percentages.
		if r, ok := cutDash(r); ok {
			if v2, n2, _, _ := parseNumeral(r); n2 > 0 && r[n2:] == "%" {
				return quantity{end: i + 1, value: v2, digits: true, kind: percentQty}, true
			}
		}
	}
	if r, ok := cutDash(rest); ok {
		// A range, "10-15%"; more parts make a phone number or an ISBN.
		v2, n2, _, _ := parseNumeral(r)
		if one, ok := strings.CutPrefix(r, "to-"); ok && one == "1" && v > 1 {
			return quantity{end: i + 1, value: v, digits: true, kind: compoundQty}, true // "a 2-to-1 margin": a ratio
		}
		if n2 == 0 {
			// A compound: "an 80-member council", "a 12-point lead", "a
			// 6,000-person agency" are counts and measures; "a 45-minute
			// talk" and "a 5-year plan" describe, as does any small one
			// and a format's size ("64-bit architectures", "a
			// 256-character field": format-size).
			word, _, _ := strings.Cut(r, "-") // "7,600-foot-high"
			e := sourcing.Lookup(word)
			if strings.EqualFold(r, "fold") {
				return quantity{end: i + 1, value: v, digits: true, kind: compoundQty}, true // "grew 3-fold": a multiple, however small
			}
			if e.Is(prose.Duration) && r == word && sourcing.Joined(c.toks, i) && prose.Has(sourcing.Word(c.text, c.toks[i+1]), prose.RecordNoun) {
				// "a 19-month streak", "a 52-week high": a record.
				return quantity{end: i + 2, value: v, digits: true, kind: compoundQty}, true
			}
			if word == "" || e.Is(prose.Duration) || e.Is(sourcing.FunctionWord) && r == word || !allLetters(word) || namedAfter(word) ||
				v < float64(c.opts.MinCount) && word != "point" || prose.Has(word, prose.StandardSuffix) || prose.Has(word, prose.FormatSize) {
				return quantity{}, false // also "18-to 54-year-olds", an age range cut at its hyphen
			}
			return quantity{end: i + 1, value: v, digits: true, kind: compoundQty}, true
		}
		q.value, q.pairMax, rest = v2, max(v, v2), r[n2:]
		if _, more := cutDash(rest); more {
			return quantity{}, false
		}
	} else {
		q.year = !grouped && !decimal && rest == "" && sourcing.IsYear(w[:n])
	}
	switch {
	case rest == "" || rest == "+":
		q.kind = plainQty
		if sourcing.Joined(c.toks, i) {
			if next := c.toks[i+1]; next.Is(sourcing.ScaleWord) {
				q.kind, q.end, q.year = scaledQty, i+2, false
			}
		}
	case rest == "%" || rest == "+%":
		q.kind = percentQty
	case rest == "x" || rest == "X" || rest == "×":
		q.kind = timesQty
	case scaleSuffix(rest) > 0:
		q.kind = suffixScaledQty
	case len(rest) <= 3 && sourcing.Lookup(rest).Is(sourcing.UnitWord):
		q.kind = unitQty // 128kg, 60mph
	case rest == "s" && roundPlural(w) && sourcing.Joined(c.toks, i) && sourcing.IsWord(c.text, c.toks[i+1], "of"):
		q.kind = scaledQty // "100s of pages": hundreds of them, a vague magnitude
	default:
		return quantity{}, false // 21st, 1990s, COVID-19's, 9/11, 401(k), 3.2.1
	}
	return q, true
}

// namedAfter reports a capitalised word with lowercase letters after it,
// a name a dash ties to a number rather than a compound's noun: "15-Karen
// Trebon" signs a line that ends in "15".
func namedAfter(word string) bool {
	return len(word) > 1 && word[0] >= 'A' && word[0] <= 'Z' && word[1] >= 'a' && word[1] <= 'z'
}

// roundPlural reports a power of ten from 100 written as a plural:
// "100s", "1000s", "1,000s" (not "1990s", a decade).
func roundPlural(w string) bool {
	d, ok := strings.CutSuffix(strings.ReplaceAll(w, ",", ""), "s")
	if !ok || len(d) < 3 || d[0] != '1' {
		return false
	}
	return strings.Trim(d[1:], "0") == ""
}

// cutDash strips a hyphen or en dash from the start of s.
func cutDash(s string) (string, bool) {
	if r, ok := strings.CutPrefix(s, "-"); ok {
		return r, true
	}
	return strings.CutPrefix(s, "–")
}

// approximated reports whether the words before word i make it an
// amount however it goes on: an approximator ("almost half") or "more
// than" ("more than half the agencies"), as beforeApproximation reads
// them.
func (c *numberCheck) approximated(i int) bool {
	if i == 0 || !sourcing.Joined(c.toks, i-1) {
		return false
	}
	if rest := strings.TrimLeft(c.text[c.toks[i].End:], " "); strings.HasPrefix(rest, "(") ||
		sourcing.Joined(c.toks, i) && (sourcing.IsWord(c.text, c.toks[i+1], "a") || sourcing.IsWord(c.text, c.toks[i+1], "an")) {
		return false // "nearly half (48%)": the figure in brackets; "more than half a dozen": a scale
	}
	return c.beforeApproximation(i) < i
}

// elidedCount reports whether the plain number q at word i counts the
// things the count just before it counted, its noun left out after "and"
// and before a preposition: "1,051 registered voters in Florida and 1,077
// in Pennsylvania", "1,200 patients in May and 1,400 in June". The count
// before ended at word last, at most maxElidedGap words before "and";
// the number is in digits, not a year, and of min-count or more.
func (c *numberCheck) elidedCount(i, last int, q quantity) bool {
	toks, text := c.toks, c.text
	if q.kind != plainQty || !q.digits || q.year || q.value < float64(c.opts.MinCount) || last < 1 || i-1 <= last || i-1-last > maxElidedGap ||
		q.end >= len(toks) || !sourcing.Joined(toks, i-1) || !sourcing.IsWord(text, toks[i-1], "and") || !sourcing.Joined(toks, q.end-1) {
		return false
	}
	if !prose.Has(sourcing.Word(text, toks[q.end]), prose.ElidedPreposition) {
		return false
	}
	noun := sourcing.Word(text, toks[last-1]) // the noun of the count before
	return noun[0] >= 'a' && noun[0] <= 'z' && !toks[last-1].Is(sourcing.PercentWord|sourcing.UnitWord|prose.Duration)
}

// moreThan returns the end of a count compared by "more" or "fewer" and
// "than" a few words on ("100,000 more African American women than men",
// "2,000 fewer jobs than in May"): the words before "than", or 0. The
// count is a plain number of min-count or more, not a year.
func (c *numberCheck) moreThan(q quantity) int {
	toks, text := c.toks, c.text
	e := q.end
	if q.kind != plainQty || q.year || q.value < float64(c.opts.MinCount) || e+2 >= len(toks) || !sourcing.Joined(toks, e-1) ||
		!sourcing.IsWord(text, toks[e], "more") && !sourcing.IsWord(text, toks[e], "fewer") {
		return 0
	}
	for j := e + 2; j < len(toks) && j <= e+1+maxComparedWords; j++ {
		if !sourcing.Joined(toks, j-1) {
			return 0
		}
		if sourcing.IsWord(text, toks[j], "than") {
			return j
		}
	}
	return 0
}

// maxComparedWords bounds the words between "more" and "than" after a
// count: "more African American women of voting age than".
const maxComparedWords = 6

// maxElidedGap bounds the words between a count and the "and" before a
// count that leaves its noun out: "in the state of Florida".
const maxElidedGap = 5

// shareSpeaks reports whether the fraction at word i is the subject of a
// verb of saying or believing right after it, a poll's answer: "half said
// so", "a third say", "half believe". Not a part picked by a word before
// it ("the other half said", "the second half showed").
func (c *numberCheck) shareSpeaks(i int) bool {
	toks := c.toks
	if i+1 >= len(toks) || !sourcing.Joined(toks, i) || !toks[i+1].Is(prose.Cue|prose.BeliefCue) || toks[i+1].Is(prose.NounCue|prose.StrictCue) {
		return false
	}
	if c.text[toks[i+1].Start] < 'a' || c.text[toks[i+1].Start] > 'z' {
		return false
	}
	if j := i - 1; j >= 0 && sourcing.Joined(toks, j) && !sourcing.IsWord(c.text, toks[i], "third") && !sourcing.IsWord(c.text, toks[i], "quarter") {
		w := sourcing.Word(c.text, toks[j])
		return !toks[j].Is(prose.Determiner) && !strings.EqualFold(w, "other") && !strings.HasSuffix(strings.ToLower(w), "st") && !strings.HasSuffix(strings.ToLower(w), "nd")
	}
	return true
}

// wordQuantity parses a number written in words: "three", "twenty-five",
// "a hundred", "three million", "two-thirds", "tens of thousands", "half
// a kilo".
func (c *numberCheck) wordQuantity(i int, w string) (quantity, bool) {
	toks, text := c.toks, c.text
	t := toks[i]
	q := quantity{end: i + 1}
	switch {
	case (sourcing.IsWord(text, t, "a") || sourcing.IsWord(text, t, "an")) && sourcing.Joined(toks, i) && toks[i+1].Is(sourcing.ScaleWord|sourcing.HundredWord):
		if i > 0 && sourcing.Joined(toks, i-1) && sourcing.IsWord(text, toks[i-1], "half") {
			return quantity{}, false // "half a dozen": read from "half"
		}
		q.value = 1
	case t.Is(sourcing.NumberWord):
		q.value = t.Value
	case strings.IndexByte(w, '-') > 0:
		a, b, _ := strings.Cut(w, "-")
		la, lb := sourcing.Lookup(a), sourcing.Lookup(b)
		switch {
		case la.Is(sourcing.NumberWord) && lb.Is(sourcing.NumberWord) && la.Value >= 20 && lb.Value < 10:
			q.value = la.Value + lb.Value
		case la.Is(sourcing.NumberWord) && lb.Is(sourcing.FractionWord):
			return quantity{end: i + 1, value: la.Value * lb.Value, kind: fractionQty}, true
		case la.Is(sourcing.NumberWord) && strings.EqualFold(b, "point"):
			if la.Value < float64(c.opts.MinCount) && !(sourcing.Joined(toks, i) && prose.Has(sourcing.Word(text, toks[i+1]), prose.MarginNoun)) {
				return quantity{}, false // "a five-point plan": a small one describes, unless a margin ("a four-point lead")
			}
			return quantity{end: i + 1, value: la.Value, kind: compoundQty}, true // "a ten-point margin", as "a 12-point lead"
		default:
			return quantity{}, false
		}
	case t.Is(sourcing.PluralScale):
		return quantity{end: i + 1, value: t.Value, kind: scaledQty}, true
	case t.Is(sourcing.FractionWord) && c.magnitudeAfter(i+1) > 0:
		// "half the size of Rhode Island": a fraction of a measure
		return quantity{end: c.magnitudeAfter(i + 1), value: t.Value, kind: fractionQty}, true
	case t.Is(sourcing.FractionWord) && sourcing.Joined(toks, i) && sourcing.IsWord(text, toks[i+1], "of") && c.ordinalOf(i):
		return quantity{}, false // "the third of a series": a place in a row
	case t.Is(sourcing.FractionWord) && (sourcing.Joined(toks, i) && sourcing.IsWord(text, toks[i+1], "of") || c.approximated(i) || c.shareSpeaks(i)):
		// "half of the voters", "a third of the population", "more than
		// half the agencies", "cut costs by almost half"; "after half said
		// so", "half believe it": a share of those asked
		return quantity{end: i + 1, value: t.Value, kind: fractionQty}, true
	case (sourcing.IsWord(text, t, "a") || sourcing.IsWord(text, t, "one")) && i+1 < len(toks) && sourcing.Joined(toks, i) &&
		toks[i+1].Is(sourcing.FractionWord) && (sourcing.Joined(toks, i+1) && sourcing.IsWord(text, toks[i+2], "of") || c.shareSpeaks(i+1)):
		return quantity{end: i + 2, value: toks[i+1].Value, kind: fractionQty}, true // "a third of the city", "a third say"
	case prose.Has(w, prose.VagueShare) && sourcing.Joined(toks, i) && sourcing.IsWord(text, toks[i+1], "of"):
		// "the majority of our research": a share with no number
		return quantity{end: i + 1, value: 0.5, kind: fractionQty}, true
	case prose.Has(w, prose.VagueNumber) && sourcing.Joined(toks, i) && toks[i+1].Is(sourcing.HundredWord|sourcing.ScaleWord):
		// "several hundred fighters", "several thousand": a vague magnitude.
		return quantity{end: i + 2, value: 3 * max(toks[i+1].Value, 100), kind: scaledQty}, true
	case t.Is(sourcing.PluralCount) && c.orMore(i):
		return quantity{end: i + 1, value: t.Value, kind: scaledQty}, true // "hundreds or even thousands of rows"
	case t.Is(sourcing.PluralCount) && sourcing.Joined(toks, i) && sourcing.IsWord(text, toks[i+1], "more"):
		return quantity{end: i + 2, value: t.Value, kind: scaledQty}, true // "injured hundreds more"
	case t.Is(sourcing.PluralCount) && i+1 < len(toks) && c.newsEvent(i+1, false) > 0:
		return quantity{end: i + 1, value: t.Value, kind: scaledQty}, true // "Dozens were wounded", "hundreds died"
	case t.Is(sourcing.PluralCount) && sourcing.Joined(toks, i) && sourcing.IsWord(text, toks[i+1], "of"):
		if sourcing.Joined(toks, i+1) && toks[i+2].Is(sourcing.PluralScale) {
			return quantity{end: i + 3, value: t.Value * toks[i+2].Value, kind: scaledQty}, true
		}
		return quantity{end: i + 1, value: t.Value}, true
	case sourcing.IsWord(text, t, "half") && sourcing.Joined(toks, i) && sourcing.Joined(toks, i+1) &&
		(sourcing.IsWord(text, toks[i+1], "a") || sourcing.IsWord(text, toks[i+1], "an")):
		switch next := toks[i+2]; {
		case next.Is(sourcing.ScaleWord) && next.Value/2 < float64(c.opts.MinCount):
			// "half a dozen ideas": a small count, which its noun judges
			// like "six ideas".
			return quantity{end: i + 3, value: next.Value / 2}, true
		case next.Is(sourcing.ScaleWord):
			return quantity{end: i + 3, value: next.Value / 2, kind: scaledQty}, true
		case c.isUnit(next):
			return quantity{end: i + 3, value: 0.5, kind: unitQty}, true
		}
		return quantity{}, false
	default:
		return quantity{}, false
	}
	if sourcing.Joined(toks, q.end-1) && toks[q.end].Is(sourcing.HundredWord) {
		q.value *= 100
		q.end++
	}
	// "four and a half months", "two and a half million": the half is
	// part of the number.
	if k := q.end; q.kind == plainQty && k+2 < len(toks) && sourcing.Joined(toks, k-1) && sourcing.Joined(toks, k) && sourcing.Joined(toks, k+1) &&
		sourcing.IsWord(text, toks[k], "and") && sourcing.IsWord(text, toks[k+1], "a") && sourcing.IsWord(text, toks[k+2], "half") {
		q.value += 0.5
		q.end += 3
	}
	if sourcing.Joined(toks, q.end-1) {
		switch next := toks[q.end]; {
		case next.Is(sourcing.ScaleWord):
			q.value *= next.Value
			q.kind = scaledQty
			q.end++
		case next.Is(sourcing.FractionWord) && q.value >= 1 && q.value < 10:
			q.value *= next.Value
			q.kind = fractionQty
			q.end++
		}
	}
	return q, true
}

// orMore reports whether the plural count at word i is the first of two
// joined by "or" or "to": "hundreds or even thousands of rows", "dozens to
// hundreds of sites". Each is a vague magnitude of its own.
func (c *numberCheck) orMore(i int) bool {
	toks, text := c.toks, c.text
	if !sourcing.Joined(toks, i) || !(sourcing.IsWord(text, toks[i+1], "or") || sourcing.IsWord(text, toks[i+1], "to")) || !sourcing.Joined(toks, i+1) {
		return false
	}
	k := i + 2
	if sourcing.IsWord(text, toks[k], "even") && sourcing.Joined(toks, k) {
		k++
	}
	return toks[k].Is(sourcing.PluralCount | sourcing.PluralScale)
}

// orLess reports whether the plural count at word i is the second of two
// joined by "or" or "to", perhaps with "even": the "hundreds" of "dozens
// or even hundreds of changes", judged as the first (orMore).
func (c *numberCheck) orLess(i int) bool {
	toks, text := c.toks, c.text
	k := i - 1
	if k >= 1 && sourcing.IsWord(text, toks[k], "even") && sourcing.Joined(toks, k-1) {
		k--
	}
	if k < 1 || !sourcing.Joined(toks, k) || !sourcing.Joined(toks, k-1) || !(sourcing.IsWord(text, toks[k], "or") || sourcing.IsWord(text, toks[k], "to")) {
		return false
	}
	return toks[k-1].Is(sourcing.PluralCount | sourcing.PluralScale)
}

// ordinalOf reports whether the fraction word at word i, before "of", is
// an ordinal: after "the" and before one of a number of things ("the third
// of a series", "the second of two posts", "the fourth of five"), where "a
// third of the budget" is a share.
func (c *numberCheck) ordinalOf(i int) bool {
	toks, text := c.toks, c.text
	if i == 0 || i+2 >= len(toks) || !sourcing.Joined(toks, i-1) || !sourcing.IsWord(text, toks[i-1], "the") || !sourcing.Joined(toks, i+1) {
		return false
	}
	next := toks[i+2]
	return sourcing.IsWord(text, next, "a") || sourcing.IsWord(text, next, "an") || next.Is(sourcing.NumberWord)
}

// numeralLen returns how many bytes of w a numeral takes, or 0.
func numeralLen(w string) int {
	_, n, _, _ := parseNumeral(w)
	return n
}

// parseNumeral parses the digits starting w: "40,000", "4.2", "1990". It
// returns the value, the bytes taken, and whether the number has
// thousands separators or a decimal point. A second decimal point
// ("1.2.3") makes no numeral.
func parseNumeral(w string) (value float64, n int, grouped, decimal bool) {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		value = value*10 + float64(w[i]-'0')
		i++
	}
	if i == 0 {
		return 0, 0, false, false
	}
	for i+3 < len(w) && w[i] == ',' && allDigits(w[i+1:i+4]) && (i+4 == len(w) || w[i+4] < '0' || w[i+4] > '9') {
		for _, d := range []byte(w[i+1 : i+4]) {
			value = value*10 + float64(d-'0')
		}
		i += 4
		grouped = true
	}
	if i+1 < len(w) && w[i] == '.' && w[i+1] >= '0' && w[i+1] <= '9' {
		decimal = true
		i++
		scale := 0.1
		for i < len(w) && w[i] >= '0' && w[i] <= '9' {
			value += float64(w[i]-'0') * scale
			scale /= 10
			i++
		}
		if i+1 < len(w) && w[i] == '.' && w[i+1] >= '0' && w[i+1] <= '9' {
			return 0, 0, false, false // a version or an address
		}
	}
	return value, i, grouped, decimal
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// allLetters reports whether s is ASCII letters only.
func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}
