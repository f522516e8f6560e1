// Package unattributedquote holds the unattributed-quote rule: its
// documentation is doc.md beside it (citelint explain unattributed-quote),
// its fixtures are in testdata/.
package unattributedquote

import (
	"bytes"
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"sort"
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

// Rule (unattributed-quote) reports quotations that do not say who said or
// wrote them.
var Rule = &lint.Rule{
	ID:             "unattributed-quote",
	Summary:        ruledoc.Summary(doc),
	DocFunc:        ruledoc.Lazy(doc),
	Severity:       lint.Warning,
	Requires:       []lint.Requirement{sourcing.SourcingAnalysis},
	DefaultOptions: func() lint.Options { return DefaultOptions() },
	Run:            runUnattributedQuote,
}

// Options configures unattributed-quote.
type Options struct {
	// MinWords is the fewest words a quotation has; shorter quoted strings
	// are taken for scare quotes and terms.
	MinWords int `yaml:"min-words"`
	// SpeechVerbs are words that attribute a quotation, added to the
	// built-in ones (said, told, wrote, according to…).
	SpeechVerbs []string `yaml:"speech-verbs"`
	// TitleCues are words or phrases that, right before quoted words, mark
	// them as a title or a term rather than a quotation, added to the
	// built-in ones (titled, called, the term…).
	TitleCues []string `yaml:"title-cues"`
}

// Validate checks the options.
func (o *Options) Validate() error {
	if o.MinWords < 1 {
		return errors.New("min-words must be at least 1")
	}
	for _, v := range o.SpeechVerbs {
		if strings.TrimSpace(v) == "" || strings.ContainsFunc(v, unicode.IsSpace) {
			return fmt.Errorf("speech-verbs: %q is not a single word", v)
		}
	}
	for _, c := range o.TitleCues {
		if strings.TrimSpace(c) == "" {
			return errors.New("title-cues: empty cue")
		}
	}
	return nil
}

// quotation is one quotation: a quote in one paragraph, or an opening
// quote continued over following paragraphs.
type quotation struct {
	parts []quotePart
	// start and end locate parts in quoteCheck.parts while they are
	// collected.
	start, end int
	attributed bool
	// short marks quoted words below min-words: never reported, but they
	// carry a speaker along the paragraph ("We lost," she said. "…").
	short bool
}

// quotePart is the piece of a quotation within one block.
type quotePart struct {
	b *lint.Block
	q lint.Quote
}

func (qt *quotation) first() quotePart { return qt.parts[0] }
func (qt *quotation) last() quotePart  { return qt.parts[len(qt.parts)-1] }

// quoteCheck is one run of the rule over a document.
type quoteCheck struct {
	p       *lint.Pass
	opts    *Options
	src     []byte
	sources *sourcing.Sourcing
	// questions counts the document's question lines (see isAnswer), or
	// is -1 until needed.
	questions int
	// said caches attributionSentence by block and sentence.
	said map[[2]int]bool
	// quoteOnlyBlocks caches quoteOnly by block index: a paragraph of many
	// quotations would otherwise be read once per quotation.
	quoteOnlyBlocks map[int]bool
	// sentQuotes caches quotesOnly by block index and sentence: a
	// sentence of many quotations would otherwise be read once per
	// quotation in it.
	sentQuotes map[[2]int]bool
	// before caches blockBefore by block index and start: the space
	// between two blocks would otherwise be read once per quotation.
	before map[[2]int]*lint.Block
	// wordAfter is nextWordFrom's last answer.
	wordAfter struct {
		b          *lint.Block
		from, next int
	}
	// listIntros caches, by block index, the index of the block before
	// the list holding it (see listIntro).
	listIntros map[int]int
	// tags caches, by block index, whether the block's source holds a
	// <cite> or a <sup> tag (see blockTags): a paragraph of many quotations
	// would otherwise be searched once per quotation.
	tags map[int]blockTags
	// Buffers for quotations: parts holds the parts of every quotation in
	// order, qs the quotations and ptrs pointers to them.
	parts []quotePart
	qs    []quotation
	ptrs  []*quotation
	// titles, templates and templateFrom are blockMarkup's buffers.
	titles       []linkSpan
	templates    []*lint.Citation
	templateFrom []int
	// alt marks, by index in a block's Quotes, the quotes offered as
	// alternatives (see alternatives).
	alt []bool
}

// quoteChecks keeps quoteCheck buffers from one document to the next.
var quoteChecks = sync.Pool{New: func() any {
	return &quoteCheck{said: map[[2]int]bool{}, quoteOnlyBlocks: map[int]bool{}, sentQuotes: map[[2]int]bool{}, before: map[[2]int]*lint.Block{}, listIntros: map[int]int{}, tags: map[int]blockTags{}}
}}

func runUnattributedQuote(p *lint.Pass) {
	judge(p, p.Options.(*Options), func(q Quotation) { p.Report(q.Finding) }, false)
}

// Quotation is one quotation as the rule judges it.
type Quotation struct {
	// Start and End span it in the source, quotation marks included: a
	// blockquote that holds nothing but the quotation as a whole.
	Start, End int
	// Block is the block where it starts, Sentence the index of the
	// sentence there that holds its start.
	Block    *lint.Block
	Sentence int
	// Attributed reports that it names its speaker or source; Linked
	// that a link, footnote or <cite> attached to it does.
	Attributed, Linked bool
	// Finding is what the rule reports about an unattributed quotation.
	Finding lint.Diagnostic
}

// Judge calls fn with every quotation of the pass's document that the
// rule judges, attributed or not, in document order. Quoted titles,
// terms, labels, examples and quotations below min-words are not
// passed. The rule reports from this same judgement, so the inventory and
// the findings cannot disagree.
func Judge(p *lint.Pass, fn func(Quotation)) {
	judge(p, p.Options.(*Options), fn, true)
}

// JudgeWith is Judge with the rule's options given rather than taken from
// the pass: another rule that checks quotations (misquoted) runs this
// rule's judgement in its own pass, and so with its own options.
func JudgeWith(p *lint.Pass, opts *Options, fn func(Quotation)) {
	judge(p, opts, fn, true)
}

// DefaultOptions returns the rule's default options.
func DefaultOptions() *Options { return &Options{MinWords: 4} }

// judge hands fn the quotations the rule judges: the unattributed ones
// only, unless all.
func judge(p *lint.Pass, opts *Options, fn func(Quotation), all bool) {
	c := quoteChecks.Get().(*quoteCheck)
	defer c.release()
	c.p, c.opts, c.src, c.questions = p, opts, p.Doc.Source, -1
	c.sources = lint.ResultOf(p, sourcing.SourcingAnalysis)
	qs := c.quotations()
	if len(qs) == 0 {
		return
	}
	attributedBlocks := c.blockQuotations()
	for i, qt := range qs {
		qt.attributed = attributedBlocks[qt.first().b.Index] || c.attributed(i, qs)
	}
	continueSpeakers(qs)
	for _, qt := range qs {
		if qt.short || qt.attributed && !all {
			continue
		}
		f, l := qt.first(), qt.last()
		start, _ := f.b.SourceSpan(f.q.Start, f.q.End)
		_, end := l.b.SourceSpan(l.q.Start, l.q.End)
		if ct := c.wholeBlockquote(qt); ct != nil {
			start, end = ct.Start, ct.End
		}
		judged := Quotation{Start: start, End: end, Block: f.b, Attributed: qt.attributed}
		if len(f.b.Sentences) > 0 {
			judged.Sentence = f.b.SentenceAt(f.q.Start)
		}
		if qt.attributed {
			judged.Linked = slices.ContainsFunc(qt.parts, c.linked)
			fn(judged)
			continue
		}
		open, close := `“`, `”`
		if mark, _ := utf8.DecodeRuneInString(f.b.Text[f.q.Start:]); mark == '"' {
			open, close = `"`, `"`
		}
		judged.Finding = lint.Diagnostic{
			Start:      start,
			End:        end,
			Message:    fmt.Sprintf("quotation has no speaker or source: add who said it (%s…,%s said NAME)", open, close),
			Suggestion: "name who said or wrote it in the same sentence, introduce it with NAME:, or link its source; a quoted title or term needs no attribution",
		}
		fn(judged)
	}
}

// release clears c, so that it keeps no document alive, and returns it to
// quoteChecks.
func (c *quoteCheck) release() {
	clear(c.said)
	clear(c.quoteOnlyBlocks)
	clear(c.sentQuotes)
	clear(c.before)
	c.wordAfter.b = nil
	clear(c.listIntros)
	clear(c.tags)
	clear(c.parts)
	clear(c.qs)
	clear(c.ptrs)
	clear(c.templates)
	c.parts, c.qs, c.ptrs, c.alt = c.parts[:0], c.qs[:0], c.ptrs[:0], c.alt[:0]
	c.titles, c.templates = c.titles[:0], c.templates[:0]
	c.p, c.opts, c.src = nil, nil, nil
	quoteChecks.Put(c)
}

// wholeBlockquote returns the blockquote that holds nothing but the
// quotation, or nil: such a block quotation is reported as a whole.
func (c *quoteCheck) wholeBlockquote(qt *quotation) *lint.Container {
	f, l := qt.first(), qt.last()
	ct := f.b.Parent
	if ct == nil || ct.Kind != lint.Blockquote || ct.Blocks[0] != f.b.Index || ct.Blocks[len(ct.Blocks)-1] != l.b.Index {
		return nil
	}
	if f.q.Start != leadingSpaceLen(f.b.Text) || c.nextWordFrom(l.b, l.q.End) < len(l.b.Text) {
		return nil
	}
	return ct
}

// quotations collects the document's quotations in order, joining quotes
// continued over paragraphs and leaving out quoted titles, terms and
// labels.
func (c *quoteCheck) quotations() []*quotation {
	// An unclosed quote runs to the end of its block, so the quotation it
	// opens is the last one so far, and its parts the last in c.parts.
	open := false // whether the last quotation ends its paragraph unclosed
	for _, b := range c.p.Doc.Blocks {
		if len(b.Quotes) == 0 || b.Kind == lint.Heading || c.inCaption(b) {
			open = false
			continue
		}
		cont := open
		open = false
		if !cont && !c.mayQuote(b) {
			continue
		}
		m := c.markupIn(b)
		c.alt = alternatives(b.Text, b.Quotes, c.alt)
		lastExample := -1 // where the block's last quote ends when it was an example
		lastTitle := -1   // where it ends when it was a title or a term after a title cue
		lastFull := -1    // where the block's last quote ends when it was a full quotation
		for k, q := range b.Quotes {
			if q.Depth != 0 {
				continue
			}
			if cont {
				cont = false
				prev := c.parts[len(c.parts)-1].b
				if q.Start == leadingSpaceLen(b.Text) && prev.Index == b.Index-1 && prev.Parent == b.Parent {
					c.parts = append(c.parts, quotePart{b, q})
					c.qs[len(c.qs)-1].end++
					open = !q.Closed
					continue
				}
			}
			if c.alt[k] {
				continue // "…" or "…": wordings, neither of them a record of words said
			}
			// An example, or the next in a list of examples: such as "…" or
			// "…"; a title or a term, or the next in a list of them, joined
			// by "and" or "or": "key questions include: “…?” and “…?”".
			cueBefore := trimRightSpace(cueWindowBefore(b.Text, q.Start))
			example := exampleCue(cueBefore) || exampleSentence(b, q) || orderedLine(b, q) || questionObject(b.Text, q, cueBefore) || parenthesised(b.Text, q) || lastExample >= 0 && joinsList(b.Text[lastExample:q.Start]) ||
				lastTitle >= 0 && joinsList(b.Text[lastTitle:q.Start]) && !noWordsIn(b.Text[lastTitle:q.Start])
			lastExample, lastTitle = -1, -1
			if !example && (c.titleCue(cueBefore) || isUILabel(b.Text, q)) {
				lastTitle = listEnd(b.Text, q)
				lastFull = -1
				continue
			}
			if example {
				lastExample = listEnd(b.Text, q)
				continue
			}
			kind := c.quoteKind(b, q, m)
			if kind == shortQuotation && lastFull >= 0 && joinsList(b.Text[lastFull:q.Start]) {
				// A fragment joined to a quotation: "Bush is “like a spoiled
				// child” and “not a smart man”" quotes one speaker twice.
				if s, e := q.Inner(b.Text); quoteWords(b.Text, s, e, c.opts.MinWords) >= c.opts.MinWords {
					kind = fullQuotation
				}
			}
			lastFull = -1
			if kind == fullQuotation {
				lastFull = q.End
			}
			if kind == notQuotation {
				continue
			}
			c.qs = append(c.qs, quotation{start: len(c.parts), end: len(c.parts) + 1, short: kind == shortQuotation})
			c.parts = append(c.parts, quotePart{b, q})
			open = !q.Closed
		}
	}
	for i := range c.qs {
		qt := &c.qs[i]
		qt.parts = c.parts[qt.start:qt.end]
		// A quote never closed is more likely a stray mark than a quotation.
		if qt.last().q.Closed {
			c.ptrs = append(c.ptrs, qt)
		}
	}
	return c.ptrs
}

// maxCaptionTag bounds how far before a block its <caption> tag is looked
// for: the tag and its attributes.
const maxCaptionTag = 256

// inCaption reports whether block b is the text of an HTML table's
// <caption>: the table's title, whose quotes name what the table shows (a
// survey statement, a scale's labels), as a heading's do, rather than
// quote anyone.
func (c *quoteCheck) inCaption(b *lint.Block) bool {
	tag, ok := c.tagBefore(b.Start, " \t\r\n")
	if !ok || len(tag) < len("caption") || !bytes.EqualFold(tag[:len("caption")], []byte("caption")) {
		return false
	}
	if len(tag) == len("caption") {
		return true
	}
	next := tag[len("caption")]
	return next == '>' || next == ' ' || next == '\t' || next == '\n' || next == '\r'
}

// tagBefore returns what stands inside the HTML tag that ends right before
// source offset off, past the bytes of cutset ("caption" of "<caption>",
// `figcaption class="x"`), looking back at most maxCaptionTag bytes; ok is
// false when no tag ends there.
func (c *quoteCheck) tagBefore(off int, cutset string) (tag []byte, ok bool) {
	before := bytes.TrimRight(c.src[max(0, off-maxCaptionTag):off], cutset)
	if !bytes.HasSuffix(before, []byte(">")) {
		return nil, false
	}
	return before[bytes.LastIndexByte(before, '<')+1 : len(before)-1], true
}

// quoteKind tells a quotation from a title, a term or a label, and a full
// quotation from a short one.
type quoteKind int

const (
	notQuotation quoteKind = iota
	shortQuotation
	fullQuotation
)

// fragmentExtraWords is how many more words than min-words a fragment
// needs: a lowercase phrase quoted inside a sentence ("other duties as
// assigned") is far more often an idiom or a term than a quotation.
const fragmentExtraWords = 2

// maxPersonLookback bounds how far before a quote speaks looks for the
// third person the sentence is about.
const maxPersonLookback = 300

// speaks reports whether a short lowercase fragment reads as someone's
// words rather than a term: it is a clause that ends the sentence inside
// its marks, in a sentence about a third person ("Her husband will “be the best
// president.”", "he goes “back to war tomorrow.”"). Without that person a
// writer's sentence ending on a quoted phrase is most often an idiom or a
// term ("we cannot be “all things to all people.”", "Don't “set it and
// forget it.”"); and after a pronoun, a phrase after a determiner or
// opening with "the" is a term or a name ("losing the “developer in their
// pocket.”", "chose her for “the one job that matters.”").
// The person may be named: a capitalised word that is no sentence's
// capital (or a name the document capitalises elsewhere) and follows no
// preposition, in words before the quote with no first or second person
// and no speech cue ("Rubio was “not ready for this fight.”", "A race
// against Cruz would be “a dream come true.”"), or a role or body after
// "the" or a possessive ("the council would “continue its ongoing
// discussion”"). News writes partial
// quotations that way; a writer's own phrase speaks of "we" or "you", and
// a cue word there means the model has read the attribution or refused
// it ("Ruiz points out that …"). A fragment inside the sentence needs its
// person right before it, as a subject before its verb, and no
// determiner, which makes it a term ("a “voice of the customer” tool").
func (c *quoteCheck) speaks(b *lint.Block, q lint.Quote, s, e int) bool {
	text := b.Text
	inner := text[s:e]
	words := strings.FieldsFunc(inner, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	t := strings.TrimRight(inner, " ")
	if len(words) == 0 {
		return false
	}
	ends := strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?")
	last := quoteLastWord(trimRightSpace(text[:q.Start]))
	detBefore := prose.Lookup(last).Is(prose.Determiner)
	det := prose.Lookup(words[0]).Is(prose.Determiner) || detBefore
	// A fragment that opens with a finite auxiliary (or "not") is a verb
	// phrase, so "that" before it is a relative pronoun or a conjunction,
	// not a determiner: "the only one that “has beaten and can beat”
	// Trump".
	finite := prose.Has(strings.ReplaceAll(words[0], "’", "'"), prose.PredicateOpener)
	if finite && strings.EqualFold(last, "that") {
		detBefore = false
	}
	if !ends && detBefore {
		return false // a “voice of the customer” tool
	}
	// The person is read in the words just before the quote (at most
	// maxPersonLookback bytes), so a sentence of many quotes is read once.
	sent := b.Sentences[b.SentenceAt(q.Start)]
	from := max(sent.Start, q.Start-maxPersonLookback)
	named, own := false, false
	role, roleAt := false, -1 // a role or body after "the" or a possessive, and where
	n, person := 0, -1        // words read; the last that names the person
	about := -1               // the last noun cue after a determiner or possessive
	prev, prev2 := "", ""     // the two words before w
	span := text[from:min(q.Start, sent.End)]
	for i := 0; ; n++ {
		ws, we := quoteNextWord(span, i, len(span))
		if ws < 0 {
			break
		}
		w := span[ws:we]
		r, _ := utf8.DecodeRuneInString(w)
		if prose.Has(pronounPart(w), prose.PersonPronoun) {
			if ends && !detBefore && !strings.EqualFold(words[0], "the") {
				return true
			}
			person = n
		}
		// A capitalised cue word is part of a name: "the United States",
		// "The Washington Post". A noun cue after a possessive or a
		// determiner is the words the sentence speaks about, not their
		// attribution, which predicateAfter refuses too: "Ginsburg’s
		// comments “shows bias to me.”", "the comment by Dr. Song “was
		// inappropriate and insensitive.”" ("would not comment" is a verb).
		if prose.Lookup(w).Is(prose.FirstPerson|prose.ReaderWord) || !unicode.IsUpper(r) && prose.Lookup(w).Is(prose.Cue|prose.NounCue|prose.StrictCue) && !spokenAbout(prev, w) && !(nounReading(prev, w) && !strings.ContainsAny(span[i:ws], ",;:")) {
			own = true
		}
		if spokenAbout(prev, w) {
			about = n
		}
		// A colon ends a label or a lead-in ("Kaeli: …", "Limit
		// Privileged Users: …"): a name before it is not the subject.
		colon := strings.Contains(span[i:ws], ":")
		if colon {
			named, role, person = false, false, -1
		}
		// The sentence's first word, or the first after a colon: its
		// capital may only open the sentence. (Past maxPersonLookback no
		// word is read as the first.)
		opens := colon || n == 0 && from == sent.Start
		// A name is no preposition's object ("a staple of TTS meetings") and
		// no indefinite one ("a Veteran may have …").
		if unicode.IsUpper(r) && (!opens || c.sources.ProperName(ownerName(w))) && w != "I" &&
			!prose.Lookup(prev).Is(prose.Preposition) && !strings.EqualFold(prev, "a") && !strings.EqualFold(prev, "an") {
			named, person = true, n
		}
		// A role or a body after "the" or a possessive is someone too:
		// "the council would “…”", "The campaign will “…”"; not "a
		// staple of TTS large group meetings".
		if !unicode.IsUpper(r) && prose.Lookup(w).Is(prose.Role) &&
			(prose.Lookup(prev).Is(prose.Definite) || prose.Lookup(prev2).Is(prose.Definite) && !prose.Lookup(prev).Is(prose.Preposition)) {
			role, person, roleAt = true, n, n
		}
		prev2, prev = prev, w
		i = we
	}
	// A fragment that says "I", "we" or "our" is someone's words, whoever
	// the sentence is about, when the writer's own words before it do
	// not speak in the first person: "The absentee program is a
	// “critical part of our strategy.”", "the shooting was “an attack on
	// our country,” …" (not "we try to “do our best”"). Right after a
	// noun cue of the sentence's subject, it is what was said, a slogan
	// more often than a quotation: "The promise to “take our country
	// back” appeals to …". Inside the sentence it needs a comma after it
	// or someone before it ("The budget is, in short, “what we can
	// afford” this year" is the writer's phrase), and after a determiner
	// or a possessive it names a thing: "18F’s “we work in the open”
	// default".
	if !own && (about < 0 || n-about > maxAboutGap) && (ends || (strings.HasSuffix(t, ",") || person >= 0) && !determines(lastToken(text[:q.Start]))) && firstPersonIn(words) {
		return true
	}
	// A fragment that opens with a finite auxiliary ("is", "has",
	// "would", "can't") or "not" continues a clause begun outside its
	// marks: a statement quoted in part, whoever its subject ("caucuses
	// “are such an unknown”", "the pipeline “wouldn't go 10 feet” without
	// …", "the person would “not get beat up”"), when the writer's words
	// before it do not speak in the first person.
	if !own && finite {
		return true
	}
	// A fragment ending the sentence that is a clause of its own, a
	// subject and a finite auxiliary ("the damage is done.", "the woman
	// is a victim."), is a statement quoted, whoever the sentence is
	// about.
	if !own && ends && !detBefore && subjectClause(words) {
		return true
	}
	if ends {
		// A role, like a pronoun, is not a term's owner: "The board chose
		// her for “the one job that matters.”"
		return (named || role && !detBefore && !strings.EqualFold(words[0], "the")) && !own
	}
	// A fragment ending in a comma is most often an idiom ("DOL even “eats
	// its own dog food,” using …"), unless a name or a pronoun and an
	// auxiliary stand right before it: "he has “expanded the Republican
	// party,” …" (not a role: "The minister would “remain hopeful,” and …").
	aux := isBe(prev) || prose.Lookup(prev).Is(prose.ModalWord) || prose.Has(prev, prose.PerfectAux)
	// Inside the sentence a phrase opening with a determiner is a term,
	// unless a name or a pronoun and an auxiliary stand right before it:
	// "Curiel had “an inherent conflict of interest” in the case".
	if !ends && det && !(aux && n-person <= 2 && person != roleAt) {
		return false
	}
	return person >= 0 && n-person <= maxMidGap && !own && (!strings.HasSuffix(t, ",") || aux && n-person <= 2 && person != roleAt)
}

// nounReading reports whether w, a cue word after prev, reads as a noun
// or another verb: a word of **noun-cue** or **strict-cue**, or a
// participle in -ing that may qualify the noun before it ("a letter
// accusing the board"), speaks only
// after a name or a pronoun ("Ruiz tweets", "he notes") or as a verb
// after a modal, a negation, *to* or an auxiliary ("would not comment",
// "to note"), not after an adjective or a noun ("a flurry of late-night
// tweets", "his home state"). After a comma it may be the verb of a long
// subject ("Telling a story, instead of relying on data, answers …").
func nounReading(prev, w string) bool {
	if prev == "" || !prose.Lookup(w).Is(prose.NounCue|prose.StrictCue) && !strings.HasSuffix(strings.ToLower(w), "ing") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(prev); unicode.IsUpper(r) {
		return false
	}
	p := strings.ReplaceAll(strings.ToLower(prev), "’", "'")
	return !prose.Lookup(p).Is(prose.Pronoun|prose.ModalWord|prose.Negation) && !isBe(p) &&
		!prose.Has(p, prose.PerfectAux) && p != "to" && p != "do" && p != "does" && p != "did"
}

// subjectClause reports whether words open with a subject, a determiner
// or a pronoun and at most one word more, followed by a finite auxiliary
// (**predicate-opener**): "the damage is done", "it was over".
func subjectClause(words []string) bool {
	if len(words) < 3 || !prose.Lookup(words[0]).Is(prose.Determiner|prose.Pronoun) {
		return false
	}
	for _, w := range words[1:3] {
		if prose.Has(strings.ReplaceAll(w, "’", "'"), prose.PredicateOpener) {
			return true
		}
	}
	return false
}

// maxAboutGap bounds the words from a noun cue to a quote it owns: "the
// promise to “…”".
const maxAboutGap = 2

// lastToken returns the last run of s without spaces, possessive
// endings kept: "18F's" (quoteLastWord reads "s").
func lastToken(s string) string {
	s = trimRightSpace(s)
	return s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
}

// firstPersonIn reports whether words, a quote's, hold "I", "me", "we",
// "us", "our" or the like. "I" after a capitalised word is a numeral
// ("World War I", "Title I").
func firstPersonIn(words []string) bool {
	for i, w := range words {
		if pronounPart(w) == "I" {
			if i == 0 || w != "I" {
				return true
			}
			if r, _ := utf8.DecodeRuneInString(words[i-1]); !unicode.IsUpper(r) {
				return true
			}
			continue
		}
		if prose.Lookup(w).Is(prose.FirstPerson) || prose.Exact(w)&prose.FirstPersonExact != 0 {
			return true
		}
	}
	return false
}

// spokenAbout reports whether w, a cue word after prev, is a noun cue
// owned or determined by prev ("Trump’s comments", "the remarks"): words
// a sentence speaks about.
func spokenAbout(prev, w string) bool {
	return prose.Lookup(w).Is(prose.NounCue) && determines(prev)
}

// pronounPart returns w without a contraction: "He’s" is "He".
func pronounPart(w string) string {
	if i := strings.IndexAny(w, "'’"); i > 0 {
		return w[:i]
	}
	return w
}

// maxMidGap bounds the words from the person to a fragment inside the
// sentence: "Rubio was “liberal on military spending” and…".
const maxMidGap = 3

// isFragment reports whether the quote starts inside its sentence with a
// lowercase word.
func isFragment(text string, q lint.Quote, inner int) bool {
	r, _ := utf8.DecodeRuneInString(text[inner:])
	if !unicode.IsLower(r) {
		return false
	}
	before := trimRightSpace(text[:q.Start])
	last, _ := utf8.DecodeLastRuneInString(before)
	return before != "" && last != '.' && last != '!' && last != '?' && last != ':'
}

// mayQuote reports whether a block may hold a quotation of min-words or
// more, or one continued in the next block. A block without is skipped
// whole: nothing in it would be reported, and its quotes lend a speaker
// only to quotations in the same block.
func (c *quoteCheck) mayQuote(b *lint.Block) bool {
	long := c.opts.MinWords + fragmentExtraWords
	for _, q := range b.Quotes {
		if q.Depth != 0 {
			continue
		}
		if !q.Closed {
			return true
		}
		s, e := q.Inner(b.Text)
		if n := quoteWords(b.Text, s, e, long); n >= long || n >= c.opts.MinWords && (!isFragment(b.Text, q, s) || c.speaks(b, q, s, e)) {
			return true
		}
	}
	return false
}

// blockMarkup says which markup a block may hold, so that quoteKind looks
// for it only there.
type blockMarkup struct {
	links    bool // link markup left as text: "]("
	emphasis bool // emphasis marks in the source, "*" or "_"
	// titles are the text spans of the block's inline, reference and HTML
	// links in order of their starts, each end raised to the furthest
	// end before it: whether a link holds a quote is one search, not a
	// walk over the block's citations per quote.
	titles []linkSpan
	// templates are the block's template links in order of their starts
	// in the text, and templateFrom[i] the least source start of
	// templates[i:].
	templates    []*lint.Citation
	templateFrom []int
}

// linkSpan is a link's span in its block's text, its end raised as
// blockMarkup.titles says.
type linkSpan struct{ start, end int }

func (c *quoteCheck) markupIn(b *lint.Block) blockMarkup {
	// titledByMarkup looks one byte beyond the block's source.
	raw := c.src[max(0, b.Start-1):min(len(c.src), b.End+1)]
	m := blockMarkup{
		links:    strings.Contains(b.Text, "]("),
		emphasis: bytes.IndexByte(raw, '*') >= 0 || bytes.IndexByte(raw, '_') >= 0,
	}
	c.titles, c.templates = c.titles[:0], c.templates[:0]
	for _, ct := range b.Citations {
		switch ct.Kind {
		case lint.InlineLink, lint.ReferenceLink, lint.HTMLLink:
			c.titles = append(c.titles, linkSpan{ct.TextStart, ct.TextEnd})
		case lint.TemplateLink:
			c.templates = append(c.templates, ct)
		}
	}
	slices.SortStableFunc(c.titles, func(x, y linkSpan) int { return cmp.Compare(x.start, y.start) })
	for i := 1; i < len(c.titles); i++ {
		c.titles[i].end = max(c.titles[i].end, c.titles[i-1].end)
	}
	slices.SortStableFunc(c.templates, func(x, y *lint.Citation) int { return cmp.Compare(x.TextStart, y.TextStart) })
	c.templateFrom = slices.Grow(c.templateFrom[:0], len(c.templates))[:len(c.templates)]
	for i := len(c.templates) - 1; i >= 0; i-- {
		c.templateFrom[i] = c.templates[i].Start
		if i+1 < len(c.templates) {
			c.templateFrom[i] = min(c.templateFrom[i], c.templateFrom[i+1])
		}
	}
	m.titles, m.templates, m.templateFrom = c.titles, c.templates, c.templateFrom
	return m
}

// quoteKind says whether a quote holds a quotation rather than a title, a
// term or a label, and whether it has min-words words.
func (c *quoteCheck) quoteKind(b *lint.Block, q lint.Quote, m blockMarkup) quoteKind {
	text := b.Text
	before := trimRightSpace(cueWindowBefore(text, q.Start))
	if strings.HasSuffix(before, "=") || strings.HasSuffix(before, "}}") {
		return notQuotation // an attribute value or a link title: alt="…", {{< ref "…" >}} "…"
	}
	if m.links && (inLinkText(text, q) || strings.Contains(text[q.Start:q.End], "](")) {
		return notQuotation // link markup the parser left as text
	}
	// quotations has set aside titles after a title cue and interface
	// labels before asking.
	if m.emphasis && c.titledByMarkup(b, q) && !statement(text, q) || c.boldLabel(b, q) || c.opensCaption(b, q) {
		return notQuotation
	}
	// A link starting at or before the quote whose text reaches past it:
	// the title of a linked work.
	if k := sort.Search(len(m.titles), func(k int) bool { return m.titles[k].start > q.Start }); k > 0 && m.titles[k-1].end >= q.End {
		return notQuotation
	}
	// "[“…” webinar]({{< ref "x" >}})": the text holds only the link's
	// object, after the quote, but the link starts at its "[" in the
	// source, before it. Links do not overlap, so only one starts before
	// the quote: the search stops at a break in the text after the quote
	// (a break before one link's object is before every later one's) or
	// when no later link starts before the quote.
	if k := sort.Search(len(m.templates), func(k int) bool { return m.templates[k].TextStart >= q.End }); k < len(m.templates) {
		qs, _ := b.SourceSpan(q.Start, q.End)
		for at := q.End; k < len(m.templates) && m.templateFrom[k] <= qs; k++ {
			ct := m.templates[k]
			if !noBreakIn(text[at:ct.TextStart]) {
				break
			}
			if ct.Start <= qs {
				return notQuotation
			}
			at = ct.TextStart
		}
	}
	s, e := q.Inner(text)
	if isFormula(text[s:e]) {
		return notQuotation
	}
	n := quoteWords(text, s, e, c.opts.MinWords+fragmentExtraWords)
	if n < c.opts.MinWords || isFragment(text, q, s) && (n < c.opts.MinWords+fragmentExtraWords && !c.speaks(b, q, s, e) || ownTerm(text, q)) {
		return shortQuotation
	}
	if isTitleCase(text[s:e]) || namedWork(text, q) || passiveSubject(text, q, s, e) || subjectTerm(text, q, s, e) || c.namedAfter(b, q) || spelledAcronym(text, q, s, e) || thoughtBefore(text, q, s, e) {
		return notQuotation
	}
	return fullQuotation
}

// ownTerm reports whether the quote follows a first-person possessive
// determiner ("our", "my"): the writer's own name for a thing of theirs,
// a term ("Our “reasonable set of stories to deliver” was the first
// story."), not someone's words.
func ownTerm(text string, q lint.Quote) bool {
	e := prose.Lookup(quoteLastWord(trimRightSpace(text[:q.Start])))
	return e.Is(prose.Determiner) && e.Is(prose.FirstPerson)
}

// thoughtBefore reports whether the quote gives the writer's or the
// reader's thought in its own words: a lowercase verb of thinking
// (thought-verb) right before it, with no comma or colon between, after
// "I", a first-person word, a word of the reader, an object pronoun or
// "to" among the three words before it, and a quote opening with a
// capital, a sentence of its own ("When I saw the plan, I thought ‘Here
// is my chance.’", "we do not want interviewers to think “I like this
// person because …”", "it made us think ‘We need to ask again.’").
// Thought is not speech: it needs no speaker, and is the writer's own or
// imagined. Someone else's thought in quotes is more often words quoted
// from them ("Candidates who think “America no longer has …”"), and a
// quote in lowercase continues the clause, a view ("he thinks the plan
// “will fail in a year”").
func thoughtBefore(text string, q lint.Quote, s, e int) bool {
	// The last word, which is no word after a comma or a colon.
	before := text[:q.Start]
	w := quoteLastWord(before)
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) || !prose.Has(w, prose.ThoughtVerb) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(quoteFirstWord(text[s:e])); !unicode.IsUpper(r) {
		return false
	}
	end := len(trimRightSpace(before)) - len(w)
	for range 3 {
		ws, we := quoteLastWordSpan(before[:end])
		if ws < 0 || strings.ContainsAny(before[we:end], ".!?,;:") {
			return false
		}
		w := before[ws:we]
		if w == "I" || prose.Lookup(w).Is(prose.FirstPerson|prose.ReaderWord) || prose.Exact(w)&prose.FirstPersonExact != 0 ||
			prose.Has(w, prose.ObjectPronoun) || strings.EqualFold(w, "to") {
			return true
		}
		end = ws
	}
	return false
}

// noBreakIn reports whether s, text between a quote and a link's object,
// holds no sentence break: it may all be the link's text.
func noBreakIn(s string) bool { return !strings.ContainsAny(s, ".!?") }

// spelledAcronym reports whether the quoted words are the spelled-out
// form of the acronym in brackets right after them: a term being defined
// ("a “what you see is what you get” (WYSIWYG) editor"), its initials the
// acronym's letters in order, small words ("of", "and": title-small-word)
// skipped when the acronym leaves them out.
func spelledAcronym(text string, q lint.Quote, s, e int) bool {
	rest := strings.TrimLeft(text[q.End:min(len(text), q.End+24)], " ")
	if !strings.HasPrefix(rest, "(") {
		return false
	}
	acr, _, ok := strings.Cut(rest[1:], ")")
	if !ok || len(acr) < 2 {
		return false
	}
	for i := range len(acr) {
		if c := acr[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	k := 0
	for _, w := range strings.FieldsFunc(text[s:e], func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		switch {
		case k < len(acr) && unicode.ToUpper(rune(w[0])) == rune(acr[k]):
			k++
		case prose.Has(w, prose.TitleSmallWord):
		default:
			return false
		}
	}
	return k == len(acr)
}

// titleCue reports whether the text before a quote ends with a word that
// introduces a title or a term: "titled", "the term", "so-called".
func (c *quoteCheck) titleCue(lead string) bool {
	before := strings.TrimRight(lead, ",:(")
	if start, ok := prose.EndsWith(before, prose.TitleCue); ok {
		// "has been called 'a model'" describes rather than names.
		return !prose.Has(before[start:], prose.PassiveTitleCue) || !isBe(quoteLastWord(strings.TrimSpace(before[:start])))
	}
	for _, tc := range c.opts.TitleCues {
		if endsWithPhrase(before, strings.TrimSpace(tc)) {
			return true
		}
	}
	// "an old phrase, …", "our team's motto is …", "the help text …"
	end := len(before)
	for range 3 {
		ws, we := quoteLastWordSpan(before[:end])
		if ws < 0 || strings.ContainsAny(before[we:end], ".!?") {
			break // only words of the quote's own sentence
		}
		if prose.Has(before[ws:we], prose.TitleNoun) && !complemented(before, ws, we) {
			return true
		}
		end = ws
	}
	return titledSubject(lead)
}

// maxTitledSubjectWords bounds the words of a sentence's opening noun
// phrase that titledSubject reads.
const maxTitledSubjectWords = 10

// titledSubject reports whether before, the words up to a quote, are a
// whole sentence's opening noun phrase set off by a comma: a determiner,
// a noun of title-noun among the next two words, and a clause of its
// own with no other comma and no speech cue ("The mantra that we use at
// the port, “…”"). The quote is what the noun names.
func titledSubject(original string) bool {
	before, ok := strings.CutSuffix(trimRightSpace(original), ",")
	if !ok || strings.ContainsAny(before, ",;:") {
		return false
	}
	if i := strings.LastIndexAny(before, ".!?\n"); i >= 0 {
		before = before[i+1:]
	} else if len(original) >= cueWindowLen {
		return false // the sentence may start before the window
	}
	var words [maxTitledSubjectWords + 1]string
	n := 0
	for i := 0; n <= maxTitledSubjectWords; n++ {
		ws, we := quoteNextWord(before, i, len(before))
		if ws < 0 {
			break
		}
		words[n], i = before[ws:we], we
	}
	if n < 2 || n > maxTitledSubjectWords || !isDeterminer(words[0]) {
		return false
	}
	if !prose.Has(words[1], prose.TitleNoun) && !(n > 2 && prose.Has(words[2], prose.TitleNoun)) {
		return false
	}
	for _, w := range words[1:n] {
		if prose.Lookup(w).Is(prose.Cue) {
			return false
		}
	}
	return true
}

// complemented reports whether the title noun at before[ws:we] is not
// the quoted words' name but a noun with its own complement before them
// ("On the subject of Israel “…”", "The message was that “…”"; not "the
// old adage of “…”" nor "an adage that “…”") or a verb after "as", a
// pronoun or a name ("quoted as saying “…”", "Lincoln saying that “…”";
// "Lincoln's saying" is a noun).
func complemented(before string, ws, we int) bool {
	next := quoteWordAfter(before, we, len(before))
	if strings.EqualFold(next, "of") || strings.EqualFold(next, "about") {
		at := strings.Index(before[we:], next) + we + len(next)
		return quoteWords(before, at, len(before), 1) > 0
	}
	if isBe(next) {
		at := strings.Index(before[we:], next) + we + len(next)
		return strings.EqualFold(quoteWordAfter(before, at, len(before)), "that")
	}
	if w := before[ws:we]; strings.EqualFold(w, "saying") {
		prev := quoteLastWord(before[:ws])
		r, _ := utf8.DecodeRuneInString(prev)
		return strings.EqualFold(prev, "as") || prose.Has(prev, prose.PersonPronoun) || unicode.IsUpper(r) && !isPossessive(prev)
	}
	return false
}

// alternatives marks in alt (reset to len(quotes)) the top-level quotes
// of a block's text that are set against each other as wordings: offered
// as alternatives ("…" or "…", "…" vs "…", "…" rather than "…", "…"
// instead of "…"; see contrasted), or as the ends of a range or a choice (from "…" to
// "…", between "…" and "…"). Either could have been said, or neither:
// they are examples of what is said, not a record of what someone said.
// The quotes joined to a marked one as items of its list (joinsList: "…"
// "…" or "…") are marked too. Quotes never closed are left alone.
func alternatives(text string, quotes []lint.Quote, alt []bool) []bool {
	alt = slices.Grow(alt[:0], len(quotes))[:len(quotes)]
	clear(alt)
	prev := -1 // the last top-level quote before k
	marked := false
	for k, q := range quotes {
		if q.Depth != 0 || !q.Closed {
			continue
		}
		if prev >= 0 && contrasted(text, quotes[prev], q) {
			alt[prev], alt[k], marked = true, true, true
		}
		prev = k
	}
	if !marked {
		return alt
	}
	// Spread the marks along the lists that hold them, forwards, then
	// backwards.
	prev = -1
	for k, q := range quotes {
		if q.Depth != 0 || !q.Closed {
			continue
		}
		if prev >= 0 && alt[prev] && joinsList(text[quotes[prev].End:q.Start]) {
			alt[k] = true
		}
		prev = k
	}
	next := -1 // the first top-level quote after k
	for k := len(quotes) - 1; k >= 0; k-- {
		q := quotes[k]
		if q.Depth != 0 || !q.Closed {
			continue
		}
		if next >= 0 && alt[next] && joinsList(text[q.End:quotes[next].Start]) {
			alt[k] = true
		}
		next = k
	}
	return alt
}

// contrasted reports whether the words between quotes a and b set them
// against each other: "vs" or "versus"; "or", "rather than" or "instead
// of" before a quote opening with a capital; or "to" and "and" after
// "from" and "between" right before a.
func contrasted(text string, a, b lint.Quote) bool {
	gap := text[a.End:b.Start]
	if ws, _ := quoteLastWordSpan(trimRightSpace(gap)); ws >= 0 && strings.EqualFold(quoteLastWord(gap), "than") &&
		!strings.EqualFold(quoteLastWord(gap[:ws]), "rather") && !strings.ContainsAny(gap, ".!?;:") && quoteWords(gap, 0, len(gap), maxThanGap+1) <= maxThanGap {
		return true // "“…” is harder to read than “…”", "rank “…” higher than “…”" ("rather than" below)
	}
	var words [3]string
	n := 0
	for i := 0; ; {
		ws, we := quoteNextWord(gap, i, len(gap))
		if ws < 0 {
			break
		}
		if n == len(words) {
			return false
		}
		words[n] = strings.ToLower(gap[ws:we])
		n++
		i = we
	}
	switch {
	case n == 1 && (words[0] == "vs" || words[0] == "versus" || words[0] == "became" || words[0] == "becomes"):
		return true // "“…” vs “…”", "“…” became “…”"
	case n == 1 && words[0] == "or" || n == 2 && (words[0] == "rather" && words[1] == "than" || words[0] == "instead" && words[1] == "of"):
		// A wording of its own opens with a capital: a quote opening in
		// lowercase continues the clause of the one before ("won't “send
		// you to war” or “tell you who to marry”").
		s, e := b.Inner(text)
		w := quoteFirstWord(text[s:e])
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return true
		}
		// Or two clauses of their own, each opening with a pronoun, a
		// determiner or a clause word: "“how the city does it” or
		// “what you think is ideal”", "“this is what a library looks
		// like” or “this is what a form looks like”".
		as, ae := a.Inner(text)
		return opensClause(w) && opensClause(quoteFirstWord(text[as:ae]))
	case n == 1 && (words[0] == "to" || words[0] == "and"):
		before := trimRightSpace(text[:a.Start])
		lead := quoteLastWord(before)
		if isDeterminer(lead) { // "from a “…” to “…”"
			lead = quoteLastWord(before[:len(before)-len(lead)])
		}
		lead = strings.ToLower(lead)
		return words[0] == "to" && lead == "from" || words[0] == "and" && lead == "between"
	}
	return false
}

// opensClause reports whether w, a quote's first word in lowercase, opens
// a clause of its own: a pronoun, a determiner or a word of **clause**
// ("how", "what", "if"), not a preposition.
func opensClause(w string) bool {
	lx := prose.Lookup(w)
	return w == "I" || lx.Is(prose.Pronoun|prose.FirstPerson|prose.ReaderWord|prose.Determiner|prose.ClauseWord) && !lx.Is(prose.Preposition)
}

// maxThanGap bounds the words between two quotes compared by "than":
// "“…” is harder to read than “…”".
const maxThanGap = 8

// joinsList reports whether the text between two quotes joins them as
// items of one list: nothing but punctuation, "or" and "and".
func joinsList(s string) bool {
	joined := false
	for i := 0; ; {
		ws, we := quoteNextWord(s, i, len(s))
		if ws < 0 {
			// A sentence break needs a joining word: "…?" Or, "…"
			return joined || !strings.ContainsAny(s, ".!?")
		}
		joined = true
		if w := s[ws:we]; !strings.EqualFold(w, "or") && !strings.EqualFold(w, "and") {
			return false
		}
		i = we
	}
}

// exampleCue reports whether the text before a quote introduces an
// example or imagined speech rather than a quotation: "for example",
// "such as", "phrasing like", "e.g.", ", say,", "you might ask", "imagine".
func exampleCue(before string) bool {
	b := trimRightSpace(before)
	if strings.HasSuffix(b, "say,") {
		rest := trimRightSpace(b[:len(b)-len("say,")])
		if strings.HasSuffix(rest, ",") || strings.HasSuffix(rest, "(") || strings.HasSuffix(rest, "—") {
			return true // a line, say, "…"
		}
	}
	b = strings.TrimRight(b, ",:(—– ")
	if _, ok := prose.EndsWith(b, prose.ExampleCue); ok {
		return true
	}
	// you might ask, you're probably thinking, ask yourself, one may wonder
	w := quoteLastWord(b)
	if prose.Has(w, prose.ImagineCue) {
		return true
	}
	if prose.Has(w, prose.ObjectPronoun) { // I simply tell them, "…"
		b = trimRightSpace(b[:len(b)-len(w)])
		w = quoteLastWord(b)
	}
	if !prose.Has(w, prose.WonderVerb) {
		return false
	}
	end := len(b) - len(w)
	if opener := trimRightSpace(b[:end]); (opener == "" || strings.ContainsAny(opener[len(opener)-1:], ".!?")) &&
		!strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing") {
		return true // an order to the reader: Say, "…"; Ask them, "…"
	}
	// Three words back, or past an "and" that joins the verb to another
	// of the same subject four more: "If you are reading this and
	// thinking “…”".
	joined, limit := false, 3
	for n := 0; n < limit; n++ {
		ws, we := quoteLastWordSpan(b[:end])
		if ws < 0 || strings.ContainsAny(b[we:end], ".!?,;:") && (joined || strings.ContainsAny(b[we:end], ".!?")) {
			return false
		}
		if prose.Has(b[ws:we], prose.WonderLead) {
			return true
		}
		if b[ws:we] == "and" && !joined {
			joined, n, limit = true, -1, 4
		}
		end = ws
	}
	return false
}

// exampleSentence reports whether q stands in a sentence that opens with
// "For example," or "For instance," (an example cue and a comma) and a
// case supposed (a gerund, "if" or "instead"), with no speech cue before
// the quote: the sentence gives an example, and the quote is its wording ("For example, knowing that a location is “across
// the street from the school,” may identify it", "For example, instead
// of opening your description with, “We want ideas …,” state the
// problem"). A cue keeps the quote someone's ("For example, Ruiz told
// riders “…”"), and a finite clause states a fact ("For instance, the
// paper notes the agency has blocked sites “…”").
func exampleSentence(b *lint.Block, q lint.Quote) bool {
	ss := b.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > q.Start })
	if i == len(ss) || ss[i].Start > q.Start {
		return false
	}
	lead := b.Text[ss[i].Start:q.Start]
	if len(lead) > cueWindowLen {
		return false // far into its sentence: no longer the example's opening
	}
	comma := strings.IndexByte(lead, ',')
	if comma < 0 {
		return false
	}
	opening := strings.TrimSpace(lead[:comma])
	if start, ok := prose.EndsWith(opening, prose.ExampleCue); !ok || start != 0 || !unicode.IsUpper(rune(opening[0])) {
		return false
	}
	// A case supposed: a gerund, "if" or "instead of" after the comma.
	ws, we := quoteNextWord(lead, comma, len(lead))
	if ws < 0 {
		return false
	}
	w := lead[ws:we]
	if !strings.HasSuffix(w, "ing") && !prose.Lookup(w).Is(prose.Conditional) && w != "instead" {
		return false
	}
	for at := comma; ; {
		ws, we := quoteNextWord(lead, at, len(lead))
		if ws < 0 {
			return true
		}
		if prose.Lookup(lead[ws:we]).Is(prose.Cue) {
			return false
		}
		at = we
	}
}

// questionObject reports whether q is a question quoted as the object of
// a preposition of question-preposition, a comma between or not: the
// question's text, a topic, not someone asking it ("looks at, “Is this a
// good idea?”", "responses to, “What …?”").
func questionObject(text string, q lint.Quote, before string) bool {
	s, e := q.Inner(text)
	if inner := strings.TrimRight(trimRightSpace(text[s:e]), "!"); !strings.HasSuffix(inner, "?") {
		return false
	}
	lead := trimRightSpace(strings.TrimSuffix(before, ","))
	w := quoteLastWord(lead)
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	if prose.Has(w, prose.QuestionPreposition) {
		return true
	}
	// The object of a verb of settling a question in the infinitive: "to
	// determine, “Is this a bad idea?”", a question to settle, asked by
	// nobody yet.
	start, ok := prose.EndsWith(lead, prose.QuestionVerb)
	return ok && strings.EqualFold(quoteLastWord(trimRightSpace(lead[:start])), "to")
}

// maxParenRun bounds the quotes of one run inside a parenthesis that
// parenthesised steps over.
const maxParenRun = 4

// parenthesised reports whether q, alone or with other curly quotes run
// together with it, fills a parenthesis: "(" right before the run and ")"
// right after it, past spaces and stops. Such a quote illustrates the
// words before it, an example of a question, a remark or a reference
// ("Don't ask them a question that would embarrass them (“So, why …?”).",
// "Remove page references (“See Travel on page 9”)", "our informal
// systems (“Oh, I remember that!” “Yep, go ask Laura!”)"), not someone's
// words on record. Only after a lowercase word that is no speech cue
// (not "she said (“…”)", nor after a name, a number or a stop), and not
// a quote ending in a comma.
func parenthesised(text string, q lint.Quote) bool {
	i := q.Start
	for n := 0; ; n++ {
		b := trimRightSpace(text[:i])
		if strings.HasSuffix(b, "(") {
			// Inside a sentence, after a lowercase word: a parenthesis of
			// its own after a stop is an aside, often a quotation with its
			// tag ("… to participate. (“…,” he said.)"), and one after a
			// name or a number gives what that source says ("Exodus
			// 18:21 (“…”)").
			pb := trimRightSpace(b[:len(b)-1])
			w := quoteLastWord(pb)
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) || !strings.HasSuffix(pb, w) || prose.Lookup(w).Is(prose.Cue) {
				return false
			}
			break
		}
		if n == maxParenRun || !strings.HasSuffix(b, "”") {
			return false
		}
		// The opening mark of the quote before, within the cue window.
		w := cueWindowBefore(b, len(b))
		j := strings.LastIndex(w, "“")
		if j < 0 {
			return false
		}
		i = len(b) - len(w) + j
	}
	if _, e := q.Inner(text); e > 0 && text[e-1] == ',' {
		return false // a tag's comma: "(“…,” said one activist)"
	}
	for i, n := q.End, 0; ; n++ {
		w := cueWindow(text, i)
		rest := strings.TrimLeft(w, " \t\n.,;!?")
		if strings.HasPrefix(rest, ")") {
			return true
		}
		if n == maxParenRun || !strings.HasPrefix(rest, "“") {
			return false
		}
		j := strings.Index(rest, "”")
		if j < 0 {
			return false
		}
		i += len(w) - len(rest) + j + len("”")
	}
}

// maxOrderWords bounds the words between an order to the reader that
// opens a sentence and the quote it gives: "Include “…” in the subject
// line", "Finish up with “…”", "Tell the caller on the phone that “…”".
const maxOrderWords = 8

// maxOrderLead bounds the bytes before the verb in its sentence: list
// numbering and the like.
const maxOrderLead = 64

// orderedLine reports whether q is a line the reader is told to say or
// write: its sentence opens with a capitalised verb of order-verb, at most
// maxOrderWords words before it, and no quote before that verb ("“Say
// no,” she said, “…”" is a quotation). List numbering and emphasis before
// the verb are skipped.
func orderedLine(b *lint.Block, q lint.Quote) bool {
	if len(b.Sentences) == 0 {
		return false
	}
	st := b.Sentences[b.SentenceAt(q.Start)]
	if st.Start >= q.Start {
		return false
	}
	head := b.Text[st.Start:q.Start]
	// The verb opens the sentence, after list numbering at most: the
	// search for it is bounded, however many quotes the sentence holds.
	i := strings.IndexFunc(head[:min(len(head), maxOrderLead)], unicode.IsLetter)
	if i < 0 || strings.ContainsAny(head[:i], "\"“‘'”’") {
		return false
	}
	w := quoteFirstWord(head[i:])
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || !prose.Has(w, prose.OrderVerb) {
		return false
	}
	return quoteWords(head, i+len(w), len(head), maxOrderWords+1) <= maxOrderWords
}

// isFormula reports whether quoted text is a formula or a search string
// rather than words: it holds an "=" or Boolean search operators.
func isFormula(s string) bool {
	return strings.Contains(s, "=") || strings.Contains(s, " AND ") || strings.Contains(s, " OR ") || strings.Contains(s, " NOT ")
}

// inLinkText reports whether a quote sits between "[" and "](" that the
// Markdown parser left as text (their destination was not a valid link).
func inLinkText(text string, q lint.Quote) bool {
	before := text[max(0, q.Start-200):q.Start]
	if strings.LastIndexByte(before, '[') <= strings.LastIndexByte(before, ']') {
		return false
	}
	after := text[q.End:min(len(text), q.End+200)]
	i := strings.Index(after, "](")
	return i >= 0 && !strings.Contains(after[:i], "[")
}

// quoteLastWordSpan returns the bounds of the last word of s, or -1, -1.
func quoteLastWordSpan(s string) (int, int) {
	e := len(s)
	for e > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:e])
		if isQuoteWordRune(r) {
			break
		}
		e -= size
	}
	if e == 0 {
		return -1, -1
	}
	i := e
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isQuoteWordRune(r) && r != '-' {
			break
		}
		i -= size
	}
	return i, e
}

// isUILabel reports whether a quote names an interface element: click "Save",
// the "Submit form" button.
func isUILabel(text string, q lint.Quote) bool {
	before := cueWindowBefore(text, q.Start)
	if w := quoteLastWord(before); prose.Has(w, prose.UIVerb) && !inName(before, w) {
		return true
	}
	// click the button "…", see the section "…"
	if ws, _ := quoteLastWordSpan(before); ws >= 0 && prose.Has(quoteLastWord(before), prose.UINoun) {
		verb := quoteLastWord(before[:ws])
		if isDeterminer(verb) {
			return true // the element named: see the section "…"
		}
		if prose.Has(verb, prose.UIVerb) {
			return true
		}
	}
	return prose.Has(quoteFirstWord(cueWindow(text, q.End)), prose.UINoun)
}

// inName reports whether w, the last word of before, is capitalised after
// another capitalised word: part of a name ("The Associated Press"), not
// an order ("Press “Enter”").
func inName(before, w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := trimRightSpace(before)
	rest = trimRightSpace(rest[:len(rest)-len(w)])
	p, _ := utf8.DecodeRuneInString(quoteLastWord(rest))
	return !strings.HasSuffix(rest, ".") && unicode.IsUpper(p)
}

// cueWindowLen bounds how far around a quote the cue checks look: the
// words that make a quote a label, a title or an example stand right
// beside it, and hostile text (a long run of marks with no word) must not
// make each quote read to either end of the block.
const cueWindowLen = 256

// cueWindowBefore returns text up to i, from at most cueWindowLen bytes
// before it (on a rune boundary).
func cueWindowBefore(text string, i int) string {
	start := max(0, i-cueWindowLen)
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	return text[start:i]
}

// cueWindow returns text from i on, cut at cueWindowLen bytes (on a rune
// boundary).
func cueWindow(text string, i int) string {
	end := min(len(text), i+cueWindowLen)
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return text[i:end]
}

// namedWork reports whether a quote names a work, an event or an effort:
// between a determiner and such a noun (the "Have it your way" campaign)
// or a noun of title-noun (the "to centralize or not" question), or set
// off after one (the conference, "Improving Data Access").
func namedWork(text string, q lint.Quote) bool {
	before := cueWindowBefore(text, q.Start)
	if rest := cueWindow(text, q.End); strings.HasPrefix(rest, " ") && (prose.Has(quoteFirstWord(rest), prose.WorkNoun) || prose.Has(quoteFirstWord(rest), prose.TitleNoun)) {
		s, e := q.Inner(text)
		inner := trimRightSpace(text[s:e])
		if !strings.HasSuffix(inner, ",") && !strings.HasSuffix(inner, ".") && (isDeterminer(quoteLastWord(before)) || endsPossessive(before)) {
			return true
		}
	}
	if isPhraseAfter(cueWindow(text, q.End)) {
		return true
	}
	b := trimRightSpace(before)
	if ws, we := quoteLastWordSpan(b); ws >= 0 && we == len(b) && (b[ws:we] == "on" || b[ws:we] == "of") {
		// A work's title or topic after the work and "on" or "of": "a
		// link to an article on “What is food poisoning?”", "the Harbour
		// Strategy of “…”"
		if w := quoteLastWord(b[:ws]); prose.Has(w, prose.WorkNoun) {
			return true
		}
	}
	if !strings.HasSuffix(b, ",") {
		return false
	}
	if s, e := q.Inner(text); holdsSentenceBreak(text[s:e]) {
		return false // "at a press conference, “I did not. There is none.”": words, not a name
	}
	ws, we := quoteLastWordSpan(b)
	if ws < 0 || we != len(b)-1 || !prose.Has(b[ws:we], prose.WorkNoun) {
		return false
	}
	// A determiner before the noun, or before one modifier: the
	// secretary's interactive panel, "…"
	for range 2 {
		if isDeterminer(quoteLastWord(b[:ws])) || endsPossessive(b[:ws]) {
			return true
		}
		if ws, _ = quoteLastWordSpan(b[:ws]); ws < 0 {
			break
		}
	}
	return false
}

// holdsSentenceBreak reports whether s holds the end of a sentence and
// the start of another, which no title of an event or an effort does.
func holdsSentenceBreak(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if (s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i+1] == ' ' {
			if r, _ := utf8.DecodeRuneInString(s[i+2:]); unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// isPhraseAfter reports whether the words after a quote say that it is a
// phrase, a motto, a question or a term: "…" is a phrase we use often,
// "…" is a common question.
func isPhraseAfter(after string) bool {
	ws, we := quoteNextWord(after, 0, len(after))
	if ws < 0 || !noWordsIn(after[:ws]) || !isBe(after[ws:we]) {
		return false
	}
	ws, we = quoteNextWord(after, we, len(after))
	if ws >= 0 && isDeterminer(after[ws:we]) {
		ws, we = quoteNextWord(after, we, len(after))
	}
	// The noun, or one modifier and the noun: is a common question.
	for range 2 {
		if ws < 0 {
			return false
		}
		if prose.Has(after[ws:we], prose.TitleNoun) {
			return true
		}
		ws, we = quoteNextWord(after, we, len(after))
	}
	return false
}

// passiveSubject reports whether a quote that opens its sentence with a
// capital, and has no stop of its own, is the subject of a passive verb:
// "“ATO effort started on” is measured from …", "“Zero trust” was coined
// in 2010." Such words are a term being talked about, not someone's
// speech, unless the verb is one of speech.
func passiveSubject(text string, q lint.Quote, s, e int) bool {
	inner := trimRightSpace(text[s:e])
	if first, _ := utf8.DecodeRuneInString(inner); !unicode.IsUpper(first) || strings.ContainsAny(inner[len(inner)-1:], ".,!?;:") {
		return false
	}
	if !opensSentence(text, q) {
		return false
	}
	after := cueWindow(text, q.End)
	ws, we := quoteNextWord(after, 0, len(after))
	if ws < 0 || !noWordsIn(after[:ws]) || !prose.Lookup(after[ws:we]).Is(prose.BeVerb) {
		return false
	}
	ws, we = quoteNextWord(after, we, len(after))
	if ws < 0 || we-ws <= 4 || !strings.HasSuffix(after[ws:we], "ed") {
		return false
	}
	// A verb of speech keeps the words someone's ("“…” was shouted across
	// the square"); one of finding does not ("is measured").
	verb := prose.Lookup(after[ws:we])
	return !verb.Is(prose.Cue) || verb.Is(prose.NearCue)
}

// ownerName returns w without a possessive ending: "Kim's" is read as
// the name "Kim".
func ownerName(w string) string {
	n, _ := prose.CutPossessive(w)
	return n
}

// listEnd returns where the sentence of a title or an example quote q
// ends, for the next of a list of them to join: its final stop inside the
// marks, if any, unless a comma after the closing mark goes on with it
// ("questions like “Why?”, “How?” and “When?”"); else the quote's end.
func listEnd(text string, q lint.Quote) int {
	if _, e := q.Inner(text); e > 0 && strings.IndexByte(".!?", text[e-1]) >= 0 && !strings.HasPrefix(strings.TrimLeft(text[q.End:], " "), ",") {
		return e - 1
	}
	return q.End
}

// opensSentence reports whether quote q opens its sentence: nothing but
// a sentence's end (or the text's start) stands before it.
func opensSentence(text string, q lint.Quote) bool {
	before := trimRightSpace(cueWindowBefore(text, q.Start))
	last, _ := utf8.DecodeLastRuneInString(before)
	return before == "" || last == '.' || last == '!' || last == '?'
}

// maxSubjectTermWords bounds the words of a quote that subjectTerm reads
// as a saying or a term, unless it is a question: a longer one is more
// often a statement quoted in part, its verb outside the marks.
const maxSubjectTermWords = 8

// subjectTerm reports whether a quote that opens its sentence with a
// capital, one sentence ending in no stop of its own (a question mark or
// a comma may end it) and at most maxSubjectTermWords words unless a
// question, is the subject of a finite verb right after it, a form of
// "be", "have" or "do" (subject-verb), with no speech cue in the rest of
// the sentence: "“Meetings after the meeting” are tempting", "“How can we
// …?” is the focus of the hackathon", "“If it's not broke, don't fix
// it,” doesn't work with apps". Such words are a saying, a question or a
// term being talked about, not someone's speech; "“…,” was all Ruiz
// would say" keeps its speaker.
func subjectTerm(text string, q lint.Quote, s, e int) bool {
	inner := trimRightSpace(text[s:e])
	if first, _ := utf8.DecodeRuneInString(inner); !unicode.IsUpper(first) || strings.ContainsAny(inner[len(inner)-1:], ".!;:") || holdsSentenceBreak(inner) {
		return false
	}
	if !opensSentence(text, q) {
		return false
	}
	after := cueWindow(text, q.End)
	ws, we := quoteNextWord(after, 0, len(after))
	if ws < 0 || !noWordsIn(after[:ws]) || strings.ContainsAny(after[:ws], ".!?") {
		return false
	}
	verb := strings.ReplaceAll(after[ws:we], "’", "'")
	if r, _ := utf8.DecodeRuneInString(verb); !unicode.IsLower(r) || !prose.Has(verb, prose.SubjectVerb) && !presentVerb(inner, after, ws, we) {
		return false
	}
	if !strings.HasSuffix(inner, "?") && quoteWords(text, s, e, maxSubjectTermWords+1) > maxSubjectTermWords {
		return false // a long clause quoted in part: "“The government is alleging that …” were provoking"
	}
	// The rest of the sentence names no speech: "“…” is what she told us".
	for i := we; ; {
		ws, we := quoteNextWord(after, i, len(after))
		if ws < 0 || strings.ContainsAny(after[i:ws], ".!?") {
			return true
		}
		if prose.Lookup(after[ws:we]).Is(prose.Cue) {
			return false
		}
		i = we
	}
}

// maxNamedAfterGap bounds the words between a demonstrative and the
// title noun it points with: "these age-old customer service adages".
const maxNamedAfterGap = 4

// namedAfter reports whether q, ending in a stop of its own, ends a
// sentence of nothing but quotations that the next sentence, past other such sentences, names as sayings,
// phrases or questions with a demonstrative and a noun of title-noun
// ("“The customer is king.” “The customer is always right.” Whatever you
// think of these age-old adages, …", "“There's an app for that.” New data
// shows users take this slogan to heart."): the quotes are the sayings
// the sentence talks about, not someone's words. The demonstrative stands
// outside quotes ("“…” “This notion that …”" goes on quoting).
func (c *quoteCheck) namedAfter(b *lint.Block, q lint.Quote) bool {
	text, ss := b.Text, b.Sentences
	if _, e := q.Inner(text); !q.Closed || e == 0 || !strings.ContainsRune(".!?", rune(text[e-1])) {
		return false // "“…,” Ruiz added.": a tag's comma
	}
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End >= q.End })
	if i == len(ss) || !c.sentenceQuotesOnly(b, i) {
		return false
	}
	for n := 0; ; n++ {
		if i++; n == maxParenRun {
			return false
		}
		if i == len(ss) {
			// The paragraph is all quotations: the next one, right
			// after it, may name them.
			blocks := c.p.Doc.Blocks
			if !c.quoteOnly(b) || b.Index+1 >= len(blocks) {
				return false
			}
			next := blocks[b.Index+1]
			if next.Kind != lint.Paragraph || len(next.Sentences) == 0 || c.blockBefore(next, next.Start) != b {
				return false
			}
			b, text, ss, i = next, next.Text, next.Sentences, 0
			break
		}
		if !c.sentenceQuotesOnly(b, i) {
			break
		}
	}
	st := ss[i]
	end := min(st.End, st.Start+cueWindowLen) // the naming words stand near its start
	for at := st.Start; ; {
		ws, we := quoteNextWord(text, at, end)
		if ws < 0 {
			return false
		}
		at = we
		if !prose.Has(text[ws:we], prose.Demonstrative) || insideQuote(b.Quotes, ws) {
			continue // "“This notion that …”" is more quoted words
		}
		for j, k := we, 0; k < maxNamedAfterGap; k++ {
			ns, ne := quoteNextWord(text, j, end)
			if ns < 0 || !noWordsIn(text[j:ns]) || strings.ContainsAny(text[j:ns], ",;:") {
				break
			}
			if prose.Has(text[ns:ne], prose.TitleNoun) {
				return true
			}
			j = ne
		}
	}
}

// maxInsideLookback bounds the quotes before offset i that insideQuote
// looks at; past it, i counts as inside one (the cautious answer), so
// that a block of many quotes is not read once per word.
const maxInsideLookback = 16

// insideQuote reports whether offset i lies within one of quotes, which
// are in order of their start: after the start of the last top-level
// quote that starts at or before i, and before its end.
func insideQuote(quotes []lint.Quote, i int) bool {
	k := sort.Search(len(quotes), func(k int) bool { return quotes[k].Start > i })
	for n := 0; k > 0; n++ {
		if n == maxInsideLookback {
			return true
		}
		k--
		if q := quotes[k]; q.Depth == 0 {
			return i < q.End
		}
	}
	return false
}

// sentenceQuotesOnly is quotesOnly of sentence i of b, worked out once.
func (c *quoteCheck) sentenceQuotesOnly(b *lint.Block, i int) bool {
	k := [2]int{b.Index, i}
	only, ok := c.sentQuotes[k]
	if !ok {
		only = quotesOnly(b, b.Sentences[i])
		c.sentQuotes[k] = only
	}
	return only
}

// quotesOnly reports whether sentence st of b holds nothing but its
// top-level quotes, punctuation and space.
func quotesOnly(b *lint.Block, st lint.Sentence) bool {
	at, any := st.Start, false
	// From the first quote that starts in the sentence; one that starts
	// before it and reaches into it leaves no sentence of quotes alone.
	first := sort.Search(len(b.Quotes), func(k int) bool { return b.Quotes[k].Start >= st.Start })
	if st.Start > 0 && insideQuote(b.Quotes[:first], st.Start) {
		return false
	}
	for _, q := range b.Quotes[first:] {
		if q.Depth != 0 || q.End <= st.Start {
			continue
		}
		if q.Start >= st.End {
			break
		}
		if q.Start < at || !noWordsIn(b.Text[at:q.Start]) {
			return false
		}
		at, any = q.End, true
	}
	return any && at <= st.End && noWordsIn(b.Text[at:st.End])
}

// presentVerb reports whether after[ws:we], the lowercase word right
// after a quote that ends in no comma, reads as a verb in the present
// whose subject the quote is: a word of more than four letters ending
// in "s", no speech cue, with a lowercase word right after it ("“…”
// starts with making the site easy"; not "“…” laughs Ruiz", a tag).
func presentVerb(inner, after string, ws, we int) bool {
	w := after[ws:we]
	if strings.HasSuffix(inner, ",") || len(w) <= 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || prose.Lookup(w).Is(prose.Cue) {
		return false
	}
	ns, _ := quoteNextWord(after, we, len(after))
	if ns < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after[ns:])
	return unicode.IsLower(r) && noWordsIn(after[we:ns]) && !strings.ContainsAny(after[we:ns], ".!?,;:")
}

// titledByMarkup reports whether emphasis wraps the quote exactly, inside
// or outside its marks, as writers set the titles of works.
func (c *quoteCheck) titledByMarkup(b *lint.Block, q lint.Quote) bool {
	if !q.Closed {
		return false
	}
	s, e := b.SourceSpan(q.Start, q.End)
	src := c.src
	if s > 0 && e < len(src) && isEmphasisMark(src[s-1]) && isEmphasisMark(src[e]) {
		return true
	}
	_, open := utf8.DecodeRune(src[s:])
	_, close := utf8.DecodeLastRune(src[:e])
	return e-s > open+close && isEmphasisMark(src[s+open]) && isEmphasisMark(src[e-close-1])
}

// maxLabelLead bounds the bytes before a bold label in its paragraph's
// text: spaces and the like.
const maxLabelLead = 64

// boldLabel reports whether the quote is a label set in HTML bold that
// opens its paragraph, prose following it in the same paragraph: a
// persona's motto or a card's heading ("<strong>“I want to learn new
// things.”</strong> They join to …"), as Markdown bold is for
// titledByMarkup. A bold quote standing alone (a pull quote) is not a
// label.
func (c *quoteCheck) boldLabel(b *lint.Block, q lint.Quote) bool {
	// The text before is bounded: a label opens its paragraph, after
	// little but spaces and tags, and each check stays short however
	// many quotes the paragraph holds.
	if !q.Closed || q.Start > maxLabelLead {
		return false
	}
	s, e := b.SourceSpan(q.Start, q.End)
	before := strings.ToLower(strings.TrimRightFunc(string(c.src[max(0, s-16):s]), unicode.IsSpace))
	after := strings.ToLower(string(c.src[e:min(len(c.src), e+16)]))
	if !(strings.HasSuffix(before, "<strong>") && strings.HasPrefix(after, "</strong>") ||
		strings.HasSuffix(before, "<b>") && strings.HasPrefix(after, "</b>")) {
		return false
	}
	return noWordsIn(b.Text[:q.Start]) && !noWordsIn(cueWindow(b.Text, q.End))
}

// opensCaption reports whether the quote opens a <figcaption> or a
// <caption> inside its block, past emphasis marks and spaces: the
// caption of an image or a table, which names what it shows (`<figure>…
// <figcaption>_“The new help section groups pages by committee.”_`), as
// a table's caption block does (inCaption).
func (c *quoteCheck) opensCaption(b *lint.Block, q lint.Quote) bool {
	s, _ := b.SourceSpan(q.Start, q.End)
	tag, ok := c.tagBefore(s, " \t\r\n*_")
	return ok && (bytes.EqualFold(tag, []byte("figcaption")) || bytes.EqualFold(tag, []byte("caption")))
}

// statement reports whether q's words end in a full stop, past emphasis
// marks and closing brackets: a sentence said, which a title is not
// ("*“One surprise we found was that riders use phones.”*", a pull
// quote; not "*“Why Ferries Matter”*" nor "*“Ask the Harbour!”*").
func statement(text string, q lint.Quote) bool {
	s, e := q.Inner(text)
	t := strings.TrimRight(text[s:e], " \t\r\n*_")
	return strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "...")
}

func isEmphasisMark(c byte) bool { return c == '*' || c == '_' }

// blockQuotations finds the blockquotes that are attributed quotations —
// signed with a dash line or <cite>, or introduced by a line ending in a
// colon — and returns the indices of their blocks. Callouts are skipped.
func (c *quoteCheck) blockQuotations() map[int]bool {
	var attributed map[int]bool
	doc := c.p.Doc
	// The last block of the last blockquote introduced with a colon, or
	// of one in a run of them: the blockquotes of nothing but quotations
	// right after it are the next items of what the colon introduced
	// ("Some of our favourite comments:" then "> “…”", "> “…”").
	lastIntroduced := -1
	for _, ct := range doc.Containers {
		if ct.Kind != lint.Blockquote || len(ct.Blocks) == 0 || insideBlockquote(ct) {
			continue
		}
		first := doc.Blocks[ct.Blocks[0]]
		if isCallout(first.Text) {
			continue
		}
		introduced := c.introduction(first, ct.Start) != nil
		if !introduced && lastIntroduced >= 0 && c.quoteOnly(first) {
			prev := c.blockBefore(first, ct.Start)
			introduced = prev != nil && prev.Index == lastIntroduced
		}
		if introduced {
			lastIntroduced = ct.Blocks[len(ct.Blocks)-1]
		}
		if !introduced && !c.signedBlockquote(ct) && !signedText(doc.Blocks[ct.Blocks[len(ct.Blocks)-1]].Text) && !c.signedByName(ct) && !c.signedByNext(ct) && !c.signedByLine(ct) {
			continue
		}
		if attributed == nil {
			attributed = map[int]bool{}
		}
		for _, i := range ct.Blocks {
			attributed[i] = true
		}
	}
	return attributed
}

// signedBlockquote reports whether a blockquote ends with an attribution
// line (— Name, ― Name, -- Name) or holds a <cite> element.
func (c *quoteCheck) signedBlockquote(ct *lint.Container) bool {
	raw := c.src[ct.Start:ct.End]
	if containsTagFold(raw, "<cite") {
		return true
	}
	_, last := lastLine(string(raw))
	return startsWithDashLine(last)
}

// lastLine splits a blockquote's source, trailing white space cut, at its
// last line break: the lines above it ("" when there is one line) and the
// last non-blank line without its ">" markers.
func lastLine(raw string) (above, line string) {
	raw = strings.TrimRightFunc(raw, unicode.IsSpace)
	nl := strings.LastIndexByte(raw, '\n')
	return raw[:max(nl, 0)], strings.TrimLeft(raw[nl+1:], "> \t")
}

// signedByNext reports whether the blockquote right after ct, with
// nothing but blank lines between, is a signature of its own: a dash
// line and nothing else ("> “…”", a blank line, then "> **—Ana Ruiz**").
func (c *quoteCheck) signedByNext(ct *lint.Container) bool {
	last, next := c.blockAfter(ct)
	if next == nil {
		return false
	}
	sig := next.Parent
	if sig == nil || sig == ct || sig.Kind != lint.Blockquote || len(sig.Blocks) != 1 || sig.Parent != ct.Parent {
		return false
	}
	return c.blockBefore(next, sig.Start) == last && startsWithDashLine(strings.TrimLeftFunc(next.Text, unicode.IsSpace))
}

// blockAfter returns the last block of ct and the block after it, or nil
// when ct ends the document.
func (c *quoteCheck) blockAfter(ct *lint.Container) (last, next *lint.Block) {
	blocks := c.p.Doc.Blocks
	i := ct.Blocks[len(ct.Blocks)-1]
	if i+1 >= len(blocks) {
		return blocks[i], nil
	}
	return blocks[i], blocks[i+1]
}

// maxSignatureLineWords bounds the words of a signature paragraph
// after a blockquote: a name, or a work's title and its publisher
// ("-- Guide to General Server Security, National Institute of Standards
// and Technology").
const maxSignatureLineWords = 16

// signedByLine reports whether the paragraph right after ct, outside it
// and past blank lines only, is a dash line and nothing more: a
// signature set below the blockquote ("> “…”", a blank line, "— Ana
// Ruiz" or "-- [The Harbour Guide](…), Port Authority"). A list item is
// no signature.
func (c *quoteCheck) signedByLine(ct *lint.Container) bool {
	last, next := c.blockAfter(ct)
	if next == nil || next.Kind != lint.Paragraph || next.Parent != ct.Parent || len(next.Sentences) > 1 || c.blockBefore(next, next.Start) != last {
		return false
	}
	text := strings.TrimSpace(next.Text)
	return startsWithDashLine(text) && quoteWords(text, 0, len(text), maxSignatureLineWords+1) <= maxSignatureLineWords
}

// maxSignatureWords bounds the words of a signature that ends a
// blockquote's text: a name and a title ("- Ana Ruiz, Content Strategist").
const maxSignatureWords = 8

// signedText reports whether a blockquote's last text ends with a
// signature: a dash and a name after its last sentence (`… a privilege.
// - Ana Ruiz, Planner`, `…” (Ed. note: not literally.) - Ana Ruiz`), as
// an HTML blockquote writes it on the line of its text or in a <span> of
// its own before </blockquote>. The signer speaks the whole blockquote,
// quotes inside it included.
func signedText(text string) bool {
	text = trimRightSpace(text)
	from := max(0, len(text)-maxSignatureBytes)
	for i := len(text) - 1; i > from; i-- {
		if ch := text[i]; ch != '-' && ch != 0x94 && ch != 0x93 && ch != 0x95 {
			continue
		}
		at := i
		if text[i] != '-' { // the last byte of "—" (E2 80 94), "–" (E2 80 93) or "―" (E2 80 95)
			if i < 2 || text[i-2] != 0xE2 || text[i-1] != 0x80 {
				continue
			}
			at = i - 2
		} else if at > 0 && text[at-1] == '-' {
			at-- // "--"
		}
		if at == 0 || text[at-1] != ' ' {
			continue // a hyphen in a word: "Ruiz-Lopez"
		}
		if !startsWithDashLine(text[at:]) || quoteWords(text, i+1, len(text), maxSignatureWords+1) > maxSignatureWords {
			return false
		}
		before := trimRightSpace(text[:at])
		last, _ := utf8.DecodeLastRuneInString(before)
		return strings.ContainsRune(".!?)”\"’'", last)
	}
	return false
}

// signedByName reports whether a blockquote's last line is a name in
// Title Case with no dash before it, right after a line ending in a
// closing quote mark: "> “…from the port.”" then "> Ana Ruiz,
// Administrator, Port Authority". The signer speaks the quote.
func (c *quoteCheck) signedByName(ct *lint.Container) bool {
	above, line := lastLine(string(c.src[max(ct.Start, ct.End-maxSignatureBytes):ct.End]))
	if above == "" {
		return false // one line: no quote above a name
	}
	line = strings.TrimSpace(line)
	above = strings.TrimRight(above, " \t\r*_")
	last, _ := utf8.DecodeLastRuneInString(above)
	if last != '”' && last != '"' || quoteWords(line, 0, len(line), maxSignatureWords+1) > maxSignatureWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsUpper(r) && !strings.ContainsAny(line, "“”\"") && isTitleCase(line)
}

// maxSignatureBytes bounds how far from the end of a blockquote's text
// signedText looks for the signature's dash.
const maxSignatureBytes = 120

// introduction returns the prose block right before offset start when
// nothing but white space and ">" lies between and it ends with a colon,
// or with a comma after a speaker and a speech verb ("As Lopez says,").
func (c *quoteCheck) introduction(b *lint.Block, start int) *lint.Block {
	prev := c.blockBefore(b, start)
	if prev == nil || prev.Kind == lint.Heading {
		return nil
	}
	text := trimRightSpace(prev.Text)
	switch {
	case strings.HasSuffix(text, ":"):
		return prev
	case strings.HasSuffix(text, ",") && len(prev.Sentences) > 0:
		// As the author of the report says,
		st := prev.Sentences[len(prev.Sentences)-1]
		if c.cueIn(prev, st.Start, min(st.End, len(text)), -1, true) {
			return prev
		}
	}
	return nil
}

// blockBefore returns the block before b when nothing but white space
// and ">" lies between its end and offset start, or nil.
func (c *quoteCheck) blockBefore(b *lint.Block, start int) *lint.Block {
	if b.Index == 0 {
		return nil
	}
	k := [2]int{b.Index, start}
	prev, ok := c.before[k]
	if !ok {
		prev = c.adjacentBefore(b, start)
		c.before[k] = prev
	}
	return prev
}

// adjacentBefore is blockBefore, worked out.
func (c *quoteCheck) adjacentBefore(b *lint.Block, start int) *lint.Block {
	prev := c.p.Doc.Blocks[b.Index-1]
	if prev.End > start {
		return nil
	}
	gap := c.src[prev.End:start]
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case ' ', '\t', '\r', '\n', '>':
		case '<':
			// An HTML tag that closes or opens a paragraph or a
			// blockquote shows nothing: "…advice:</p> <p>“…”".
			end := bytes.IndexByte(gap[i:], '>')
			if end < 0 || !htmlTagName(gap[i+1:i+end]) {
				return nil
			}
			i += end
		default:
			return nil
		}
	}
	return prev
}

// htmlTagName reports whether tag, the inside of "<…>", is an opening or
// closing tag of an element that holds prose: p, div, blockquote, span
// (with attributes or not).
func htmlTagName(tag []byte) bool {
	tag = bytes.TrimPrefix(tag, []byte("/"))
	name := tag
	if i := bytes.IndexAny(tag, " \t\r\n"); i >= 0 {
		name = tag[:i]
	}
	for _, n := range [...]string{"p", "div", "blockquote", "span"} {
		if bytes.EqualFold(name, []byte(n)) {
			return true
		}
	}
	return false
}

func insideBlockquote(ct *lint.Container) bool {
	for p := ct.Parent; p != nil; p = p.Parent {
		if p.Kind == lint.Blockquote {
			return true
		}
	}
	return false
}

// isCallout reports whether a blockquote's first text marks it as a note
// rather than a quotation: a GitHub alert ([!NOTE]) or a label such as
// "Note:" or "Tip:".
func isCallout(text string) bool {
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	if strings.HasPrefix(text, "[!") {
		return true
	}
	label, _, ok := strings.Cut(text, ":")
	return ok && prose.Has(strings.TrimSpace(label), prose.CalloutLabel)
}

// attributed reports whether a quotation names its speaker or source on
// its own: a speech verb or "according to" in its sentence, a colon
// introduction naming a speaker, a dash line after it, or a link,
// footnote or <cite> attached to it.
func (c *quoteCheck) attributed(i int, qs []*quotation) bool {
	qt := qs[i]
	for _, part := range qt.parts {
		if c.linked(part) {
			return true
		}
	}
	f, l := qt.first(), qt.last()
	var prev, next *quotation
	if i > 0 {
		prev = qs[i-1]
	}
	if i+1 < len(qs) {
		next = qs[i+1]
	}
	if c.attributedBefore(f, prev) || c.isAnswer(f.b) {
		return true
	}
	if l.q.Closed && c.attributedAfter(l, next) {
		return true
	}
	if c.introducedList(f) || c.rowLabelled(f) || c.underSpeakerHeading(f) || sourcing.SpeakerLabelled(c.src, f.b) {
		return true
	}
	// A speaker named only in another paragraph does not attribute a new
	// quotation paragraph (../shared/CLAIMS.md): an editor asks for the
	// "he said".
	return false
}

// linkedBefore reports whether a link sits in text[start:end], the part of
// a sentence before a quote: the linked work is its source ("Agencies can
// use the [recommendations](…) to "establish …"").
func linkedBefore(b *lint.Block, start, end int) bool {
	// The last citation that ends before the quote.
	i := sort.Search(len(b.Citations), func(i int) bool { return b.Citations[i].TextEnd > end }) - 1
	if i < 0 {
		return false
	}
	ct := b.Citations[i]
	switch ct.Kind {
	case lint.InlineLink, lint.ReferenceLink, lint.HTMLLink, lint.TemplateLink:
		return ct.TextStart >= start
	}
	return false
}

// introducedList reports whether a quote opens an item of a list that a
// paragraph ending in a colon introduces: "[It depends on five
// factors](…):" above a list of quoted factors, or "Ask questions like
// these:" above quoted questions.
func (c *quoteCheck) introducedList(part quotePart) bool {
	b := part.b
	if part.q.Start != leadingSpaceLen(b.Text) || b.Parent == nil || b.Parent.Kind != lint.ListItem || b.Parent.Blocks[0] != b.Index {
		return false
	}
	intro := c.listIntro(b)
	return intro != nil && intro.Parent == b.Parent.Parent && strings.HasSuffix(trimRightSpace(intro.Text), ":")
}

// listIntro returns the last block before the list that holds b's list
// item, or nil: the paragraph that introduces the list. Results are
// cached, so that a long list is walked once.
func (c *quoteCheck) listIntro(b *lint.Block) *lint.Block {
	blocks := c.p.Doc.Blocks
	i := b.Index - 1
	var walked []int
	for ; i >= 0; i-- {
		if j, ok := c.listIntros[i]; ok {
			i = j
			break
		}
		o := blocks[i]
		if !o.Within(lint.ListItem) || !sameList(o, b) {
			break
		}
		walked = append(walked, i)
	}
	for _, w := range walked {
		c.listIntros[w] = i
	}
	if i < 0 || blocks[i].Within(lint.ListItem) && sameList(blocks[i], b) {
		return nil
	}
	return blocks[i]
}

// sameList reports whether block o lies in a list item that is a sibling
// of (or inside one) b's list item.
func sameList(o, b *lint.Block) bool {
	for p := o.Parent; p != nil; p = p.Parent {
		if p.Kind == lint.ListItem && p.Parent == b.Parent.Parent {
			return true
		}
	}
	return false
}

// underSpeakerHeading reports whether a paragraph of nothing but quotations
// sits right under a heading that names a speaker: "Tip from Dan Lee,
// product lead", "Remarks by the Mayor".
func (c *quoteCheck) underSpeakerHeading(part quotePart) bool {
	if !c.quoteOnly(part.b) {
		return false
	}
	h := c.blockBefore(part.b, part.b.Start)
	if h == nil || h.Kind != lint.Heading || h.Parent != part.b.Parent {
		return false
	}
	return namesSource(h.Text)
}

// namesSource reports whether text holds "from" or "by" before a
// capitalised word: "Advice from Maria Lopez", "Remarks by the Mayor".
func namesSource(text string) bool {
	for i := 0; ; {
		ws, we := quoteNextWord(text, i, len(text))
		if ws < 0 {
			return false
		}
		i = we
		if w := text[ws:we]; w == "from" || w == "by" {
			next := quoteWordAfter(text, we, len(text))
			if strings.EqualFold(next, "the") {
				if ns, ne := quoteNextWord(text, we, len(text)); ns >= 0 {
					next = quoteWordAfter(text, ne, len(text))
				}
			}
			if r, _ := utf8.DecodeRuneInString(next); unicode.IsUpper(r) {
				return true
			}
		}
	}
}

// rowLabelled reports whether a quote fills a table cell whose row opens
// with a cell naming who said it: | **Young adults** | "I want ideas…" |.
func (c *quoteCheck) rowLabelled(part quotePart) bool {
	b := part.b
	if b.Kind != lint.TableCell || b.Column == 0 || b.Index < b.Column || !holdsOnlyQuotes(b) {
		return false
	}
	label := c.p.Doc.Blocks[b.Index-b.Column]
	return label.Kind == lint.TableCell && label.Parent == b.Parent && label.Row == b.Row && label.Column == 0 &&
		len(label.Quotes) == 0 && !noWordsIn(label.Text)
}

// quoteOnly reports whether a paragraph holds nothing but quotations.
func (c *quoteCheck) quoteOnly(b *lint.Block) bool {
	if b.Kind != lint.Paragraph {
		return false
	}
	only, ok := c.quoteOnlyBlocks[b.Index]
	if !ok {
		only = holdsOnlyQuotes(b)
		c.quoteOnlyBlocks[b.Index] = only
	}
	return only
}

// holdsOnlyQuotes reports whether a block's text is its top-level
// quotations and nothing else but punctuation and space.
func holdsOnlyQuotes(b *lint.Block) bool {
	at := 0
	for _, q := range b.Quotes {
		if q.Depth != 0 {
			continue
		}
		if !noWordsIn(b.Text[at:q.Start]) {
			return false
		}
		at = max(at, q.End)
	}
	return at > 0 && noWordsIn(b.Text[at:])
}

// adjacentParagraph returns the block at index i when it is a paragraph in
// the same container as b with nothing but space between them, or nil.
func (c *quoteCheck) adjacentParagraph(b *lint.Block, i int) *lint.Block {
	blocks := c.p.Doc.Blocks
	if i < 0 || i >= len(blocks) {
		return nil
	}
	o := blocks[i]
	if o.Kind != lint.Paragraph || o.Parent != b.Parent || len(o.Sentences) == 0 {
		return nil
	}
	if o.End > b.Start && o.Start < b.End {
		return nil
	}
	if !blankGap(c.src[min(o.End, b.End):max(o.Start, b.Start)]) {
		return nil
	}
	return o
}

// blankGap reports whether the source between two blocks holds only space,
// blockquote markers and HTML comments, which readers do not see.
func blankGap(gap []byte) bool {
	for i := 0; i < len(gap); i++ {
		switch ch := gap[i]; {
		case ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '>':
		case ch == '<' && bytes.HasPrefix(gap[i:], []byte("<!--")):
			end := bytes.Index(gap[i+4:], []byte("-->"))
			if end < 0 {
				return false
			}
			i += 4 + end + 2
		default:
			return false
		}
	}
	return true
}

// attributionSentence reports whether sentence si of b names a speaker
// with a speech verb, or says "according to", outside its quotations.
func (c *quoteCheck) attributionSentence(b *lint.Block, si int) bool {
	key := [2]int{b.Index, si}
	if v, ok := c.said[key]; ok {
		return v
	}
	st := b.Sentences[si]
	// Quotes are in order of their opening marks; skip those before the sentence.
	qi := sort.Search(len(b.Quotes), func(i int) bool { return b.Quotes[i].End > st.Start })
	found := false
	at := st.Start
	for ; qi < len(b.Quotes) && !found; qi++ {
		q := b.Quotes[qi]
		if q.Depth != 0 || q.End <= at {
			continue
		}
		if q.Start >= st.End {
			break
		}
		if q.Start > at {
			found = c.cueIn(b, at, q.Start, -1, true)
		}
		at = q.End
	}
	if !found && at < st.End {
		found = c.cueIn(b, at, st.End, -1, true)
	}
	c.said[key] = found
	return found
}

// isAnswer reports whether b sits right under a question — a heading, or
// a paragraph set in bold, ending with "?" — in a document with at least
// minInterviewQuestions of them: the interview pattern, where the answers
// are the interviewee's words.
func (c *quoteCheck) isAnswer(b *lint.Block) bool {
	blocks := c.p.Doc.Blocks
	if b.Index == 0 || !c.isQuestionLine(blocks[b.Index-1]) || c.isQuestionLine(b) {
		return false
	}
	if c.adjacentParagraph(blocks[b.Index-1], b.Index) != b {
		return false
	}
	if c.questions < 0 {
		c.questions = 0
		for _, o := range blocks {
			if c.isQuestionLine(o) {
				c.questions++
			}
		}
	}
	return c.questions >= minInterviewQuestions
}

// minInterviewQuestions is how many question headings make a document an
// interview.
const minInterviewQuestions = 3

// isQuestionLine reports whether a block is a heading, or a paragraph all
// in bold, that ends with a question mark.
func (c *quoteCheck) isQuestionLine(b *lint.Block) bool {
	if !strings.HasSuffix(trimRightSpace(b.Text), "?") {
		return false
	}
	if b.Kind == lint.Heading {
		return true
	}
	if b.Kind != lint.Paragraph {
		return false
	}
	raw := bytes.TrimSpace(c.src[b.Start:b.End])
	return len(raw) > 4 && (bytes.HasPrefix(raw, []byte("**")) && bytes.HasSuffix(raw, []byte("**")) || bytes.HasPrefix(raw, []byte("__")) && bytes.HasSuffix(raw, []byte("__")))
}

// linked reports whether a link, footnote or citation is attached to the
// quote: on all its words, at its end, or right beside a mark.
func (c *quoteCheck) linked(part quotePart) bool {
	b, q := part.b, part.q
	is, ie := q.Inner(b.Text)
	// Citations are in text order and do not overlap: the one before the
	// quote and those starting within it or just after are all that can
	// touch it.
	cs := b.Citations
	first := sort.Search(len(cs), func(i int) bool { return cs[i].TextStart >= q.Start })
	if first > 0 {
		first--
	}
	for _, ct := range cs[first:] {
		if ct.TextStart > q.End+4 {
			break
		}
		switch {
		case ct.TextStart >= q.Start && ct.TextStart < q.End:
			// Inside the marks: a link on the whole quote, or a note at its end.
			whole := ct.TextStart <= is+1 && ct.TextEnd >= ie-1
			if !whole && ct.Kind == lint.TemplateLink && ct.TextEnd >= ie-1 {
				// "[text]({{ … }})": the text holds only the link's
				// object, but the link starts at its "[" in the source.
				qs, _ := b.SourceSpan(q.Start, q.End)
				ins, _ := b.SourceSpan(is, ie)
				whole = qs <= ct.Start && ct.Start <= ins
			}
			if !whole && ct.Kind == lint.TemplateLink {
				whole = c.templateLinkWraps(b, q, ct, is, ie)
			}
			note := ct.Kind == lint.FootnoteRef || ct.Kind == lint.PandocCite
			if whole || note && noWordsIn(b.Text[ct.TextEnd:ie]) {
				return true
			}
		case ct.TextStart >= q.End && ct.TextStart-q.End <= 4 && noWordsIn(b.Text[q.End:ct.TextStart]):
			return true
		case ct.TextEnd <= q.Start && q.Start-ct.TextEnd <= 2 && noWordsIn(b.Text[ct.TextEnd:q.Start]):
			return true
		}
	}
	// A footnote written in HTML: ”<sup><a href="#fn1">1</a></sup>
	const window = 8 // bytes after the quote where the note may start
	if !c.blockTags(b).sup {
		return false
	}
	_, e := b.SourceSpan(q.Start, q.End)
	rest := c.src[e:min(len(c.src), e+window)]
	return strings.HasPrefix(strings.TrimLeft(string(rest), ".,;"), "<sup")
}

// templateLinkWraps reports whether ct, a template link whose object
// starts inside quote q (inner span is:ie), is a link on the whole quote
// that the text of b does not show as one: "[“…]({{ … }}).”", the
// opening mark inside the link's "[" and the closing one after it, or
// "“<a href="{{< ref "x" >}}">…</a>.”", an HTML link whose tag the
// template spans, so that its object stands before the link's text.
func (c *quoteCheck) templateLinkWraps(b *lint.Block, q lint.Quote, ct *lint.Citation, is, ie int) bool {
	qs, qe := b.SourceSpan(q.Start, q.End)
	if qs < 0 || ct.Start < 0 || ct.End > len(c.src) || qe > len(c.src) {
		return false
	}
	if ct.TextEnd >= ie-1 && ct.Start < qs {
		return c.src[ct.Start] == '[' && noWordsIn(string(c.src[ct.Start:qs]))
	}
	if c.src[ct.Start] != '<' || ct.TextStart > is+1 || ct.End >= qe {
		return false
	}
	// The source of the closing mark may be an entity: "&#8221;".
	_, ine := b.SourceSpan(is, ie)
	if ine < ct.End || ine > qe {
		return false
	}
	end := bytes.Index(bytes.ToLower(c.src[ct.End:ine]), []byte("</a>"))
	return end >= 0 && noWordsIn(string(c.src[ct.End+end+len("</a>"):ine]))
}

// attributedBefore looks for an attribution between the start of the
// quote's sentence (or the end of the previous quotation in the paragraph)
// and its opening mark; prev is the quotation before, or nil.
func (c *quoteCheck) attributedBefore(part quotePart, prev *quotation) bool {
	b, q := part.b, part.q
	text := b.Text
	si := b.SentenceAt(q.Start)
	start := 0
	if len(b.Sentences) > 0 {
		start = b.Sentences[si].Start
	}
	sentenceStart := true
	if prev != nil && prev.last().b == b && prev.last().q.End > start {
		start = prev.last().q.End
		sentenceStart = false
	}
	if start > q.Start {
		start = q.Start
	}
	before := trimRightSpace(text[start:q.Start])
	cueEnd := start + len(before)
	if strings.HasSuffix(before, ":") {
		if !bareLeadIn(before) && c.leadNamesSomeone(strings.TrimSuffix(before, ":"), sentenceStart) {
			return true // Lopez: "…"; The ministry's answer was blunt: "…"
		}
		cueEnd-- // "On Facebook:" names a place, not a speaker
	} else if sentenceStart && ownedWordsLead(before) {
		return true // My next words were, "…"; Her reply was, "…"
	}
	if c.cueIn(b, start, cueEnd, -1, false) || c.quotingLead(before) {
		return true
	}
	if c.hasCite(b, start, q.Start) {
		return true
	}
	if sentenceStart && definedAs(before) {
		return true
	}
	if sentenceStart && (documentSubject(text, start, q.Start) || ownedAim(text, start, q.Start)) || linkedBefore(b, start, q.Start) || ownedAimBefore(before) {
		return true
	}
	// A speaker named in the sentence before, in the same paragraph.
	if sentenceStart && si > 0 && (c.attributionSentence(b, si-1) || c.askedOf(b, si-1)) {
		return true
	}
	// A quote opening its paragraph after one that ends with a colon, or
	// in a run of paragraphs of nothing but quotations after one that
	// such a colon introduced.
	return before == "" && q.Start == leadingSpaceLen(text) && (c.introduction(b, b.Start) != nil || c.continuesRun(b))
}

// maxQuotedSourceWords bounds the source named after a verb of
// quoting-verb: a name and its role ("my colleague Robert Read").
const maxQuotedSourceWords = 8

// quotingLead reports whether before, the words of a sentence up to a
// quote, end in a verb of quoting-verb, its object naming someone, and a
// comma: "To quote Alan Turing,", "Quoting the harbour master,". The
// object is the quotation's source.
func (c *quoteCheck) quotingLead(before string) bool {
	lead, ok := strings.CutSuffix(before, ",")
	if !ok {
		return false
	}
	lead = trimRightSpace(lead)
	for i := 0; ; {
		ws, we := quoteNextWord(lead, i, len(lead))
		if ws < 0 {
			return false
		}
		i = we
		if _, ok := prose.EndsWith(lead[:we], prose.QuotingVerb); !ok {
			continue
		}
		obj := lead[we:]
		return !strings.ContainsAny(obj, ",;:") && !noWordsIn(obj) &&
			quoteWords(obj, 0, len(obj), maxQuotedSourceWords+1) <= maxQuotedSourceWords && c.leadNamesSomeone(obj, false)
	}
}

// askedOf reports whether sentence si of b, right before a quote that
// opens the next sentence, is a question put to someone named: an
// auxiliary ("do", "does", "did", a modal, a form of "have") and then a
// name inside the sentence ("What advice does Aaron have for other
// teams?", "How would Ruiz fix it?"). The quote is that person's answer,
// as an interview's paragraph under a question is.
func (c *quoteCheck) askedOf(b *lint.Block, si int) bool {
	st := b.Sentences[si]
	text := trimRightSpace(b.Text[st.Start:min(st.End, len(b.Text))])
	if !strings.HasSuffix(text, "?") || strings.ContainsAny(text, "“”\"") {
		return false
	}
	prev := ""
	for i, n := 0, 0; n < maxAskedWords; n++ {
		ws, we := quoteNextWord(text, i, len(text))
		if ws < 0 {
			return false
		}
		i = we
		w := text[ws:we]
		if r, _ := utf8.DecodeRuneInString(w); n > 0 && unicode.IsUpper(r) && w != "I" && isAuxiliary(prev) {
			return true
		}
		prev = w
	}
	return false
}

// maxAskedWords bounds the words of a question askedOf reads.
const maxAskedWords = 24

// isAuxiliary reports whether w is "do", "does", "did", a modal or a form
// of "have": the verb before the subject of a question.
func isAuxiliary(w string) bool {
	return prose.Has(w, prose.DoAux) || prose.Lookup(w).Is(prose.ModalWord) || prose.Has(w, prose.PerfectAux)
}

// maxRunParagraphs bounds how far back continuesRun looks for the
// paragraph that a colon introduced.
const maxRunParagraphs = 16

// continuesRun reports whether b, a paragraph of nothing but quotations
// in one sentence, follows a run of such paragraphs, one right after
// another, whose first a colon introduced: the next lines of a dialogue or the next items of
// a list of questions ("the questions started flowing the other way:"
// then "“Wait, what’s WIP?”", "“WIP stands for …”", "“So a WIP limit
// is…”"), as blockquotes run after an introduced one.
func (c *quoteCheck) continuesRun(b *lint.Block) bool {
	if !c.quoteLine(b) {
		return false
	}
	for range maxRunParagraphs {
		prev := c.blockBefore(b, b.Start)
		if prev == nil || !c.quoteLine(prev) {
			return false
		}
		if c.introduction(prev, prev.Start) != nil {
			return true
		}
		b = prev
	}
	return false
}

// quoteLine reports whether b is a paragraph of nothing but quotations in
// one sentence: a line of a dialogue or a question of a list. A
// paragraph of several sentences is more often a speech quoted over
// paragraphs, whose speaker the news convention names again.
func (c *quoteCheck) quoteLine(b *lint.Block) bool {
	return len(b.Sentences) == 1 && c.quoteOnly(b)
}

// maxDefinedWords bounds the words between a verb of defining and the
// "as" before the quote: the term defined ("defines a meme as").
const maxDefinedWords = 6

// definedAs reports whether before, a sentence's words up to a quote,
// ends in a verb of define-verb, the term and "as", after a subject that
// names someone: a capitalised word past the sentence's first, or a first
// word in capitals that is no determiner, pronoun or quantifier
// ("Tyson defined citizen science as “…”", "Merriam-Webster officially
// defines a meme as “…”", "The authors (Malcolm Frank …) define code
// halos as “…”"; not "The guide defines it as “…”", "Rules that define
// a benefit as “…”").
func definedAs(before string) bool {
	if quoteLastWord(before) != "as" {
		return false
	}
	end := len(before) - len("as")
	for range maxDefinedWords + 1 {
		ws, we := quoteLastWordSpan(before[:end])
		if ws < 0 || strings.TrimSpace(before[we:end]) != "" {
			return false // the term defined runs unbroken: "…, as “…”" is no definition
		}
		if prose.Has(before[ws:we], prose.DefineVerb) {
			return namesSubject(before[:ws])
		}
		end = ws
	}
	return false
}

// namesSubject reports whether the words before a verb, from the start of
// their sentence, hold a name: a capitalised word past the first, or a
// capitalised first word that is no determiner, pronoun or quantifier.
func namesSubject(s string) bool {
	first := true
	for ws, we := quoteNextWord(s, 0, len(s)); ws >= 0; ws, we = quoteNextWord(s, we, len(s)) {
		w := s[ws:we]
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			if !first || !prose.Lookup(w).Is(prose.Determiner|prose.Pronoun|prose.Quantified|prose.VagueSource) {
				return true
			}
		}
		first = false
	}
	return false
}

// maxLabelWords bounds a lead-in read as a label naming the colon's
// source ("The crowd:", "His final assessment:", "18F recommendation:")
// rather than a clause that must hold someone.
const maxLabelWords = 3

// leadNamesSomeone reports whether the words before a colon that
// introduces a quotation hold someone who may speak it: a name, a
// pronoun or possessive, a role, a source or a written work, or a speech
// cue the model did not read as an attribution ("Lopez:", "The
// ministry's reply was blunt:", "His final assessment:", "Fox News:",
// "The email goes on to say:"). A lead-in of more than a label's words
// with nobody in it ("A few facts are worth repeating:", "The scheduling
// was so odd that:") introduces words without saying whose they are.
// opens says the lead-in opens its sentence, whose first capital names no
// one unless the word is a name.
func (c *quoteCheck) leadNamesSomeone(lead string, opens bool) bool {
	if !strings.ContainsAny(lead, ",;") && quoteWords(lead, 0, len(lead), maxLabelWords+1) <= maxLabelWords {
		return true // a label, "The crowd:", "18F recommendation:": the colon's source
	}
	// "it" is a thing ("it may have an impact that:"); a written work is
	// someone when it stands on its own ("the negligence law"), not in a
	// compound ("through the lens of negotiating strategy").
	n := 0
	prev, prev2 := "", "" // the two words before w
	for i := 0; ; n++ {
		ws, we := quoteNextWord(lead, i, len(lead))
		if ws < 0 {
			return false
		}
		i = we
		w := lead[ws:we]
		e := prose.Lookup(w)
		if e.Is(prose.Pronoun) && !strings.EqualFold(w, "it") || e.Is(prose.FirstPerson|prose.Role|prose.SourceNoun|prose.Body|prose.Cue) ||
			e.Is(prose.VagueSource) && !c.quantifiesThing(lead, we) ||
			isPossessive(w) || prose.Has(w, prose.PossessiveDeterminer) && !strings.EqualFold(w, "its") || prose.Has(w, prose.DocumentNoun) && (determines(prev) || determines(prev2)) {
			return true
		}
		if strings.IndexFunc(w, unicode.IsUpper) >= 0 && (n > 0 || !opens || e.Class == 0 || c.sources.ProperName(w)) {
			return true
		}
		prev2, prev = prev, w
	}
}

// ownedWordsLead reports whether before, the words that open a sentence
// up to a quotation, are an owner's words and a form of "be" before a
// comma: "My next words were,", "Her reply was,", "Sam's advice is,". The
// owner speaks the quotation, as with a colon (leadNamesSomeone).
func ownedWordsLead(before string) bool {
	lead, ok := strings.CutSuffix(before, ",")
	if !ok {
		return false
	}
	lead = trimRightSpace(lead)
	be := quoteLastWord(lead)
	if be == "" || !prose.Lookup(be).Is(prose.BeVerb) {
		return false
	}
	subject := trimRightSpace(lead[:len(lead)-len(be)])
	if !prose.Has(quoteLastWord(subject), prose.SpeechNoun) || strings.ContainsAny(subject, ",;:") {
		return false
	}
	ws, we := quoteNextWord(subject, 0, len(subject))
	if ws < 0 || quoteWords(subject, 0, len(subject), 6) > 5 {
		return false
	}
	w := subject[ws:we]
	return isPossessive(w) || strings.EqualFold(w, "my") || strings.EqualFold(w, "our")
}

// quantifiesThing reports whether the word ending at lead[:end], a vague
// source such as "some" or "many", stands as a determiner before a noun
// that names no one: "some kind of bargain", "many choices". Before a
// source noun, a role or a name it is someone ("many voters", "some
// Republicans"); on its own too ("Some:").
func (c *quoteCheck) quantifiesThing(lead string, end int) bool {
	ws, we := quoteNextWord(lead, end, len(lead))
	if ws < 0 {
		return false
	}
	w := lead[ws:we]
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return false
	}
	e := prose.Lookup(w)
	return !e.Is(prose.Role | prose.SourceNoun | prose.VagueSource | prose.Body | prose.Pronoun | prose.Cue | prose.Preposition)
}

// maxLeadInWords bounds a lead-in that bareLeadIn reads as naming no
// speaker: "With an appeal to voters:" is a phrase, a longer run is
// likely a clause with a subject.
const maxLeadInWords = 6

// bareLeadIn reports whether before, the words of a sentence up to a
// colon right before a quote, are only a short phrase opened by a
// preposition that names no speaker: "About the mayor:", "On Facebook:",
// "In a statement:". Such a colon introduces the quote without saying
// who speaks. A possessive keeps the colon's speaker ("In Ho's words:",
// "In his words:"), as does a comma, after which a speaker may stand
// ("On Twitter, Ruiz:").
func bareLeadIn(before string) bool {
	lead := strings.TrimSuffix(before, ":")
	if strings.ContainsAny(lead, ",;") {
		return false
	}
	n := 0
	for i := 0; ; n++ {
		ws, we := quoteNextWord(lead, i, len(lead))
		if ws < 0 {
			break
		}
		w := lead[ws:we]
		if n == 0 && !prose.Has(w, prose.LeadPreposition) || n >= maxLeadInWords || isPossessive(w) {
			return false
		}
		i = we
	}
	return n > 1
}

// attributedAfter looks for an attribution between the closing mark and
// the end of the sentence (or the next quotation); when the quote ends its
// sentence, a short tag sentence after it ("Why now?" Smith asked.) counts.
// next is the quotation after, or nil.
func (c *quoteCheck) attributedAfter(part quotePart, next *quotation) bool {
	b, q := part.b, part.q
	text := b.Text
	limit := len(text)
	if next != nil && next.first().b == b {
		limit = next.first().q.Start
	}
	si := b.SentenceAt(max(q.End-1, 0))
	end := limit
	if si < len(b.Sentences) {
		end = min(b.Sentences[si].End, limit)
	}
	end = max(end, q.End)
	after := text[q.End:end]
	rest := strings.TrimLeftFunc(after, isSpaceOrPause)
	if startsWithDashLine(rest) || isPageCitation(rest) || c.templateNameAfter(b, q) {
		return true
	}
	if c.cueAfter(b, q, end) || c.hasCite(b, q.End, end) {
		return true
	}
	if c.nextWordFrom(b, q.End) < end {
		return false
	}
	if si+1 >= len(b.Sentences) {
		return c.nextWordFrom(b, q.End) >= len(text) && c.signedNext(b)
	}
	tag := b.Sentences[si+1]
	if tag.Start >= limit {
		return false
	}
	words := quoteTagWords
	if pointsBack(text, tag.Start, limit) || namedWithAppositive(text, tag.Start, limit) {
		words = -1 // This is how Labor's Jared Benoff describes it.
	}
	return c.cueIn(b, tag.Start, min(tag.End, limit), words, false) || c.hasCite(b, q.End, min(tag.End, limit))
}

// namedWithAppositive reports whether the sentence in text[start:end]
// opens with a name followed by a comma, as a speaker described at
// length does: "Janet Stevens, chief information officer at the
// department and moderator, asked the panel."
func namedWithAppositive(text string, start, end int) bool {
	at := start
	for i := range 3 {
		ws, we := quoteNextWord(text, at, end)
		if ws < 0 {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(text[ws:]); !unicode.IsUpper(r) || i == 0 && isDeterminer(text[ws:we]) {
			return false
		}
		if strings.HasPrefix(text[we:], ",") {
			return true
		}
		at = we
	}
	return false
}

// pointsBack reports whether the sentence in text[start:end] opens by
// pointing back at the quote before it as something said, so that a
// speech verb anywhere in it attributes the quote: "This is how the
// mayor describes it", "That's what the chair told reporters".
func pointsBack(text string, start, end int) bool {
	var w [3]string
	for i, at := 0, start; i < len(w); i++ {
		ws, we := quoteNextWord(text, at, end)
		if ws < 0 {
			break
		}
		w[i], at = strings.ToLower(text[ws:we]), we
	}
	if w[0] == "that's" || w[0] == "that’s" {
		w[0], w[1], w[2] = "that", "is", w[1]
	}
	return (w[0] == "this" || w[0] == "that") && (w[1] == "is" || w[1] == "was") && (w[2] == "how" || w[2] == "what")
}

func isSpaceOrPause(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '.' || r == ';' }

// isPageCitation reports whether s opens with a page reference to the
// work under discussion: (p. 21), (pp. 4–5), (page 3).
func isPageCitation(s string) bool {
	return strings.HasPrefix(s, "(p. ") || strings.HasPrefix(s, "(pp. ") || strings.HasPrefix(s, "(page ")
}

// signedNext reports whether the block after b, in the same container, is
// an attribution line: "— Name, title".
func (c *quoteCheck) signedNext(b *lint.Block) bool {
	blocks := c.p.Doc.Blocks
	if b.Index+1 >= len(blocks) {
		return false
	}
	next := blocks[b.Index+1]
	return next.Parent == b.Parent && startsWithDashLine(strings.TrimLeftFunc(next.Text, unicode.IsSpace)) && !dashHeading(next.Text)
}

// dashHeading reports whether text, a paragraph opening with a dash, also
// closes with one (a full stop after it aside): a section heading set
// between dashes, "– Country less safe –", not a signature.
func dashHeading(text string) bool {
	t := strings.TrimSuffix(strings.TrimRightFunc(text, unicode.IsSpace), ".")
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '–' || r == '—' || r == '-'
}

// quoteTagWords is how far into the sentence after a quote a speech verb may
// sit to attribute it: "Why now?" the senator asked.
const quoteTagWords = 5

// hasCite reports whether the source of the text span holds a <cite>.
func (c *quoteCheck) hasCite(b *lint.Block, start, end int) bool {
	if start >= end {
		return false
	}
	if !c.blockTags(b).cite {
		return false // most blocks: no need to map the span
	}
	s, e := b.SourceSpan(start, end)
	return containsTagFold(c.src[s:e], "<cite")
}

// blockTags says which HTML tags that attribute a quotation a block's
// source holds.
type blockTags struct{ cite, sup bool }

// blockTags returns, once per block, whether its source holds <cite> and
// whether it (or the few bytes after it, where a note may start) holds
// <sup>.
func (c *quoteCheck) blockTags(b *lint.Block) blockTags {
	if t, ok := c.tags[b.Index]; ok {
		return t
	}
	const window = 8 // bytes after the block where a note may start
	t := blockTags{
		cite: containsTagFold(c.src[b.Start:b.End], "<cite"),
		sup:  bytes.Contains(c.src[b.Start:min(len(c.src), b.End+window)], []byte("<sup")),
	}
	c.tags[b.Index] = t
	return t
}

// continueSpeakers passes attribution along a paragraph: a later quotation
// keeps the current speaker, and quotations run together with nothing but
// punctuation between them share one.
func continueSpeakers(qs []*quotation) {
	for i := 1; i < len(qs); i++ {
		if !qs[i].attributed && qs[i-1].attributed && qs[i-1].last().b == qs[i].first().b {
			qs[i].attributed = true
		}
	}
	for i := len(qs) - 2; i >= 0; i-- {
		a, b := qs[i].last(), qs[i+1].first()
		if !qs[i].attributed && qs[i+1].attributed && a.b == b.b && noWordsIn(a.b.Text[a.q.End:b.q.Start]) {
			qs[i].attributed = true
		}
	}
}

// cueIn reports whether the attribution model finds a cue of speech or
// writing in b.Text[start:end] (within its first maxWords words, when
// maxWords is not negative), or one of the configured speech verbs. wide
// says the span lies outside the quotation's own sentence, where a cue of
// finding or an everyday verb ("Inspectors found cracked shelters.",
// "One driver had volunteered for every shift.") speaks no quotation, nor
// does "in" with a work ("“…,” in the statement. “…”"), nor a request
// ("She asked for the interview.").
func (c *quoteCheck) cueIn(b *lint.Block, start, end, maxWords int, wide bool) bool {
	if start >= end {
		return false
	}
	p := c.sources.Paragraph(b)
	as := p.Attributions()
	i := sort.Search(len(as), func(i int) bool { return as[i].Cue.Start >= start })
	for ; i < len(as) && as[i].Cue.Start < end; i++ {
		a := as[i]
		if holdsView(b.Text, a) || a.Source.Empty() || a.Cue.End > end || wide && (a.Near || isIn(b.Text, a) || askedFor(b.Text, a)) || asideDash(b.Text, a) || noSpeaker(b.Text, a) ||
			!wide && predicateAfter(b.Text, a, end) || openingRelative(b, a) {
			continue // a view, or nobody to speak ("reportedly", "it is believed")
		}
		if maxWords < 0 || strings.Count(b.Text[start:a.Cue.Start], " ") <= maxWords {
			return true
		}
	}
	for _, v := range c.opts.SpeechVerbs {
		if containsWord(b.Text[start:end], v) {
			return true
		}
	}
	return false
}

// cueAfter is cueIn for the rest of q's sentence, up to end: a cue counts
// when it is the quote's own tag. A cue inside a subordinate clause
// opened after the quote is not, whether the quote ends in a comma, the
// slot of "“…,” she said" ("“…,” at the rally where Trump spoke"), or not
// ("“…” until Haley said she would run"); nor is one
// whose source is a bare relative pronoun with no name between it and the
// quote ("“…,” who spoke on condition of anonymity"). Nor does "in" with
// its source ("“…,” in a statement on Monday"): after the quote it says
// where the words appeared, not who spoke them.
func (c *quoteCheck) cueAfter(b *lint.Block, q lint.Quote, end int) bool {
	start := q.End
	if start >= end {
		return false
	}
	scan := clauseScan{text: b.Text, start: start, at: start}
	// Where the first word after the quote that opens a new clause
	// stands, read once for all the cues (see clauseOpener).
	opener := -1
	p := c.sources.Paragraph(b)
	as := p.Attributions()
	i := sort.Search(len(as), func(i int) bool { return as[i].Cue.Start >= start })
	for ; i < len(as) && as[i].Cue.Start < end; i++ {
		a := as[i]
		if holdsView(b.Text, a) || a.Source.Empty() || a.Cue.End > end || isIn(b.Text, a) ||
			asideDash(b.Text, a) || noSpeaker(b.Text, a) || ownedSpeechAfter(b.Text, a) || sourceInQuote(b.Text, q, a) {
			continue
		}
		if a.Content.Start >= a.Cue.End && laterQuoteIn(b, a) {
			if opener < 0 {
				opener = clauseOpener(b.Text, start, end)
			}
			if opener < min(a.Cue.Start, max(a.Source.Start, start)) {
				continue // the later quotation's tag
			}
		}
		from := a.Cue.Start
		if a.Source.Start >= start {
			from = min(from, a.Source.Start)
		}
		if !scan.openBefore(from) && !(clauseOpens(b.Text, a.Source) && a.Source.Start >= start && noWordsIn(b.Text[start:a.Source.Start])) {
			return true
		}
	}
	for _, v := range c.opts.SpeechVerbs {
		if containsWord(b.Text[start:end], v) {
			return true
		}
	}
	return false
}

// sourceInQuote reports whether a, a cue after q, takes its source from
// inside q's marks with no capitalised word between q and the word after
// the cue that could name the speaker: the words' own subject speaks within
// them ("“…, and I said that …,” answering a question" names nobody;
// "“…,” Read said" is the model misreading a name).
func sourceInQuote(text string, q lint.Quote, a prose.Attribution) bool {
	if a.Source.Start < q.Start || a.Source.End > q.End {
		return false
	}
	// The word right after the cue too: "“…,” said State Senator Ruiz",
	// "said {{ "ana" | team_link }}".
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[a.Cue.End:], " ")); r == lint.ObjectRune {
		return false
	}
	end := a.Cue.End
	if _, we := quoteNextWord(text, a.Cue.End, len(text)); we > 0 {
		end = we
	}
	for i := q.End; ; {
		ws, we := quoteNextWord(text, i, end)
		if ws < 0 {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(text[ws:]); !unicode.IsLower(r) {
			return false // a name
		}
		i = we
	}
}

// ownedSpeechAfter reports whether a is a noun of something said owned
// by the possessive right before it (**speech-noun**), whose content is
// what follows it, a word right after it: after a quote, "“…,” his
// claims that he had …" and "“…,” Mrs. Clinton's emphasis on …" name
// what the sentence speaks of, not the quote's speaker ("“…,” his
// statement said" has its own verb).
func ownedSpeechAfter(text string, a prose.Attribution) bool {
	if a.Source.End > a.Cue.Start || a.Content.Start < a.Cue.End || a.Content.Empty() ||
		!prose.Has(text[a.Cue.Start:a.Cue.End], prose.SpeechNoun) {
		return false
	}
	// A word goes on after the noun: "in the mayor's words — passed"
	// sets the words off as an aside, the quote's tag.
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[a.Cue.End:], " "))
	owner := text[a.Source.Start:a.Source.End]
	return unicode.IsLetter(next) && strings.TrimSpace(text[a.Source.End:a.Cue.Start]) == "" &&
		(endsPossessive(owner) || prose.Has(quoteLastWord(owner), prose.PossessiveDeterminer))
}

// laterQuoteIn reports whether the content of a, which opens after its
// cue, holds a quotation opening there: the cue introduces that later
// quotation ("what she calls “…”", "whom he called a “…”", "has told his
// team that “…”"). cueAfter takes such a cue for the later quotation's
// tag, not the earlier one's, when a new clause opens between them
// (clauseOpener).
func laterQuoteIn(b *lint.Block, a prose.Attribution) bool {
	// Quotes are in order of their opening marks: the first top-level
	// one after the cue is the only one to check.
	i := sort.Search(len(b.Quotes), func(i int) bool { return b.Quotes[i].Start >= a.Cue.End })
	for ; i < len(b.Quotes) && b.Quotes[i].Start < a.Content.End; i++ {
		if b.Quotes[i].Depth == 0 {
			return b.Quotes[i].Start >= a.Content.Start
		}
	}
	return false
}

// clauseOpener returns where the first word in text[start:end], the words
// after a quote, that opens a new clause starts, or end: a word of
// **clause** ("until", "whom", "what"; "“…,” but also hungry for what she
// calls “…”"), with "and", "but" and "or" only first or after a comma,
// since they also join two names ("the senator and candidate told"), and
// never "as" or "to", which open the quotation's own tag ("as she put
// it", "to reporters, Ruiz said"). A cue before that word is the quote's
// own tag however the model reads its content ("“…,” Mr. Conant, the
// consultant, said, “…”").
func clauseOpener(text string, start, end int) int {
	for i := start; ; {
		ws, we := quoteNextWord(text, i, end)
		if ws < 0 {
			return end
		}
		w := text[ws:we]
		switch strings.ToLower(w) {
		case "as", "to":
		case "and", "but", "or":
			if i == start || strings.HasSuffix(trimRightSpace(text[start:ws]), ",") {
				return ws
			}
		default:
			if prose.Lookup(w).Is(prose.ClauseWord) {
				return ws
			}
		}
		i = we
	}
}

// clauseScan reads the words after a quote once for all the cues that
// follow it (cues come in order), so a long run of them is not read
// again for each.
type clauseScan struct {
	text      string
	start, at int  // where the scan began, and the end of the last word read
	open      bool // a subordinate clause opened and no comma closed it
}

// openBefore reports whether the words from the scan's start up to end hold
// a word that opens a subordinate clause (subordinator), or after another
// word a relative one (relative-word: "the bruises that Fields showed"),
// with no comma after it to close the clause: "when they join, said
// Bacon" closes it. The first word read is never relative: "“…,” that
// official said".
func (s *clauseScan) openBefore(end int) bool {
	if end < s.at {
		s.at, s.open = s.start, false // a source before the last cue read: read again
	}
	for {
		ws, we := quoteNextWord(s.text, s.at, end)
		if ws < 0 {
			return s.open && !strings.Contains(s.text[s.at:end], ",")
		}
		if strings.Contains(s.text[s.at:ws], ",") {
			s.open = false
		}
		if prose.Has(s.text[ws:we], prose.Subordinator) || prose.Has(s.text[ws:we], prose.RelativeWord) && s.at > s.start {
			s.open = true
		}
		s.at = we
	}
}

// openingRelative reports whether a's source is only a relative pronoun
// that opens its sentence, with no noun before it to stand for: "Who
// spoke on condition of anonymity, of the senator, “…”" names nobody.
func openingRelative(b *lint.Block, a prose.Attribution) bool {
	switch strings.ToLower(b.Text[a.Source.Start:a.Source.End]) {
	case "who", "whom", "which":
	default:
		return false
	}
	st := b.Sentences[b.SentenceAt(a.Source.Start)]
	return st.Start <= a.Source.Start && noWordsIn(b.Text[st.Start:a.Source.Start])
}

// clauseOpens reports whether a source is only a relative pronoun: "who".
func clauseOpens(text string, src prose.Span) bool {
	w := text[src.Start:src.End]
	return prose.Lookup(w).Is(prose.ClauseWord) && !strings.ContainsAny(w, " ")
}

// asideDash reports whether a is a dash line whose source opens in
// lowercase: an aside ("“…” — an issue Democrats have struggled with"),
// not a signature, as startsWithDashLine judges the dash after a quote.
func asideDash(text string, a prose.Attribution) bool {
	if prose.DashAt(text, a.Cue.Start) == 0 && text[a.Cue.Start] != '-' {
		return false
	}
	return !signs(text[a.Source.Start:a.Source.End])
}

// isIn reports whether a is read from "in" and a work ("in a statement",
// "in the letter"): it says where words appeared, not who spoke them, so
// it attributes no quotation after it in its sentence ("“…,” in a
// statement on Monday.") nor in the next sentence.
func isIn(text string, a prose.Attribution) bool {
	return strings.EqualFold(text[a.Cue.Start:a.Cue.End], "in")
}

// holdsView reports whether an attribution gives a view rather than
// words: a cue of belief, or one of forecast, which the model counts as a
// source for a figure ("the IMF expects growth of 1.6 percent") but which
// speaks no quotation ("He expects Obama to “clearly demonstrate …”").
func holdsView(text string, a prose.Attribution) bool {
	return a.Belief || prose.Has(text[a.Cue.Start:a.Cue.End], prose.ForecastCue)
}

// noSpeaker reports whether an attribution the model read names nobody
// who speaks: its cue is a noun capitalised right after another word, the
// head of a name ("The Washington Post", "the Cook Political Report"), or
// a noun after a phrase opened by a preposition, which says when, where or
// how words were spoken ("in a conference call", "During their phone
// call", "on a media call", "for many state workers"), not who spoke them.
// A participle there speaks for the sentence's subject ("On Friday,
// Carson endorsed Trump, calling him …"), and a relative clause for the
// noun before it ("In an address that spoke to the “…”").
func noSpeaker(text string, a prose.Attribution) bool {
	cue := text[a.Cue.Start:a.Cue.End]
	if afterPreposition(text, a.Cue.Start, cue) {
		return true // "the secretary of state", "asked for comment"
	}
	if r, _ := utf8.DecodeRuneInString(cue); unicode.IsUpper(r) && prose.Lookup(cue).Is(prose.NounCue) {
		before := trimRightSpace(text[:a.Cue.Start])
		if last, _ := utf8.DecodeLastRuneInString(before); unicode.IsLetter(last) || unicode.IsDigit(last) {
			return true
		}
	}
	if bareApplause(text, a.Cue.End, cue) {
		return true // "the crowd applauded loudly"
	}
	if a.Source.Start < a.Cue.Start && nounCompound(text, a.Cue.Start, cue) {
		return true // "a press call", "Murphy’s conference call"
	}
	if a.Source.Start > a.Cue.Start || strings.HasSuffix(cue, "ing") || clauseBetween(text[a.Source.End:a.Cue.Start]) {
		return false // "according to X", "said X"; "…, calling him"; "an address that spoke"
	}
	src := text[a.Source.Start:a.Source.End]
	if !prose.Has(quoteFirstWord(src), prose.LeadPreposition) {
		return false
	}
	// The model may cut a long source to its last words ("of the James
	// Martin Center …", "in September she"): a name or a pronoun there
	// is someone.
	for i := 0; ; {
		ws, we := quoteNextWord(src, i, len(src))
		if ws < 0 {
			return true
		}
		w := src[ws:we]
		if r, _ := utf8.DecodeRuneInString(w); ws > 0 && unicode.IsUpper(r) || prose.Lookup(w).Is(prose.Pronoun) {
			return false
		}
		i = we
	}
}

// nounCompound reports whether cue, a cue word at text[at:] that may
// end a noun compound (**compound-cue**: "call"), does: after "a", "an",
// "every", "each", "another", "no" or a singular possessive and a
// singular lowercase noun, it cannot be that noun's verb, which would
// take an "s" ("a press call", "a fundraising call", "Murphy’s
// conference call"; not "its critics call it", "the officials call").
func nounCompound(text string, at int, cue string) bool {
	if !prose.Has(cue, prose.CompoundCue) {
		return false
	}
	before := trimRightSpace(text[:at])
	i := strings.LastIndexFunc(before, unicode.IsSpace)
	noun := before[i+1:]
	if r, _ := utf8.DecodeRuneInString(noun); !unicode.IsLower(r) || strings.IndexFunc(noun, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) >= 0 ||
		strings.HasSuffix(noun, "s") || prose.Lookup(noun).Is(prose.Pronoun|prose.FirstPerson|prose.ReaderWord|prose.Determiner) {
		return false
	}
	det := lastToken(before[:max(i, 0)])
	switch strings.ToLower(det) {
	case "a", "an", "every", "each", "another", "no":
		return true
	}
	return isPossessive(det) && !strings.HasSuffix(det, "s'") && !strings.HasSuffix(det, "s’")
}

// afterPreposition reports whether a cue word stands right after a
// preposition, where no verb can: it is a noun ("the secretary of
// state", "with comments from the board"). A participle in -ing may
// ("by saying"), and after "as" a participle is the tag ("as reported
// by BuzzFeed").
func afterPreposition(text string, at int, cue string) bool {
	if strings.HasSuffix(cue, "ing") || strings.ContainsAny(cue, " ") || prose.Lookup(cue).Is(prose.PrepCue) {
		return false
	}
	prev := quoteLastWord(trimRightSpace(text[max(0, at-cueWindowLen):at]))
	// A capital may be a name: "“…,” From said."
	r, _ := utf8.DecodeRuneInString(prev)
	return unicode.IsLower(r) && prose.Lookup(prev).Is(prose.Preposition) && prev != "as"
}

// maxPredicateGap bounds the words predicateAfter reads after a noun cue
// for the verb that makes it the subject ("Trump's remarks about a
// Mexican-American federal judge were …"), so that a sentence of many
// such nouns is not read to its end once for each.
const maxPredicateGap = 12

// predicateAfter reports whether the quotation at end (or the colon
// before it) is what a noun cue's sentence says about the words, not the
// words themselves: "Trump's comments “are based on his opinion”",
// "Trump's remarks about the judge were “the textbook definition of …”".
// A verb between the noun and the quotation, or a quotation that opens
// in lowercase right after the noun, makes the noun the subject and the
// quotation someone else's view of it; "Trump's remarks, “…”" and "Ho's
// words: “…”" quote them.
func predicateAfter(text string, a prose.Attribution, end int) bool {
	cue := prose.Lookup(text[a.Cue.Start:a.Cue.End])
	if !cue.Is(prose.QuoteNoun|prose.NounCue) || a.Source.Start > a.Cue.Start {
		return false
	}
	if owner := text[a.Source.Start:a.Source.End]; !endsPossessive(owner) && !prose.Has(quoteLastWord(owner), prose.PossessiveDeterminer) {
		return false // "saying that it was “…”": a verb, not a noun owned
	}
	between := text[a.Cue.End:end]
	for i, n := 0, 0; n < maxPredicateGap; n++ {
		ws, we := quoteNextWord(between, i, len(between))
		if ws < 0 {
			break
		}
		if isBe(between[ws:we]) || prose.Lookup(between[ws:we]).Is(prose.ModalWord) {
			return true
		}
		i = we
	}
	if strings.TrimSpace(between) != "" {
		return false
	}
	r, size := utf8.DecodeRuneInString(text[end:])
	if r != '"' && r != '“' {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text[end+size:])
	return unicode.IsLower(first)
}

// clauseBetween reports whether the words between a source and its cue
// open a relative clause: "an address that spoke".
func clauseBetween(s string) bool {
	for i := 0; ; {
		ws, we := quoteNextWord(s, i, len(s))
		if ws < 0 {
			return false
		}
		if w := s[ws:we]; strings.EqualFold(w, "that") || strings.EqualFold(w, "which") {
			return true
		}
		i = we
	}
}

// containsWord reports whether text holds w as a whole word, ignoring case.
func containsWord(text, w string) bool {
	for i := 0; i+len(w) <= len(text); i++ {
		if strings.EqualFold(text[i:i+len(w)], w) &&
			(i == 0 || !isASCIIWordByte(text[i-1])) && (i+len(w) == len(text) || !isASCIIWordByte(text[i+len(w)])) {
			return true
		}
	}
	return false
}

// documentSubject reports whether the sentence in text[start:end] opens
// with a written work as its subject, which is then the source of the
// quote that follows: "The study will review the "…"", "Our strategic
// plan lays out goals ranging from "…"".
func documentSubject(text string, start, end int) bool {
	ws, we := quoteNextWord(text, start, end)
	if ws < 0 || !isDeterminer(text[ws:we]) && !isPossessive(text[ws:we]) {
		return false
	}
	for range 3 { // the determiner's noun, after at most two modifiers
		if ws, we = quoteNextWord(text, we, end); ws < 0 {
			return false
		}
		if prose.Has(text[ws:we], prose.DocumentNoun) {
			// The quote must follow closely, in the same clause.
			return quoteWords(text, we, end, maxSubjectGap+1) <= maxSubjectGap && !strings.ContainsAny(text[we:end], ",;") && !hedged(text, we, end)
		}
	}
	return false
}

// ownedAim reports whether the sentence in text[start:end] opens with a
// possessive and a noun of a stated aim, whose owner is then the source of
// the quote that follows in the same clause: "The Navy's ambitious goal is
// to make “…”", "Its mission: “…”".
func ownedAim(text string, start, end int) bool {
	// The owner, in at most three words: "Its", "The Navy's", "The port
	// authority's".
	ws, we := quoteNextWord(text, start, end)
	for i := 0; ; i++ {
		if ws < 0 || i == 3 {
			return false
		}
		if w := text[ws:we]; isPossessive(w) || strings.EqualFold(w, "its") || strings.EqualFold(w, "our") {
			break
		}
		ws, we = quoteNextWord(text, we, end)
	}
	for range 3 { // the aim, after at most two modifiers
		if ws, we = quoteNextWord(text, we, end); ws < 0 {
			return false
		}
		if prose.Has(text[ws:we], prose.AimNoun) {
			return quoteWords(text, we, end, maxSubjectGap+1) <= maxSubjectGap && !strings.ContainsAny(text[we:end], ",;")
		}
	}
	return false
}

// templateNameAfter reports whether all that follows q in its block is
// one site template's output tag, which a team page fills in with the
// speaker's name: “…” {{ "ruiz" | team_link }}. A shortcode (an image,
// "{{< img … >}}") names nobody.
func (c *quoteCheck) templateNameAfter(b *lint.Block, q lint.Quote) bool {
	if strings.TrimSpace(b.Text[q.End:]) != string(lint.ObjectRune) {
		return false
	}
	at := q.End + strings.IndexRune(b.Text[q.End:], lint.ObjectRune)
	s, e := b.SourceSpan(at, at+utf8.RuneLen(lint.ObjectRune))
	tag := strings.TrimLeft(string(c.src[s:min(e, s+4)]), " ")
	return strings.HasPrefix(tag, "{{") && !strings.HasPrefix(tag, "{{<") && !strings.HasPrefix(tag, "{{%")
}

// ownedAimBefore reports whether the words right before a quotation are
// an owned aim that the quotation states: a possessive, at most two
// modifiers and a noun of aim, then "to", "of", a form of "be" or a colon
// ("in line with ABMC's strategic goal to “…”", "our mission: “…”"). The
// owner is the source, as when the sentence opens with the aim (ownedAim).
func ownedAimBefore(before string) bool {
	s, colon := strings.CutSuffix(trimRightSpace(before), ":")
	s = trimRightSpace(s)
	w := quoteLastWord(s)
	if strings.EqualFold(w, "to") || strings.EqualFold(w, "of") || prose.Lookup(w).Is(prose.BeVerb) {
		s = trimRightSpace(s[:len(s)-len(w)])
		w = quoteLastWord(s)
	} else if !colon {
		return false // "the president's strategy “will not …”": the aim is the quotation's subject
	}
	if w == "" || !prose.Has(w, prose.AimNoun) {
		return false
	}
	s = trimRightSpace(s[:len(s)-len(w)])
	for range 3 { // the owner, after at most two modifiers
		w = s[strings.LastIndexAny(s, " \t\n")+1:]
		if w == "" || strings.ContainsAny(w, ",;") {
			return false
		}
		if isPossessive(w) || strings.EqualFold(w, "its") || strings.EqualFold(w, "our") || strings.EqualFold(w, "my") {
			return true
		}
		s = trimRightSpace(s[:len(s)-len(w)])
	}
	return false
}

// maxSubjectGap is how many words may sit between a work named as the
// subject and the quote: "The study will review the "…"".
const maxSubjectGap = 6

// hedged reports whether text[start:end] holds a passive or a modal of
// doubt, which makes the work's subject a thing described rather than a
// source quoted: "the plan would "…"", "the proposal has been called "…"".
func hedged(text string, start, end int) bool {
	for i := start; ; {
		ws, we := quoteNextWord(text, i, end)
		if ws < 0 {
			return false
		}
		i = we
		if w := text[ws:we]; isBe(w) || prose.Has(w, prose.DoubtModal) {
			return true
		}
	}
}

// isPossessive reports whether a word is a possessive: a name with 's, or
// his, her, their.
func isPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’") ||
		w == "his" || w == "her" || w == "their" || w == "His" || w == "Her" || w == "Their"
}

// endsPossessive reports whether the last word of s is a possessive.
func endsPossessive(s string) bool {
	s = trimRightSpace(s)
	return isPossessive(s[strings.LastIndexAny(s, " \t\n")+1:])
}

// quoteNextWord returns the bounds of the first word in text[i:end] — letters
// and digits, with inner apostrophes and hyphens — or -1, -1.
func quoteNextWord(text string, i, end int) (int, int) {
	for i < end {
		if ch := text[i]; ch < utf8.RuneSelf {
			if isASCIIWordByte(ch) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isQuoteWordRune(r) {
			break
		}
		i += size
	}
	if i >= end {
		return -1, -1
	}
	start := i
	for i < end {
		ch := text[i]
		if isASCIIWordByte(ch) {
			i++
			continue
		}
		r, size := rune(ch), 1
		if ch >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isQuoteWordRune(r) {
			if r != '\'' && r != '’' && r != '-' || i+size >= end {
				break
			}
			if next, _ := utf8.DecodeRuneInString(text[i+size:]); !isQuoteWordRune(next) {
				break
			}
		}
		i += size
	}
	return start, i
}

func isQuoteWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isASCIIWordByte(ch byte) bool { return asciiWordBytes[ch] }

// asciiWordBytes marks ASCII letters and digits.
var asciiWordBytes = func() (t [256]bool) {
	for ch := range t {
		t[ch] = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
	}
	return t
}()

func quoteWordAfter(text string, i, end int) string {
	if ws, we := quoteNextWord(text, i, end); ws >= 0 {
		return text[ws:we]
	}
	return ""
}

func quoteFirstWord(s string) string { return quoteWordAfter(s, 0, len(s)) }

// quoteLastWord returns the last word of s when only spaces follow it.
func quoteLastWord(s string) string {
	s = trimRightSpace(s)
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isQuoteWordRune(r) && r != '-' {
			break
		}
		i -= size
	}
	return s[i:]
}

// quoteWords counts the words in text[s:e], up to limit: runs between
// spaces that hold a letter or digit, so that a path or an address is one
// word.
func quoteWords(text string, s, e, limit int) int {
	n := 0
	counted := false // the current run already counts
	for i := s; i < e && n < limit; {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		switch {
		case r == ' ' || r < utf8.RuneSelf && '\t' <= r && r <= '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r):
			counted = false
		case !counted && (isQuoteWordRune(r) || r == lint.ObjectRune):
			n++
			counted = true
		}
	}
	return n
}

// IsTitleCase reports whether quoted words read as a title or a name, as
// this rule judges them: misquoted checks a name quoted in a link's words
// against the linked page.
func IsTitleCase(s string) bool { return isTitleCase(s) }

// isTitleCase reports whether quoted words read as a title ("Making Mobile
// Gov Work for Everyone"): every word but short function words starts
// with a capital or a digit, and no comma or sentence break sits inside.
func isTitleCase(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "?!.:,")
	if strings.Contains(s, ";") || strings.Contains(strings.ReplaceAll(s, "vs. ", "vs "), ". ") {
		return false
	}
	capitals := 0
	for i := 0; ; {
		ws, we := quoteNextWord(s, i, len(s))
		if ws < 0 {
			break
		}
		i = we
		w := s[ws:we]
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			capitals++
		case prose.Has(w, prose.TitleSmallWord):
		default:
			return false
		}
	}
	return capitals >= 2
}

// endsWithPhrase reports whether s ends with phrase as whole words, ignoring
// letter case.
func endsWithPhrase(s, phrase string) bool {
	if len(s) < len(phrase) || !strings.EqualFold(s[len(s)-len(phrase):], phrase) {
		return false
	}
	if len(s) == len(phrase) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(phrase)])
	return !isQuoteWordRune(r)
}

// startsWithDashLine reports whether s opens with a dash (or a spaced
// hyphen) and a name, as the attribution line "— Maria Lopez" does. A
// dash before a lowercase word opens an aside ("“…” — which the agency
// denies — …"), not a signature.
func startsWithDashLine(s string) bool {
	n := prose.DashAt(s, 0)
	if n == 0 && len(s) > 1 && (s[0] == '-' || s[0] == '~') {
		// A hyphen typed for the dash: `"…" - Ruiz`, `"…" -Ruiz`, or
		// right before a site template's name: `"…" -{{ "ruiz" | team_link }}`;
		// a tilde too: `"…" ~ Ruiz` (not "~~", strikethrough).
		if r, _ := utf8.DecodeRuneInString(s[1:]); s[1] == ' ' || unicode.IsUpper(r) || r == lint.ObjectRune {
			n = 1
		}
	}
	if n == 0 {
		return false
	}
	rest := strings.TrimLeftFunc(s[n:], func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	return signs(rest)
}

// signs reports whether s, the words after a dash, open a signature: a
// name with a capital or a digit, a site template's name, or a word of
// signature-lead ("via HHS.gov"). Another lowercase word opens an aside.
func signs(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == lint.ObjectRune || prose.Has(quoteFirstWord(s), prose.SignatureLead)
}

// nextWordFrom returns the offset of the first word rune at or after from
// in b's text, or len(b.Text). Quotations are visited in order, so it
// remembers its last answer: a stretch with no word is read once, not once
// per quotation in it.
func (c *quoteCheck) nextWordFrom(b *lint.Block, from int) int {
	if c.wordAfter.b == b && c.wordAfter.from <= from && from <= c.wordAfter.next {
		return c.wordAfter.next
	}
	next := from
	for next < len(b.Text) {
		r, size := utf8.DecodeRuneInString(b.Text[next:])
		if isQuoteWordRune(r) || r == lint.ObjectRune {
			break
		}
		next += size
	}
	c.wordAfter.b, c.wordAfter.from, c.wordAfter.next = b, from, next
	return next
}

func noWordsIn(s string) bool {
	for _, r := range s {
		if isQuoteWordRune(r) || r == lint.ObjectRune {
			return false
		}
	}
	return true
}

// trimRightSpace is strings.TrimRightFunc(s, unicode.IsSpace), quicker on
// ASCII.
func trimRightSpace(s string) string {
	i := len(s)
	for i > 0 {
		switch s[i-1] {
		case ' ', '\t', '\n', '\r', '\v', '\f':
			i--
			continue
		}
		if s[i-1] >= utf8.RuneSelf {
			return strings.TrimRightFunc(s[:i], unicode.IsSpace)
		}
		break
	}
	return s[:i]
}

func leadingSpaceLen(s string) int { return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace)) }

// containsTagFold reports whether b holds lowerASCII, which starts with
// "<", ignoring letter case.
func containsTagFold(b []byte, lowerASCII string) bool {
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 || len(b)-i < len(lowerASCII) {
			return false
		}
		if strings.EqualFold(string(b[i:i+len(lowerASCII)]), lowerASCII) {
			return true
		}
		b = b[i+1:]
	}
}

// isBe reports whether w makes a passive of the participle after it: a
// form of "be" ("was said"), or "got", "it's".
func isBe(w string) bool { return prose.Lookup(w).Is(prose.BeVerb) || prose.Has(w, prose.PassiveAux) }

// isDeterminer reports whether w makes the word after it a noun: "the
// saying", "a warning".
func isDeterminer(w string) bool { return prose.Lookup(w).Is(prose.Determiner) }

// determines reports whether w owns or determines the noun after it: a
// determiner or a possessive ("the remarks", "Trump’s comments", "its
// report").
func determines(w string) bool {
	return isDeterminer(w) || isPossessive(w) || prose.Has(w, prose.PossessiveDeterminer)
}

// askedFor reports whether a's cue is "ask" in any form right before
// "for": a request for a thing ("Her family asked for privacy."), whose
// content is that thing, not the quotation of the next sentence. In the
// quotation's own sentence the quotation may be what was asked for
// ("Ruiz asked for “a full review of the accounts.”").
func askedFor(text string, a prose.Attribution) bool {
	cue := strings.ToLower(text[a.Cue.Start:a.Cue.End])
	if !strings.HasPrefix(cue, "ask") {
		return false
	}
	return strings.EqualFold(quoteWordAfter(text, a.Cue.End, len(text)), "for")
}

// bareApplause reports whether cue, ending at text[:end], is a cue of
// clapping (**applause-cue**) with no object: the end of its clause, an
// adverb in -ly, "and", "as" or a subordinator after it ("the crowd
// applauded loudly.", "“…,” the crowd applauded."). That is applause, not
// words; with an object it praises ("Ruiz applauded the plan").
func bareApplause(text string, end int, cue string) bool {
	if !prose.Has(cue, prose.ApplauseCue) {
		return false
	}
	rest := strings.TrimLeftFunc(text[end:], unicode.IsSpace)
	if rest == "" || strings.IndexByte(".,;:!?", rest[0]) >= 0 {
		return true
	}
	w := quoteFirstWord(rest)
	return strings.HasSuffix(w, "ly") || prose.Has(w, prose.Subordinator) || strings.EqualFold(w, "and") || strings.EqualFold(w, "as")
}
