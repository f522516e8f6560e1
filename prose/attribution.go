package prose

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// SourceKind says what kind of source an attribution names.
type SourceKind uint8

const (
	// Unnamed is a source the model cannot tie to anyone: "the man said",
	// or "the study found" with nothing named before it in the paragraph.
	Unnamed SourceKind = iota
	// Named is a person or body by name, a role tied to one, a named
	// dataset or poll, or a pronoun or definite description referring back
	// to a name earlier in the paragraph.
	Named
	// Vague names nobody: "studies show", "experts say", "reportedly".
	Vague
	// FirstHand is the writer: "we found", "I counted".
	FirstHand
)

func (k SourceKind) String() string {
	switch k {
	case Named:
		return "named"
	case Vague:
		return "vague"
	case FirstHand:
		return "first-hand"
	}
	return "unnamed"
}

// Span is a run of a paragraph's text, in bytes, end exclusive.
type Span struct{ Start, End int }

// Empty reports whether s holds nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Holds reports whether s holds the whole of t.
func (s Span) Holds(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// Attribution is one "who said what" of a paragraph: a source, the cue
// that attributes, and the content attributed (the PARC / PolNeAR scheme).
type Attribution struct {
	Source  Span // empty for a sourceless cue: "reportedly", "it is believed"
	Cue     Span
	Content Span
	Kind    SourceKind
	// Belief marks a cue of belief or intention ("thinks", "hopes"): it
	// attributes a view, not a quotation or a figure.
	Belief bool
	// Near marks a cue that attributes only within its own sentence: a
	// finding ("found") or an everyday verb ("volunteered", "read").
	Near bool
	// Sentence is the index of the sentence holding the cue.
	Sentence int
	// Method marks a poll's account of how it was made ("the Quinnipiac
	// poll was conducted … among 1,042 voters"): its cue is an action, but
	// the figures it holds are the poll's.
	Method bool
}

// Paragraph is the prose analysis of one paragraph: its attributions by
// sentence. It reads a sentence only when asked about it (or about a later
// one that may refer back), so a rule that asks about one sentence of a
// long paragraph pays for that sentence. It keeps no sentence's words once
// read: they were the model's largest allocation, and a sentence is read
// again (to find the paragraph's first name) only rarely. Its methods are
// safe for concurrent use.
type Paragraph struct {
	Text      string
	Sentences []Sentence
	Quotes    []Quote
	// ProperName, when set, reports whether a word is written with its
	// capital inside sentences elsewhere in the document ("Clinton",
	// "Treasury"), so that a capitalised word opening a sentence is a name
	// ("Clinton aides said") and not a capital that only opens it ("Health
	// officials said"). Set it before asking the paragraph anything.
	ProperName func(w string) bool

	mu           sync.Mutex
	namedEarlier bool
	// outer are the outermost quotations, in order; they do not overlap.
	outer []Span
	// cur are the words of sentence curSent-1 while findInSentence reads
	// it (curSent 0: none), for nameBefore; offer are those of sentence
	// offerSent-1 during an AboutWords call, for findInSentence.
	cur, offer         []Token
	curSent, offerSent int
	// attrs[i] are the attributions whose cue is in sentence i, once found
	// (found[i]), in cue order.
	attrs [][]Attribution
	found []bool
	all   []Attribution // every attribution, once asked for
	// firstName is the start of the first word that names someone, or -1;
	// nameScan counts the sentences read for it so far.
	firstName int
	nameScan  int
	// firstBody and bodyScan do the same for the first name of a public
	// body (bodyNamedBefore); nameInCur caches nameInSentence for
	// sentence nameSent-1 (0: none yet).
	firstBody, bodyScan int
	// firstDoc and docScan do the same for the first named document
	// (docNamedBefore).
	firstDoc, docScan int
	nameSent          int
	nameInCur         bool
	// bodySent caches bodyInSentence's reading of sentence bodySent-1
	// (0: none yet): bodyAt holds the starts of its first two bodies
	// referred to with "the" (-1: none), so that a sentence of many cues
	// is read once, not once per cue.
	bodySent int
	bodyAt   [2]int
	// clauseSubject's walk over sentence clauseSent-1 (0: none yet): the
	// words before clauseScan have been read, and clauseBreak is the last
	// of them that follows a break, or 0. Cues are read in order, so each
	// sentence's words are walked once however many "and said" it holds.
	// clauseAside is the break before a relative aside the walk is inside
	// (", which …,", ", who …,"), or -1.
	clauseSent, clauseScan, clauseBreak, clauseAside int
	// contentAfter's last search for a semicolon that ends a clause, in the
	// sentence starting at semiSent-1 (0: none yet): from the word at
	// offset semiFrom, the first was the word at semiAt, ending at semiEnd
	// (semiAt and semiEnd are the sentence's end when there was none).
	semiSent, semiFrom, semiAt, semiEnd int
	// phraseWord is the word whose phrases phraseList holds (phrasesOf):
	// findCues asks for the phrases of a word twice, a vague phrase and
	// then a prepositional cue, and the lexicon hashes it once.
	phraseWord Span
	phraseList []Phrase
	// The per-sentence slices of a paragraph of at most smallParagraph
	// sentences (most of them) live here, in the one allocation of the
	// Paragraph.
	attrsBuf [smallParagraph][]Attribution
	foundBuf [smallParagraph]bool
}

// smallParagraph is the most sentences whose per-sentence state Analyze
// keeps inside the Paragraph instead of allocating it.
const smallParagraph = 4

// Words returns the tokens of sentence i, in a new slice.
func (p *Paragraph) Words(i int) []Token {
	s := p.Sentences[i]
	return Tokenize(nil, p.Text, s.Start, s.End)
}

// wordsOf returns the words of sentence i: held when held are that
// sentence's (heldSent is i+1), else tokenized into a pooled buffer, which
// it returns too for the caller to give back with PutTokens once done with
// the words (nil when nothing was tokenized).
func (p *Paragraph) wordsOf(i int, held []Token, heldSent int) ([]Token, *[]Token) {
	if heldSent == i+1 {
		return held, nil
	}
	s, buf := p.Sentences[i], GetTokens()
	*buf = Tokenize((*buf)[:0], p.Text, s.Start, s.End)
	return *buf, buf
}

// In returns the attributions whose cue is in sentence i, in cue order.
func (p *Paragraph) In(i int) []Attribution {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sentenceAttributions(i)
}

func (p *Paragraph) sentenceAttributions(i int) []Attribution {
	if !p.found[i] {
		p.findInSentence(i)
		slices.SortStableFunc(p.attrs[i], func(a, b Attribution) int { return a.Cue.Start - b.Cue.Start })
		p.found[i] = true
	}
	return p.attrs[i]
}

// maxQuoteReach bounds, in sentences each way, how far About looks for
// the cue of a quotation that runs over several sentences.
const maxQuoteReach = 16

// About returns the attributions that concern sentence i: those whose cue
// is in it and those whose content overlaps it, in cue order. Beyond i it
// reads only the sentences a quotation overlapping i joins to it, and
// their neighbours (at most maxQuoteReach each way).
func (p *Paragraph) About(i int) []Attribution {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.about(i)
}

// AboutWords is About for a caller that has tokenized sentence i already:
// toks are its words as Tokenize gives them over the sentence, which the
// paragraph reads instead of tokenizing the sentence again. It keeps no
// reference to toks once it returns.
func (p *Paragraph) AboutWords(i int, toks []Token) []Attribution {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.offer, p.offerSent = toks, i+1
	out := p.about(i)
	p.offer, p.offerSent = nil, 0
	return out
}

func (p *Paragraph) about(i int) []Attribution {
	s := p.Sentences[i]
	// A content reaches past its cue's sentence only through a quotation:
	// look further only when one overlaps sentence i.
	lo, hi := i, i
	q0 := sort.Search(len(p.outer), func(k int) bool { return p.outer[k].End > s.Start })
	for k := q0; k < len(p.outer) && p.outer[k].Start < s.End; k++ {
		q := p.outer[k]
		lo = min(lo, p.sentenceAt(q.Start)-1)
		hi = max(hi, p.sentenceAt(q.End-1)+1)
	}
	lo, hi = max(lo, 0, i-maxQuoteReach), min(hi, len(p.Sentences)-1, i+maxQuoteReach)
	var out []Attribution
	for j := lo; j <= hi; j++ {
		for _, a := range p.sentenceAttributions(j) {
			if a.Sentence == i || a.Content.Start < s.End && s.Start < a.Content.End {
				out = append(out, a)
			}
		}
	}
	return out
}

// Attributions returns every attribution of the paragraph, in cue order.
func (p *Paragraph) Attributions() []Attribution {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.all == nil {
		p.all = []Attribution{}
		for i := range p.Sentences {
			p.all = append(p.all, p.sentenceAttributions(i)...)
		}
	}
	return p.all
}

// maxSourceWords bounds a source's phrase: a longer run of words before a
// cue is a clause, not a name.
const maxSourceWords = 8

// maxCueGap bounds the words between a cue and its content ("said in a
// statement on Monday that").
const maxCueGap = 7

// Analyze prepares the analysis of a paragraph: sentences and quotes are
// the paragraph's, as SplitSentences and FindQuotes give them;
// namedEarlier says whether an earlier paragraph of the document named
// someone, to whom "he said" or "the agency found" may refer (see
// Paragraph.Names). The work is done when asked, in time linear in the
// length of the sentences read.
func Analyze(text string, sentences []Sentence, quotes []Quote, namedEarlier bool) *Paragraph {
	n := len(sentences)
	p := &Paragraph{Text: text, Sentences: sentences, Quotes: quotes, namedEarlier: namedEarlier, firstName: -1, firstBody: -1, firstDoc: -1}
	if n <= smallParagraph {
		p.attrs, p.found = p.attrsBuf[:n], p.foundBuf[:n]
	} else {
		p.attrs, p.found = make([][]Attribution, n), make([]bool, n)
	}
	for _, q := range quotes {
		if q.Depth == 0 {
			p.outer = append(p.outer, Span{q.Start, q.End})
		}
	}
	return p
}

// isName reports whether word k of a sentence names someone: a
// capitalised word of two letters or more that is not an everyday word
// (which a sentence's first word might be), a month or a weekday; or
// everyday words capitalised together inside a sentence ("the Census
// Bureau", "a Labor Department spokesman").
func (p *Paragraph) isName(toks []Token, k int) bool { return p.isNameIn(toks, k, true) }

// isNameIn is isName over words toks that open their sentence only when
// opens says so: a source cut from the middle of a sentence ("In the
// poll, Military Times found") has capitals that are not the sentence's
// own, so its first word joins the next as a name does inside a sentence.
func (p *Paragraph) isNameIn(toks []Token, k int, opens bool) bool {
	t := toks[k]
	if t.End-t.Start < 2 || !p.capitalised(t) { // "I", "A"
		return false
	}
	if p.yearLead(toks, k) {
		return false // "FY 2012", "Fiscal 2013": a date, not a body
	}
	if t.Class == 0 || p.acronym(t) {
		return true
	}
	if k == 0 && opens || t.Is(Determiner|FunctionWord|MonthName|Weekday|Pronoun|FirstPerson) {
		return false
	}
	joinedTo := func(j int) bool {
		return (j > 0 || j == 0 && !opens) && j < len(toks) && p.capitalised(toks[j]) && !toks[j].Is(Determiner|FunctionWord) &&
			!toks[min(j, k)].BreakAfter
	}
	return joinedTo(k-1) || joinedTo(k+1)
}

// yearLead reports whether word k leads a year as part of a date
// (date-lead): "FY 2012 prizes", "Fiscal 2013".
func (p *Paragraph) yearLead(toks []Token, k int) bool {
	if k+1 >= len(toks) || toks[k].BreakAfter || !Has(p.word(toks[k]), DateLead) {
		return false
	}
	y := p.word(toks[k+1])
	return len(y) == 4 && strings.Trim(y, "0123456789") == ""
}

// nameOpens reports whether the capitalised first word of a sentence is a
// name rather than a capital that opens the sentence: another capitalised
// word or a cue follows it ("Jane Ruiz", "Ruiz said").
func (p *Paragraph) nameOpens(toks []Token) bool {
	return len(toks) > 1 && !toks[0].BreakAfter && (p.capitalised(toks[1]) && !p.yearLead(toks, 1) || toks[1].Is(Cue|BetweenCue))
}

// namedBefore reports whether a name stands before offset off in the
// paragraph or in an earlier one.
func (p *Paragraph) namedBefore(off int) bool {
	return p.namedEarlier || p.nameBefore(off)
}

// nameBefore reports whether a name stands before offset off in the
// paragraph, reading sentences in order until it finds the first.
func (p *Paragraph) nameBefore(off int) bool {
	return p.firstBefore(off, &p.firstName, &p.nameScan, func(toks []Token) int {
		for k := range toks {
			if p.isName(toks, k) && (k > 0 || p.nameOpens(toks)) {
				return toks[k].Start
			}
		}
		return -1
	})
}

// firstBefore reports whether *first, the start of the first word of
// some kind in the paragraph (-1: none found yet), lies before offset
// off, reading the sentences from *scan on with find (the start of the
// first such word of a sentence's words, or -1) until it finds one. The
// sentence findInSentence is reading has its words at hand; another is
// tokenized again, once: *scan only moves on.
func (p *Paragraph) firstBefore(off int, first, scan *int, find func(toks []Token) int) bool {
	for *first < 0 && *scan < len(p.Sentences) && p.Sentences[*scan].Start < off {
		toks, buf := p.wordsOf(*scan, p.cur, p.curSent)
		*first = find(toks)
		if buf != nil {
			PutTokens(buf)
		}
		*scan++
	}
	return *first >= 0 && *first < off
}

// Names reports whether the paragraph names someone, or an earlier one did:
// the namedEarlier of the next paragraph's Analyze.
func (p *Paragraph) Names() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.namedEarlier || p.nameBefore(len(p.Text)+1)
}

func (p *Paragraph) word(t Token) string { return p.Text[t.Start:t.End] }

// findInSentence finds the attributions whose cue is in sentence si.
func (p *Paragraph) findInSentence(si int) {
	toks, buf := p.wordsOf(si, p.offer, p.offerSent)
	p.cur, p.curSent = toks, si+1
	p.findCues(toks, si)
	p.findColonsAndDashes(toks, si)
	p.findColonLine(toks, si)
	p.cur, p.curSent = nil, 0
	if buf != nil {
		PutTokens(buf)
	}
}

// findCues finds the attributions of the cue words of sentence si, whose
// words are toks.
func (p *Paragraph) findCues(toks []Token, si int) {
	sent := p.Sentences[si]
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if ph, n := p.phraseAt(toks, k, VaguePhrase); n > 0 && ph.Words[0] == "it" &&
			(k+n == len(toks) || !toks[k+n].Is(Preposition) || p.is(toks[k+n], "to")) {
			// ("It is known as the Old Mill" names a thing, not a source.)
			// "It is widely believed that …": a cue with nobody behind it.
			cue := Span{t.Start, toks[k+n-1].End}
			p.add(Attribution{Cue: cue, Kind: Vague, Sentence: si,
				Content: p.contentAfter(toks, k+n, sent)})
			k += n - 1
			continue
		}
		if t.Is(VagueAdverb) {
			p.add(Attribution{Cue: Span{t.Start, t.End}, Kind: Vague, Sentence: si,
				Content: p.withQuotes(Span(sent))})
			continue
		}
		if _, n := p.phraseAt(toks, k, PrepCue); n > 0 {
			p.preposition(toks, k, n, si) // "according to"
			k += n - 1
			continue
		}
		if t.Is(PrepCue) {
			p.preposition(toks, k, 1, si) // "per", "in"
			continue
		}
		if t.Is(QuoteNoun) {
			p.quoteNoun(toks, k, si)
		}
		if t.Is(SourceNoun) && Has(p.word(t), OwnedReport) {
			p.ownedReport(toks, k, si) // "its forecast", "the IMF's estimate"
		}
		// (The word after is tested first: this runs on every word.)
		if k+2 < len(toks) && !t.BreakAfter && p.topicWord(&toks[k+1]) &&
			Has(p.word(t), SpeechNoun) && p.ownedSpeech(toks, k, si) {
			continue // "Comey's testimony on …", "his comment about …"
		}
		if w := p.word(t); (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && Has(w, MethodVerb) {
			p.methodCue(toks, k, si) // "the Quinnipiac poll was conducted …"
		}
		if !t.Is(Cue | BeliefCue | SourceCue) {
			continue
		}
		if k > 0 && toks[k-1].Is(Determiner) && !toks[k-1].BreakAfter &&
			(!p.is(toks[k-1], "that") || t.Is(NounCue|SourceNoun)) {
			continue // "an estimated 4,000", "the report", "that claim"; not "a notice that read"
		}
		if k > 0 && t.Is(NounCue) && !t.Is(SourceNoun) && !toks[k-1].BreakAfter && p.number(toks[k-1]) {
			continue // "40 comments", "seven posts": things counted, not a cue
		}
		if k+1 < len(toks) && toks[k+1].Is(Cue) && !t.BreakAfter && t.Is(SourceNoun|VagueSource) {
			continue // "reports show": the first is the source
		}
		if t.Is(NounCue|SourceNoun) && k+1 < len(toks) && !t.BreakAfter && toks[k+1].Is(Negation) && !p.is(toks[k+1], "not") && !p.is(toks[k+1], "never") {
			continue // "the tally doesn't include …": a noun, the subject of a verb denied
		}
		if p.quotedAs(toks, k, si) {
			continue // "Braynard is quoted as saying": the subject speaks
		}
		if p.passive(toks, k) && (k+1 >= len(toks) || !p.is(toks[k+1], "by") || t.BreakAfter) {
			continue // "jobs were added", "was widely described as": no one speaks
		}
		if strings.HasSuffix(p.word(t), "ing") && k > 0 && !toks[k-1].BreakAfter {
			switch {
			case toks[k-1].Is(Preposition):
				p.gerundCue(toks, k, si) // "by warning that", "made a point of saying"
				continue
			case Has(p.word(toks[k-1]), SpeechNoun) && !toks[k-1].Is(Cue):
				// "Trump issued a statement saying that …": the statement's
				// issuer, the sentence's subject, speaks.
				p.gerundCue(toks, k, si)
				continue
			case !toks[k-1].Is(BeVerb) && !p.isName(toks, k-1) && !p.quoteFollows(t):
				continue // "the most promising", "writing reports": a participle, not speech
			}
		}
		if Has(p.word(t), ParticipleCue) && !p.perfect(toks, k) && (k+1 >= len(toks) || !p.is(toks[k+1], "by") || t.BreakAfter) {
			continue // "the number written on it": a participle, not speech
		}
		p.verbCue(toks, k, si)
	}
}

// number reports whether word t is a number: digits or a number word.
func (p *Paragraph) number(t Token) bool {
	c := p.Text[t.Start]
	return c >= '0' && c <= '9' || t.Is(NumberWord)
}

// perfect reports whether the participle at word k follows a form of
// "have" in its clause, perhaps with up to two adverbs or a subject
// between: "has written", "had never spoken", "have they written". A
// contraction ("they've written") ends the word before.
func (p *Paragraph) perfect(toks []Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if toks[j].BreakAfter {
			return false
		}
		w := p.word(toks[j])
		if Has(w, PerfectAux) || strings.HasSuffix(w, "'ve") || strings.HasSuffix(w, "’ve") || strings.HasSuffix(w, "'d") || strings.HasSuffix(w, "’d") {
			return true
		}
	}
	return false
}

// passive reports whether the cue at word k follows a form of "be",
// perhaps with an adverb between: "were added", "was widely described".
func (p *Paragraph) passive(toks []Token, k int) bool {
	if strings.HasSuffix(p.word(toks[k]), "ing") && p.clauseFollows(toks, k) {
		return false // "is telling reporters that …": progressive, someone speaks
	}
	i := k - 1
	if i > 0 && strings.HasSuffix(p.word(toks[i]), "ly") && !toks[i].BreakAfter {
		i--
	}
	return i >= 0 && toks[i].Is(BeVerb) && !toks[i].BreakAfter
}

// is reports whether word t is w (lowercase), ignoring letter case.
func (p *Paragraph) is(t Token, w string) bool { return equalFold(p.word(t), w) }

// topicWord reports whether t is "that", "about" or "on", the words after
// a speech noun that open what was said. findCues asks it of nearly every
// word: the word's length picks the one comparison that can hold (none of
// the three has an apostrophe, which equalFold reads in three bytes).
func (p *Paragraph) topicWord(t *Token) bool {
	switch t.End - t.Start {
	case 2:
		return p.is(*t, "on")
	case 4:
		return p.is(*t, "that")
	case 5:
		return p.is(*t, "about")
	}
	return false
}

// phraseAt returns the longest phrase of class c that starts at word k,
// and its length in words.
func (p *Paragraph) phraseAt(toks []Token, k int, c Class) (Phrase, int) {
	if !toks[k].Is(phraseStart) {
		return Phrase{}, 0
	}
	for _, ph := range p.phrasesOf(toks[k]) {
		if ph.Class&c == 0 || k+len(ph.Words) > len(toks) {
			continue
		}
		ok := true
		for j := 1; j < len(ph.Words) && ok; j++ {
			ok = !toks[k+j-1].BreakAfter && p.is(toks[k+j], ph.Words[j])
		}
		if ok {
			return ph, len(ph.Words)
		}
	}
	return Phrase{}, 0
}

// phrasesOf returns the lexicon's phrases that start with word t, the
// last word's kept. A word is known by its span: the paragraph's words
// are all of p.Text, and none is empty, so the zero Span is none.
func (p *Paragraph) phrasesOf(t Token) []Phrase {
	if w := (Span{t.Start, t.End}); w != p.phraseWord {
		p.phraseWord, p.phraseList = w, lexicon.phrasesOf(p.word(t))
	}
	return p.phraseList
}

// preposition reads the attributions a preposition opens: "according to
// X, …" and "…, according to X." name any kind of source; "per the FBI"
// and "in a survey by Pew" count only with a named source.
func (p *Paragraph) preposition(toks []Token, k, n, si int) {
	sent := p.Sentences[si]
	cue := Span{toks[k].Start, toks[k+n-1].End}
	end := k + n
	for end < len(toks) && end-(k+n) < maxSourceWords && !toks[end-1].BreakAfter {
		if toks[end].Is(ClauseWord) && end > k+n {
			break
		}
		end++
	}
	if end == k+n {
		return
	}
	if end-(k+n) == maxSourceWords {
		// A source cut inside a name reaches its end: "according to a
		// complaint filed by the federal Securities and Exchange
		// Commission".
		for end < len(toks) && end-(k+n) < 2*maxSourceWords && !toks[end-1].BreakAfter && (p.capitalised(toks[end]) ||
			p.capitalised(toks[end-1]) && toks[end].Is(FunctionWord) && end+1 < len(toks) && !toks[end].BreakAfter && p.capitalised(toks[end+1])) {
			end++
		}
	}
	src := p.nounPhrase(toks[k+n : end])
	a := Attribution{Cue: cue, Source: Span{src[0].Start, src[len(src)-1].End}, Sentence: si}
	a.Kind = p.classify(src, k+n == 0)
	if a.Kind != Named && !src[len(src)-1].BreakAfter && p.fromName(toks[k+n:min(len(toks), k+n+len(src)+maxSourceWords)]) {
		a.Kind = Named // "according to a letter to Facebook from Senator John Thune": whose letter
	}
	if a.Kind != Named && !src[len(src)-1].BreakAfter && p.madeBy(toks, k+n+len(src)) {
		a.Kind = Named // "according to new financial documents he submitted": whose documents
	}
	if n == 1 && (a.Kind != Named || !p.prepositionSource(toks[k], src)) {
		return // "per year", "in a statement", "in 2020"
	}
	if k == 0 || toks[k-1].BreakAfter && end == len(toks) {
		// "According to X, …" or "…, according to X."
		if k == 0 {
			from := sent.End
			if end < len(toks) {
				from = toks[end].Start
			}
			a.Content = p.withQuotes(Span{from, sent.End})
		} else {
			a.Content = p.withQuotes(Span{sent.Start, toks[k-1].End})
		}
	} else {
		a.Content = p.withQuotes(Span(sent))
	}
	p.add(a)
}

// madeBy reports whether the words from toks[j] on are a clause on the
// source before them, whose subject made it: a name, or a pronoun
// referring to one named before, then a verb in the past ("documents he
// submitted", "a report Ruiz released"). The document is theirs.
func (p *Paragraph) madeBy(toks []Token, j int) bool {
	if j+1 >= len(toks) || toks[j].BreakAfter {
		return false
	}
	v := p.word(toks[j+1])
	if len(v) < 4 || !strings.HasSuffix(v, "ed") || v[0] < 'a' || v[0] > 'z' {
		return false
	}
	if toks[j].Is(Pronoun) && !p.is(toks[j], "it") {
		return p.namedBefore(toks[j].Start)
	}
	return p.isName(toks, j) && (j+2 >= len(toks) || !p.capitalised(toks[j+1]))
}

// fromName reports whether words after a source noun name whose it is:
// "from" or "by" and a name within a few words ("a letter … from Senator
// John Thune", "a study by economists at Duke University").
func (p *Paragraph) fromName(toks []Token) bool {
	for i := 0; i+1 < len(toks); i++ {
		if (p.is(toks[i], "from") || p.is(toks[i], "by")) && !toks[i].BreakAfter {
			for j := i + 1; j < len(toks) && j-i <= maxFromName; j++ {
				if p.isName(toks, j) {
					return true
				}
				if toks[j].BreakAfter {
					return false
				}
			}
		}
		if toks[i].BreakAfter {
			return false // the source's words end at a break
		}
	}
	return false
}

// maxFromName bounds the words between "from" or "by" and the name that
// says whose a document is ("by economists at Duke University", "from
// the chairman of the U.S. Senate Committee on Homeland Security").
const maxFromName = 6

// infinitiveAfter reports whether "to" follows the cue at word k within a
// few words, before any break: "hope one day to harness".
func (p *Paragraph) infinitiveAfter(toks []Token, k int) bool {
	for j := k + 1; j < len(toks) && j-k <= maxCueGap-3; j++ {
		if p.is(toks[j], "to") {
			return true
		}
		if toks[j].BreakAfter || toks[j].Is(ClauseWord) {
			return false
		}
	}
	return false
}

// quoteNoun reads a quotation's source named around a noun for quoted
// words: "a quote by the network's first planner", "a line from Ruiz",
// "Colin Reyes's words". The content is the rest of the sentence and the
// next quotation of the paragraph.
func (p *Paragraph) quoteNoun(toks []Token, k, si int) {
	sent := p.Sentences[si]
	var src []Token
	switch {
	case k+2 < len(toks) && !toks[k].BreakAfter && (p.is(toks[k+1], "by") || p.is(toks[k+1], "from")):
		end := k + 2
		for end < len(toks) && end-(k+2) < maxQuoteNounSource && !toks[end-1].BreakAfter && !toks[end].Is(ClauseWord|Cue|Preposition) {
			end++
		}
		src = toks[k+2 : end]
	case k > 0 && !toks[k-1].BreakAfter && possessive(p.word(toks[k-1])):
		start := k - 1
		for start > 0 && k-start < maxSourceWords && !toks[start-1].BreakAfter && p.capitalised(toks[start-1]) {
			start--
		}
		src = toks[start:k]
	case p.inOwnWords(toks, k):
		// "In her words, “…”", "in his own words": the owner, whom the
		// pronoun refers back to.
		o := k - 1
		if p.is(toks[o], "own") {
			o--
		}
		src = toks[o : o+1]
	default:
		return
	}
	if len(src) == 0 {
		return
	}
	a := Attribution{Source: Span{src[0].Start, src[len(src)-1].End}, Cue: Span{toks[k].Start, toks[k].End},
		Kind: p.classify(src, false), Sentence: si}
	if a.Kind == Vague {
		return // "a quote from someone": nobody
	}
	end := sent.End
	if si+1 < len(p.Sentences) {
		end = p.Sentences[si+1].End // the quoted words may follow: "…hangs in the canteen. "A bus …""
	}
	a.Content = p.withQuotes(Span{max(toks[k].End, a.Source.End), end})
	p.add(a)
}

// inOwnWords reports whether the quote noun at word k ends "in her
// words" or "in his own words": "in", a possessive determiner, perhaps
// "own", with no break between.
func (p *Paragraph) inOwnWords(toks []Token, k int) bool {
	o := k - 1
	if o > 0 && p.is(toks[o], "own") && !toks[o].BreakAfter {
		o--
	}
	return o > 0 && !toks[o].BreakAfter && !toks[o-1].BreakAfter && p.is(toks[o-1], "in") && p.is(toks[k], "words") &&
		Has(p.word(toks[o]), PossessiveDeterminer) && !p.is(toks[o], "its")
}

// maxOwnedGap bounds the words between a possessive and the report noun
// it owns: "the IMF's last estimate", "its British growth forecast".
const maxOwnedGap = 3

// ownedReport reads a report noun at word k owned by a named source:
// "It edged up its forecast for those countries to 4.2 percent", "enough
// to hold the IMF's estimate of global growth at 3.1 percent". The owner
// gives the figures of the whole sentence. The noun must head its phrase
// ("Trump's poll numbers" are about Trump, not his), and "its" or "their"
// (possessive-determiner) must refer to a name earlier in the paragraph.
func (p *Paragraph) ownedReport(toks []Token, k, si int) {
	if k+1 < len(toks) && !toks[k].BreakAfter {
		n := toks[k+1]
		if n.Is(Cue) {
			return // "the agency's figures show": verbCue reads it
		}
		if c := p.Text[n.Start]; !n.Is(Preposition|Determiner|ClauseWord|BeVerb|ModalWord|NumberWord) && !(c >= '0' && c <= '9') {
			return // "Trump's poll numbers": the noun is not the head
		}
	}
	o := k - 1
	for ; o >= 0 && k-o <= maxOwnedGap+1; o-- {
		w := p.word(toks[o])
		if toks[o].BreakAfter {
			return
		}
		if possessive(w) || Has(w, PossessiveDeterminer) {
			break
		}
		if toks[o].Is(ClauseWord | Cue | BeVerb | Determiner | Preposition | Pronoun) {
			return
		}
	}
	if o < 0 || k-o > maxOwnedGap+1 {
		return
	}
	start := o
	if possessive(p.word(toks[o])) {
		for start > 0 && o-start < maxSourceWords && !toks[start-1].BreakAfter && p.capitalised(toks[start-1]) {
			start--
		}
		if start > 0 && !toks[start-1].BreakAfter && p.is(toks[start-1], "the") {
			start--
		}
	} else if !p.nameBefore(toks[o].Start) {
		return // "its forecast" with nothing named before it
	}
	src := toks[start : o+1]
	if len(src) > 1 || possessive(p.word(src[0])) {
		if p.classify(src, start == 0) != Named {
			return
		}
	}
	p.add(Attribution{Source: Span{src[0].Start, src[len(src)-1].End}, Cue: Span{toks[k].Start, toks[k].End},
		Content: p.withQuotes(Span(p.Sentences[si])), Kind: Named, Near: true, Sentence: si})
}

// maxMethodObject bounds the words between a method verb and the poll it
// made: "Quinnipiac conducted the poll", "conducted its latest poll".
const maxMethodObject = 3

// ownedSpeech reads a noun of something said (speech-noun) after its
// owner's possessive, before "that", "about" or "on": "Comey's testimony
// on the existence of about 100 emails", "Stumpf's repeated emphasis that
// only 1 percent …", "his infamous comment about 47 percent …". The owner
// is the source, named when a name owns it or "his" or "her" refers back
// to one; the content is what follows the preposition. It reports whether
// it added an attribution.
func (p *Paragraph) ownedSpeech(toks []Token, k, si int) bool {
	if k+2 >= len(toks) || toks[k].BreakAfter {
		return false
	}
	if next := toks[k+1]; !p.is(next, "that") && !p.is(next, "about") && !p.is(next, "on") {
		return false
	}
	o := k - 1
	for ; o >= 0 && k-o <= maxOwnedGap; o-- {
		if toks[o].BreakAfter {
			return false
		}
		w := p.word(toks[o])
		if possessive(w) || Has(w, PossessiveDeterminer) {
			break
		}
		if toks[o].Is(ClauseWord | Cue | BeVerb | Determiner | Preposition | Pronoun) {
			return false
		}
	}
	if o < 0 || k-o > maxOwnedGap {
		return false
	}
	start := o
	kind := Unnamed
	if possessive(p.word(toks[o])) {
		for start > 0 && o-start < maxSourceWords && !toks[start-1].BreakAfter && p.capitalised(toks[start-1]) {
			start--
		}
		kind = p.classify(toks[start:o+1], start == 0)
	} else if p.nameBefore(toks[o].Start) {
		kind = Named // "his comment" after the name it refers to
	}
	p.add(Attribution{Source: Span{toks[start].Start, toks[o].End}, Cue: Span{toks[k].Start, toks[k].End},
		Content: p.withQuotes(Span{toks[k+2].Start, p.Sentences[si].End}), Kind: kind, Near: true, Sentence: si})
	return true
}

// pollAfter reports whether a method verb at word k made a poll named
// right after it: "Quinnipiac conducted the poll of 1,042 voters". A poll
// only (poll-noun): "the office conducted an analysis of 184 websites" or "a survey
// of 200 staff" counts for itself.
func (p *Paragraph) pollAfter(toks []Token, k int) bool {
	if !Has(p.word(toks[k]), MethodVerb) {
		return false
	}
	for m := k + 1; m < len(toks) && m-k <= maxMethodObject && !toks[m-1].BreakAfter; m++ {
		if Has(p.word(toks[m]), PollNoun) {
			return true
		}
	}
	return false
}

// methodCue reads how a poll was made, at the method verb at word k, with
// a named poll as its subject ("The Washington Post/ABC News poll was
// conducted Sept. 19 to 22, surveying 1,001 adults"): the poll is the
// source of the sentence's figures. A named pollster with a poll after
// the verb ("Quinnipiac conducted the poll of 1,042 voters") is verbCue's
// (see pollAfter); an action by anyone else ("the office conducted an
// analysis of 184 websites") credits nothing.
func (p *Paragraph) methodCue(toks []Token, k, si int) {
	j := k
	for j > 0 && k-j < 3 && !toks[j-1].BreakAfter && (toks[j-1].Is(BeVerb|BetweenCue) || strings.HasSuffix(p.word(toks[j-1]), "ly")) {
		j--
	}
	start := j
	for start > 0 && j-start < maxSourceWords && !toks[start-1].BreakAfter && p.inSource(toks, start-1) {
		start--
	}
	if start == j {
		return
	}
	src := toks[start:j]
	head := src[len(src)-1]
	if toks[k].Is(Cue) && j == k || !head.Is(SourceNoun) || !Has(p.word(head), OwnedReport) || p.classify(src, start == 0) != Named {
		return // verbCue reads an active cue; a poll made by a pollster is marked there (pollAfter)
	}
	p.add(Attribution{Source: Span{src[0].Start, head.End}, Cue: Span{toks[k].Start, toks[k].End},
		Content: p.withQuotes(Span(p.Sentences[si])), Kind: Named, Near: true, Method: true, Sentence: si})
}

// maxQuoteNounSource bounds the source after "a quote by": "the network's
// first planner", not the clause after it.
const maxQuoteNounSource = 4

// CutPossessive strips "'s" or "’s" from a word ("Gallup's" → "Gallup"),
// reporting whether it had one.
func CutPossessive(w string) (string, bool) {
	if len(w) < 3 || w[len(w)-1] != 's' {
		return w, false
	}
	for _, s := range []string{"'s", "’s"} {
		if base, ok := strings.CutSuffix(w, s); ok && base != "" {
			return base, true
		}
	}
	return w, false
}

// possessive reports whether w ends in 's or ’s.
func possessive(w string) bool {
	_, ok := CutPossessive(w)
	return ok
}

// nounPhrase cuts the words after an attributing preposition to the noun
// phrase it governs: after a source noun, only a preposition naming whose
// it is may follow ("in a survey by Pew", "in the report of the
// committee"). Otherwise the verb of the clause would be read as part of
// the source ("in a new poll released Monday support Clinton").
func (p *Paragraph) nounPhrase(src []Token) []Token {
	for i := 0; i+1 < len(src); i++ {
		if !src[i].Is(SourceNoun) || src[i+1].Is(SourceNoun) || src[i].BreakAfter {
			continue
		}
		if next := src[i+1]; !next.Is(Preposition) && !possessive(p.word(src[i])) && !p.capitalised(next) {
			return src[:i+1]
		}
	}
	return src
}

// prepositionSource reports whether the words after "per" or "in" are a
// source: a name ("per the FBI"), or a source noun owned by one ("in its
// report", "in a survey by Pew", "in Census data"); after "in", only a
// source noun that reports (lexicon class in-source: "in the survey", not
// "in the database").
func (p *Paragraph) prepositionSource(prep Token, src []Token) bool {
	if !p.is(prep, "in") && (p.is(src[0], "the") && len(src) > 1 && p.isName(src, 1) || p.isName(src, 0)) {
		return !src[len(src)-1].Is(MonthName | Weekday)
	}
	for _, t := range src {
		if t.Is(SourceNoun) && (!p.is(prep, "in") || Has(p.word(t), InSource)) {
			return true
		}
	}
	return false
}

// tagModal reports whether the modal at word m is the "will" or "would" of
// a quotation's own tag, its speaker's words right after the quotation:
// "“…,” he will say." (a speech's advance text), "“…,” the mayor would
// say." (a habit).
// Elsewhere speech to come is none: "she will announce the figures".
func (p *Paragraph) tagModal(toks []Token, m int) bool {
	if m == 0 || !p.is(toks[m], "will") && !p.is(toks[m], "would") {
		return false
	}
	s := m - 1
	for s > 0 && !toks[s-1].BreakAfter && m-s < maxSourceWords {
		s-- // "“…,” the mayor will say."
	}
	// (Not "“…,” was all Ruiz would say": a clause whose subject is the
	// quotation, read elsewhere.)
	return p.tagEndsBefore(toks[s]) && !slices.ContainsFunc(toks[s:m], func(t Token) bool { return t.Is(BeVerb) })
}

// quotedAs reads "X is quoted as saying" at the gerund at word k: the
// subject of "is quoted" speaks the quotation before or after it. It
// reports whether the words have that form.
func (p *Paragraph) quotedAs(toks []Token, k, si int) bool {
	if k < 3 || !strings.HasSuffix(p.word(toks[k]), "ing") || toks[k-1].BreakAfter || toks[k-2].BreakAfter ||
		!p.is(toks[k-1], "as") || !p.is(toks[k-2], "quoted") {
		return false
	}
	be := k - 3
	if be > 0 && strings.HasSuffix(p.word(toks[be]), "ly") && !toks[be-1].BreakAfter {
		be-- // "was widely quoted as saying"
	}
	if !toks[be].Is(BeVerb) || toks[be].BreakAfter {
		return false
	}
	start := be
	for start > 0 && be-start < maxSourceWords && !toks[start-1].BreakAfter && p.inSource(toks, start-1) {
		start--
	}
	if start == be {
		return false
	}
	src, sent := toks[start:be], p.Sentences[si]
	p.add(Attribution{Source: Span{src[0].Start, src[len(src)-1].End}, Cue: Span{toks[k-2].Start, toks[k].End},
		Kind: p.classify(src, start == 0), Content: p.contentAround(toks, start, k, sent), Sentence: si})
	return true
}

// goesOnTo returns the index of the verb of going on before the "to" at
// word to ("went on to say", "goes on further to note"), or -1.
func (p *Paragraph) goesOnTo(toks []Token, to int) int {
	i := to - 1
	if i > 0 && !toks[i].BreakAfter && (p.is(toks[i], "further") || p.is(toks[i], "later")) {
		i--
	}
	if i < 1 || toks[i].BreakAfter || toks[i-1].BreakAfter || !p.is(toks[i], "on") || !Has(p.word(toks[i-1]), GoOnVerb) {
		return -1
	}
	return i - 1
}

// verbCue reads the attribution around the cue verb at word k: its source
// before it ("X said", "X has long said") or after it ("said X",
// "reported by X"), and its content after it ("said that …") or before it
// ("…, X said.").
func (p *Paragraph) verbCue(toks []Token, k, si int) {
	sent := p.Sentences[si]
	t := toks[k]
	a := Attribution{Cue: Span{t.Start, t.End}, Belief: t.Is(BeliefCue) && !t.Is(Cue), Near: t.Is(NearCue), Sentence: si}
	if w := p.word(t); a.Belief && p.infinitiveAfter(toks, k) && (Has(w, IntentionVerb) || Has(w+"s", IntentionVerb)) {
		return // "researchers hope one day to harness it" (a verb of intention, its plural form too): an aim, not a view of what is
	}

	// The source before the cue, over words like "also" and "has"; speech
	// denied, supposed or to come is none: "did not say", "will announce",
	// "is expected to announce".
	j := k
	days := 0 // the words of a day skipped: "Ruiz on Monday said"
	for j > 0 && !toks[j-1].BreakAfter {
		// Not a day a participle holds: "a poll released Monday found".
		// A source stands before it ("Wednesday added …" has none).
		if days == 0 {
			if d := p.dayBefore(toks, j); d < j && d > 0 && !toks[d-1].BreakAfter && !p.participle(toks[d-1]) {
				days = j - d
				j = d
				continue
			}
		}
		if !toks[j-1].Is(BetweenCue|Negation) || k-j-days >= 3 {
			break
		}
		if j == k && toks[j-1].Is(ModalWord) && p.capitalised(toks[j-1]) {
			break // "Will described Trump as …", "Theresa May said": a name, no modal
		}
		if toks[j-1].Is(Negation) || toks[j-1].Is(ModalWord) && !p.tagModal(toks, j-1) {
			return
		}
		j--
	}
	lead := j       // the word after the source: "and" before it joins the cue to a clause
	goesOn := false // "went on to note": a verb, though "note" is mostly a noun
	if k > 0 && !toks[k-1].BreakAfter && p.is(toks[k-1], "to") {
		g := p.goesOnTo(toks, k-1)
		if g < 0 {
			return
		}
		// "She went on to say": the source stands before the verb of
		// going on, over words like "then".
		for j = g; j > 0 && !toks[j-1].BreakAfter && toks[j-1].Is(BetweenCue) && g-j < 2; j-- {
		}
		goesOn = true
	}
	if k > 1 && (p.is(toks[k-1], "most") || p.is(toks[k-1], "least")) && (toks[k-2].Is(Determiner) || p.is(toks[k-2], "next")) {
		return // "the most cited reason", "the next most reported problem": an adjective
	}
	srcStart := j
	if pj := p.beforeParenthesis(toks, j); pj < j {
		// "Harry Reid (D-Nev.) told": the name before the aside.
		j, srcStart = pj, pj-1
	}
	for srcStart > 0 && j-srcStart < maxSourceWords && (!toks[srcStart-1].BreakAfter || p.nameStop(toks[srcStart-1], srcStart-1 == 0 || p.quoteEndsBefore(toks[srcStart-1]))) && p.inSource(toks, srcStart-1) {
		srcStart--
	}
	srcStart = p.definiteStart(toks, srcStart, j)
	// A vague phrase may hold a clause word: "a source close to the mayor".
	for m := srcStart - 1; m >= 0 && j-m <= maxSourceWords && !toks[m].BreakAfter; m-- {
		if _, n := p.phraseAt(toks, m, VaguePhrase); n > 0 && m+n >= srcStart && toks[m].Is(VagueModifier|VagueSource) {
			srcStart = m // the phrase reaches the source found so far
		}
	}
	relative := false // the cue follows "which" after a comma or dash
	if srcStart == j && j > 0 && p.is(toks[j-1], "who") {
		srcStart = j - 1 // "Ruiz, who said …": who is the name before it
	} else if srcStart == j && j > 1 && p.is(toks[j-1], "which") && !toks[j-1].BreakAfter && toks[j-2].BreakAfter && p.asideOpens(toks[j-2], toks[j-1]) {
		// "the AP report, which notes, “…”", "the study -- which notes
		// that …": the thing before the aside speaks.
		j--
		relative = true
		srcStart = j - 1
		for srcStart > 0 && j-srcStart < maxSourceWords && !toks[srcStart-1].BreakAfter && p.inSource(toks, srcStart-1) {
			srcStart--
		}
		// From its determiner: "Ruiz carried the report, which …".
		if d := slices.IndexFunc(toks[srcStart:j], func(t Token) bool { return t.Is(Determiner) }); d > 0 {
			srcStart += d
		}
	} else if srcStart == j && j > 1 && toks[j-1].Is(ClauseWord) && !toks[j-1].BreakAfter && !toks[j-2].BreakAfter &&
		(p.is(toks[j-1], "that") || p.is(toks[j-1], "which")) {
		// "a notice that read", "a brochure that promises": the thing
		// before the relative pronoun speaks; not after a comma, where
		// "that" ends a clause ("… larger than that, said Ruiz").
		j--
		srcStart = j
		for srcStart > 0 && j-srcStart < maxSourceWords && !toks[srcStart-1].BreakAfter && p.inSource(toks, srcStart-1) {
			srcStart--
		}
	}
	before := toks[srcStart:j]
	if first := toks[srcStart]; srcStart+1 < j && (srcStart == 0 || toks[srcStart-1].BreakAfter) && (first.Is(ModalWord) || p.is(first, "had")) {
		// "Had the authorities found the posts, …", "What, then, can the
		// evidence tell us?": a clause opened by its auxiliary supposes a
		// case or asks; no one has said anything.
		return
	}
	if n := slices.IndexFunc(before, func(t Token) bool { return Has(p.word(t), NoSource) }); n >= 0 &&
		!slices.ContainsFunc(before[n+1:], p.capitalised) {
		return // "no terrorist organization has claimed": nobody, a denial; not "No wonder Trump said"
	}
	// opened is where the run of words holding the source starts: after
	// the break before it, when a long source was cut to its last words.
	opened := srcStart
	for opened > 0 && srcStart-opened < maxSourceWords && !toks[opened-1].BreakAfter && (!toks[opened-1].Is(ClauseWord) || p.rangeTo(toks, opened-1)) {
		opened--
	}
	if opened > 0 && !toks[opened-1].BreakAfter && !(opened == 1 && toks[0].Is(ClauseWord)) { // "But a … analysis … reveals"
		opened = srcStart
	}
	ownedBy := false // the document heading the run names its maker after it: "released by the VA"
	if opened < srcStart {
		if h := p.subjectHead(toks, opened, j); h >= 0 {
			if p.classify(toks[opened:h+1], opened == 0) == Named {
				// "The Real Clear Politics average of polls taken over the past
				// two weeks shows", "A Field Poll of the race in May 2015 put": a
				// source cut to its last words is the document that opens the run.
				before, srcStart = toks[opened:h+1], opened
			} else if p.participle(toks[h+1]) && p.fromName(toks[h+2:j]) {
				// "a 46-page analysis released by the Department of Veterans
				// Affairs last month reveals": the document, named by its maker.
				before, srcStart, ownedBy = toks[opened:j], opened, true
			}
		}
	}
	for m := srcStart - 1; m >= 0 && srcStart-m <= maxSourceWords && !toks[m].BreakAfter; m-- {
		if toks[m].Is(Conditional) {
			return // "if someone asks", "if local officials say": a case supposed, not a source
		}
	}
	by := k + 1 // where "by" would be: after the cue, or after its particle ("pointed out by")
	if by+1 < len(toks) && p.is(toks[by], "out") && !toks[by-1].BreakAfter {
		by++
	}
	byWord := by < len(toks) && p.is(toks[by], "by") && !toks[by-1].BreakAfter
	margin := byWord && p.marginAfter(toks, by+1) // "found by 43%-41%", no agent
	passive := byWord && !margin
	switch {
	case passive:
		// "unveiled by the committee", "as reported by Reuters", "as
		// pointed out by NASA"; not what "will be remembered by
		// historians", which nobody has said yet.
		for m := k - 1; m >= 0 && k-m <= 3 && !toks[m].BreakAfter; m-- {
			if toks[m].Is(ModalWord) {
				return
			}
		}
		end := by + 1
		for end < len(toks) && end-(by+1) < maxSourceWords && !toks[end-1].BreakAfter && !toks[end].Is(ClauseWord|Cue) {
			end++
		}
		if end == by+1 {
			return
		}
		src := toks[by+1 : end]
		a.Source = Span{src[0].Start, src[len(src)-1].End}
		a.Kind = p.classify(src, false)
		a.Content = p.withQuotes(Span(sent))
		if be := slices.IndexFunc(toks[max(0, j-1):k], func(t Token) bool { return t.Is(BeVerb) }); end < len(toks) && be >= 0 && !toks[k-1].BreakAfter &&
			(max(0, j-1)+be == 0 || !toks[max(0, j-1)+be-1].Is(ClauseWord)) {
			// "“American Skin” was written by Springsteen after the
			// shooting of Diallo, who was shot at 41 times": what was
			// said is the subject before the verb, not what follows the
			// one who said it; but "The figure, which was reported by
			// Reuters, shows 40 percent" tells what the relative word
			// stands for.
			a.Content = p.withQuotes(Span{sent.Start, src[len(src)-1].End})
		}
	case len(before) > 0:
		a.Source = Span{before[0].Start, before[len(before)-1].End}
		a.Kind = p.classify(before, srcStart == 0)
		if ownedBy {
			a.Kind = Named
		}
		if margin && a.Kind == Named && !before[len(before)-1].Is(SourceNoun) {
			// "Supporters of Donald Trump say by 55%-41% …": a group's
			// answer to a poll, whose figures are the poll's, as "74
			// percent of Democratic voters say" (shareOpens); "a Reuters
			// poll found by 43%-41%" names its source.
			a.Kind = Unnamed
		}
		if a.Kind == Vague && p.is(before[0], "other") && srcStart >= 2 && p.is(toks[srcStart-1], "and") &&
			!toks[srcStart-2].BreakAfter && p.isName(toks, srcStart-2) {
			a.Kind = Named // "Ward and other security experts acknowledge": named with them
		}
		a.Content = p.contentAround(toks, opened, k, sent)
	default:
		// "…," said Ruiz. / Said Ruiz: … — the source after the cue.
		end := k + 1
		// A noun-cue after a determiner is a noun: "said no charges were
		// warranted".
		for end < len(toks) && end-(k+1) < maxSourceWords && !toks[end-1].BreakAfter && !toks[end].Is(ClauseWord) &&
			(!toks[end].Is(Cue) || toks[end].Is(NounCue) && toks[end-1].Is(Determiner|VagueModifier)) {
			end++
		}
		// A participle after a comma speaks for the sentence's subject
		// ("…, explaining the firings amounted to 1 percent"): the words
		// after it are its content, not its source.
		inverted := end > k+1 && (srcStart == 0 || toks[srcStart-1].BreakAfter) && !strings.HasSuffix(p.word(t), "ing") &&
			!p.clauseRun(toks, k+1, end) && !p.documentAside(toks, j, t) &&
			// "…, said early Friday that …": a day, then the clause said,
			// no source after the cue.
			!(end < len(toks) && p.is(toks[end], "that") && p.dayBefore(toks, end) == k+1)
		var src []Token
		if inverted {
			// "said the board's chair, Patricia Nolan": the name in
			// apposition names the speaker.
			if end < len(toks) && p.commaBetween(toks[end-1], toks[end]) && p.isName(toks, end) {
				for end < len(toks) && end-(k+1) < 2*maxSourceWords && p.capitalised(toks[end]) {
					end++
					if toks[end-1].BreakAfter {
						break
					}
				}
			}
			src = toks[k+1 : end]
			a.Kind = p.classify(src, false)
			// `"…," said Ruiz` or `…, said one official`; not "said in a
			// statement" or "said 40 people came", and at a sentence's
			// start only before a name ("Reports a figure" is an
			// imperative), never a pronoun ("Read it and you'll find
			// …": an order to the reader, "it" its object).
			// "paid attention, asked some great questions, and wrote
			// notes": a verb in a series, its object after it, not its
			// speaker; but "“…,” said an Iowa Democrat, “and …”" speaks.
			inverted = (end == len(toks) || !p.commaBetween(toks[end-1], toks[end]) || !p.is(toks[end], "and") || p.quoteEndsBefore(t)) &&
				(a.Kind != Unnamed || !src[0].Is(AfterCue) || src[0].Is(Determiner)) && (k > 0 || a.Kind == Named && !src[0].Is(Pronoun)) &&
				(p.capitalised(src[0]) || src[0].Is(Determiner|VagueModifier) || a.Kind == Named ||
					slices.ContainsFunc(src, func(t Token) bool { return t.Is(Role) }))
		}
		switch {
		case inverted:
			a.Source = Span{src[0].Start, src[len(src)-1].End}
			if k > 0 && end < len(toks) && p.commaBetween(toks[end-1], toks[end]) && !p.onlyApposition(toks, end) {
				// "The decision, says Briest, saved 300 jobs."
				a.Content = p.withQuotes(Span(sent))
			} else if k > 0 {
				a.Content = p.withQuotes(Span{sent.Start, toks[k-1].End})
			} else {
				a.Content = p.contentAfter(toks, end, sent)
			}
		case j > 0 && p.commaBetween(toks[j-1], toks[j]):
			// "…, adding that …" speaks for the sentence's subject; "Kevin
			// Brady, chairman of the committee, said …" and "Sanders,
			// celebrating a victory, is pledging …" for the name before
			// the apposition.
			participle := j == k && strings.HasSuffix(p.word(t), "ing")
			src = p.subjectBefore(toks, j, participle)
			if len(src) == 0 && !participle && k+1 < len(toks) && p.is(toks[k+1], "that") {
				// "He pledged …, cast doubt on …, suggested that …": the
				// last verb of a series, the sentence's subject its source.
				src = p.seriesSubject(toks)
			}
			if len(src) == 0 {
				return
			}
			a.Source = Span{src[0].Start, src[len(src)-1].End}
			a.Kind = p.classify(src, src[0].Start == sent.Start)
			if a.Kind != Named && !participle {
				h := indexBefore(toks, src[len(src)-1], j)
				if p.namingApposition(toks, h, j) || p.madeByAside(toks, h, j) {
					// "Two analysts, Jo Reyes and Sam Ito, found": named by
					// apposition; "The survey, conducted by the Field
					// Institute, finds": named by its maker.
					a.Kind = Named
				}
			}
			a.Content = p.contentAfter(toks, k+1, sent)
		case lead > 1 && !toks[lead-1].BreakAfter && t.Is(Cue) && (!t.Is(NearCue) || t.Is(ReportVerb)) && (p.is(toks[lead-1], "and") || p.is(toks[lead-1], "but")) &&
			k-lead == days:
			// "Carson took the stage and called …", "Trump doubled down
			// and said …", "… and on Monday announced": the clause's
			// subject speaks; only a day between, no other word ("and had
			// confirmed 68 nominees", "and also show them").
			src = p.clauseSubject(toks, lead-1, si)
			if len(src) == 0 {
				return
			}
			a.Source = Span{src[0].Start, src[len(src)-1].End}
			a.Kind = p.classify(src, src[0].Start == sent.Start)
			a.Content = p.contentAfter(toks, k+1, sent)
		default:
			return
		}
	}
	a.Method = a.Kind == Named && p.pollAfter(toks, k)
	if a.Belief && a.Kind == Named && Has(p.word(t), ForecastCue) {
		a.Belief = false // "the IMF expects growth of 1.6 percent": a forecast, sourced
	} else if a.Belief && p.thinksAloud(toks, k, before) {
		a.Belief = false // "Maria wondered, “…”", "“…?” she thought.": the thinker's own words
	} else if a.Belief && (a.Kind != Vague || len(before) == 0 || !p.pluralSource(before)) {
		// A view held, not a source given: only "analysts expect" matters,
		// not "some thought" or "everyone wants".
		return
	}
	if t.Is(NounCue) && len(before) > 0 && before[len(before)-1].Is(VagueModifier) {
		return // "some notes", "many projects": a noun after a quantifier
	}
	if t.Is(SourceCue) && !t.Is(Cue) && (len(before) == 0 || !before[len(before)-1].Is(SourceNoun)) &&
		!(srcStart > 0 && p.is(toks[srcStart-1], "as")) {
		src, ok := p.asNameBefore(toks, k)
		if !ok {
			return // "put" attributes only for a document ("the survey put support at 45%") or after "as" ("as she put it")
		}
		a.Source = Span{src[0].Start, src[len(src)-1].End}
		a.Kind = p.classify(src, false)
		a.Content = p.contentAfter(toks, k+1, sent)
	}
	if t.Is(StrictCue) && !p.strictCueSpeaks(toks, k, before) {
		return // "the United States.", "the war continued", "the four states that voted", `"…," state Sen. Ruiz said`
	}
	if t.Is(NounCue) && len(before) > 0 && strings.HasPrefix(p.Text[t.End:], ":") &&
		Has(strings.ReplaceAll(strings.ToLower(p.Text[before[0].Start:t.End]), "’", "'"), CalloutLabel) {
		return // "Editor's note: …": a label over the writer's own words
	}
	if relative && a.Kind != Named {
		return // "a large content audit, which showed": only a named thing speaks through "which"
	}
	// A pronoun right before the cue, and a quotation right after it, make
	// the cue a verb: "She notes, “…”", "He adds: “…”"; so does "which"
	// after a comma: "the report, which notes, “…”".
	spoken := goesOn || p.quoteFollows(t) && (relative || len(before) == 1 && before[0].Is(Pronoun))
	if t.Is(NounCue) && !spoken && (a.Kind == Unnamed || !p.takesClause(toks, k) && k < len(toks)-1 && !p.quoteEndsBefore(t) &&
		!(a.Kind == Named && (p.documentVerb(before, t) || p.documentAside(toks, j, t) || p.personVerb(before, toks, k) || p.thatClauseAfter(toks, k)))) {
		return // "the show", "a tweet", "her remarks": a noun, not a cue
	}
	if a.Source.End <= t.Start && k+1 < len(toks) && !t.BreakAfter && Has(p.word(t), ClauseCue) && p.countAfter(toks, k+1) {
		return // "the U.S. added 292,000 jobs", "she filed 40 lawsuits": a thing counted, not words
	}
	p.add(a)
}

// subjectHead returns the source noun that heads the run of words
// toks[from:to] before a cue, when words about it follow it ("average of
// polls taken …", "Poll of the Democratic race"): it stands among the
// run's first maxHeadWords words with no preposition before it, and a
// preposition or a participle comes right after it. Otherwise -1.
func (p *Paragraph) subjectHead(toks []Token, from, to int) int {
	for h := from; h < to-1 && h-from < maxHeadWords; h++ {
		t := toks[h]
		if t.Is(Preposition) || t.BreakAfter {
			return -1
		}
		if t.Is(SourceNoun) && (toks[h+1].Is(Preposition) || p.participle(toks[h+1])) {
			return h
		}
	}
	return -1
}

// maxHeadWords bounds the words of a source's name before its noun ("The
// Real Clear Politics average", "A new USA TODAY/Rock the Vote survey":
// names joined by a slash make a long one).
const maxHeadWords = 8

// countAfter reports whether the words from k on open with a number, over
// an approximation ("around 292,000", "more than 40"): the object of a
// verb of adding or writing, which then says nothing.
func (p *Paragraph) countAfter(toks []Token, k int) bool {
	for ; k < len(toks); k++ {
		w := p.word(toks[k])
		switch {
		case w != "" && (w[0] >= '0' && w[0] <= '9' || w[0] == '$' || toks[k].Is(NumberWord)):
			return true
		case Has(w, Approximator) || Has(w, Bound) || p.is(toks[k], "than"):
			if toks[k].BreakAfter {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// definiteStart returns where the source words toks[start:j] begin when
// a definite description inside them, after a noun, refers back to a name
// ("a probe the law enforcement agency said", the FBI named before): the
// description is the source, not the noun before it. Otherwise start.
func (p *Paragraph) definiteStart(toks []Token, start, j int) int {
	for d := start + 1; d < j-1; d++ {
		prev := toks[d-1]
		if !toks[d].Is(Definite) || prev.BreakAfter || prev.Is(Preposition|VagueModifier|Determiner|FunctionWord) ||
			p.capitalised(prev) || p.participle(prev) {
			continue
		}
		if p.classify(toks[d:j], false) == Named {
			return d
		}
	}
	return start
}

// clauseRun reports whether the words toks[from:end] after a cue hold a
// verb of their own ("The FBI director, James B. Comey, said no charges
// were warranted"): they are what is said, not who said it, and the
// speaker is the subject before the comma.
func (p *Paragraph) clauseRun(toks []Token, from, end int) bool {
	// A form of "have" is a verb too: "said the program has sent".
	verb := func(t Token) bool { return (t.Is(BeVerb|ModalWord) || Has(p.word(t), PerfectAux)) && !p.capitalised(t) } // not "said Will Doyle"
	for i := from; i < end && i <= from+maxSourceWords; i++ {
		if verb(toks[i]) {
			return true
		}
	}
	return end < len(toks) && verb(toks[end]) && !toks[end-1].BreakAfter
}

// inSource reports whether word i, read backwards from a cue, may belong to
// the cue's source: not a clause word ("that", "who") unless a preposition
// makes it a determiner ("critics of that paper"), and not another cue
// unless it is a source noun ("reports", "research").
func (p *Paragraph) inSource(toks []Token, i int) bool {
	t := toks[i]
	if t.Is(ClauseWord) {
		return t.Is(Determiner) && i > 0 && toks[i-1].Is(Preposition) && !toks[i-1].BreakAfter || p.rangeTo(toks, i)
	}
	return !t.Is(Cue) || t.Is(SourceNoun|VagueSource|NounCue|StrictCue) || i > 0 && toks[i-1].Is(Determiner) && !toks[i-1].BreakAfter
}

// marginAfter reports whether the words from k on open with a share or
// points in digits, a margin after "by" ("a poll found by 43%-41% …",
// "showed her ahead by 5 points"), not the one by whom a thing was found.
func (p *Paragraph) marginAfter(toks []Token, k int) bool {
	if k >= len(toks) || !p.number(toks[k]) || toks[k].Is(NumberWord) {
		return false
	}
	if strings.Contains(p.word(toks[k]), "%") {
		return true
	}
	return k+1 < len(toks) && !toks[k].BreakAfter && (toks[k+1].Is(PercentWord) || p.is(toks[k+1], "points") || p.is(toks[k+1], "percentage"))
}

// rangeTo reports whether word i is "to" between two numbers, a range
// ("voters aged 18 to 35"), not a clause's infinitive: a source's phrase
// runs across it ("a survey of those 18 to 35 years old shows").
func (p *Paragraph) rangeTo(toks []Token, i int) bool {
	return i > 0 && i+1 < len(toks) && p.is(toks[i], "to") && !toks[i-1].BreakAfter && !toks[i].BreakAfter &&
		p.number(toks[i-1]) && p.number(toks[i+1])
}

// thinksAloud reports whether the verb of thinking at word k, with the
// source words before it, gives a quotation as the thinker's own words:
// right before it, after a comma or colon ("Maria wondered, “…”", "she
// thought to herself: “…”"), or as its tag right after it, a name or
// pronoun and the verb ending the clause ("“…?” he wondered."). Inside a
// clause it gives a view ("He thinks Obama should “…”", "“…” every time
// he thinks about it"), which attributes nothing.
func (p *Paragraph) thinksAloud(toks []Token, k int, before []Token) bool {
	return Has(p.word(toks[k]), ThoughtVerb) && p.aloud(toks, k, before)
}

// aloud reports whether the verb at word k, with the source words before
// it, tags a quotation right before it with a name or pronoun and ends
// the clause ("“…?” he wondered.", "“…,” Short shares."), or opens one
// right after it after a comma or colon ("Maria wondered, “…”", "she
// thought to herself: “…”").
func (p *Paragraph) aloud(toks []Token, k int, before []Token) bool {
	t := toks[k]
	if len(before) > 0 && p.tagEndsBefore(before[0]) {
		rest := strings.TrimLeft(p.Text[t.End:], " ")
		named := len(before) == 1 && before[0].Is(Pronoun) || p.capitalised(before[0]) && p.isName(before, len(before)-1)
		return named && (rest == "" || strings.ContainsRune(".,;!?", rune(rest[0])))
	}
	if !t.BreakAfter && k+2 < len(toks) && p.is(toks[k+1], "to") && Has(p.word(toks[k+2]), Reflexive) {
		t = toks[k+2] // "thought to herself"
	}
	rest := strings.TrimLeft(p.Text[t.End:], " ")
	return (strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ":")) && p.quoteFollows(t)
}

// quoteFollows reports whether a quotation opens right after word t, in
// double or single curly quotes or straight ones:
// "arrived promising “a fresh start”".
func (p *Paragraph) quoteFollows(t Token) bool {
	rest := strings.TrimLeft(p.Text[t.End:], " ,:")
	return strings.HasPrefix(rest, "\"") || strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, "‘")
}

// gerundCue reads a cue after a preposition ("rallied supporters by
// warning that …"): the sentence's subject speaks.
func (p *Paragraph) gerundCue(toks []Token, k, si int) {
	t := toks[k]
	if !t.Is(Cue) || t.Is(NounCue|NearCue) || !p.clauseFollows(toks, k) {
		return // "by answering questions", "by posting videos": acting, not speaking
	}
	src := p.subjectBefore(toks, k, true)
	if len(src) == 0 || src[len(src)-1].End > t.Start {
		return
	}
	if p.capitalised(src[0]) {
		// "Netanyahu rallied supporters by warning": the name that opens
		// the sentence, not the clause after it.
		n := 1
		for n < len(src) && p.capitalised(src[n]) {
			n++
		}
		src = src[:n]
	}
	p.add(Attribution{Source: Span{src[0].Start, src[len(src)-1].End}, Cue: Span{t.Start, t.End},
		Kind: p.classify(src, true), Content: p.contentAfter(toks, k+1, p.Sentences[si]), Sentence: si})
}

// commaBetween reports whether a comma stands between two words.
func (p *Paragraph) commaBetween(a, b Token) bool {
	return strings.IndexByte(p.Text[a.End:b.Start], ',') >= 0
}

// subjectBefore returns the source of a cue at word k that follows a
// comma: for a participle ("…, adding"), the sentence's first words up to
// its verb; otherwise the run of words before the apposition that the
// comma closes ("Kevin Brady, chairman of …, said").
func (p *Paragraph) subjectBefore(toks []Token, k int, participle bool) []Token {
	if participle {
		end := 0
		for end < len(toks) && end < maxSourceWords && !toks[end].BreakAfter && !toks[end].Is(ClauseWord|Cue|BeVerb) {
			end++
		}
		if end < len(toks) && toks[end].BreakAfter && !toks[end].Is(ClauseWord|Cue|BeVerb) {
			end++
		}
		return toks[:end]
	}
	// Back over the apposition to the comma that opens it, then over the
	// name before that comma.
	i := k - 1
	for i > 0 && k-i < 3*maxSourceWords && !(toks[i-1].BreakAfter && p.commaBetween(toks[i-1], toks[i])) {
		i--
	}
	if i == 0 {
		return nil
	}
	end := i
	start := end - 1
	for start > 0 && end-start < maxSourceWords && !toks[start-1].BreakAfter && !toks[start-1].Is(ClauseWord) {
		start--
	}
	return toks[start:end]
}

// dayBefore returns where a day named right before word j starts, the
// weekday with the words about it (day-lead, day-part: "on Monday",
// "early Friday", "Tuesday night"), or j when none ends there.
func (p *Paragraph) dayBefore(toks []Token, j int) int {
	m := j - 1
	if m > 0 && Has(p.word(toks[m]), DayPart) && !toks[m-1].BreakAfter {
		m--
	}
	if !toks[m].Is(Weekday) || !p.capitalised(toks[m]) {
		return j
	}
	if m > 0 && !toks[m-1].BreakAfter && Has(p.word(toks[m-1]), DayLead) {
		m--
	}
	return m
}

// documentAside reports whether the finding cue t (near-cue: "finds",
// "showed") resumes, after the comma before word j, a sentence opened by
// a document and an aside on it: "The survey, conducted by Gallup in May,
// finds Clinton with 46 percent". The document finds; the words after the
// cue are what it found, not a source named after it ("…, said Ruiz").
func (p *Paragraph) documentAside(toks []Token, j int, t Token) bool {
	if !t.Is(NearCue) || j == 0 || !p.commaBetween(toks[j-1], toks[j]) {
		return false
	}
	src := p.subjectBefore(toks, j, false)
	return len(src) > 0 && src[0].Start == toks[0].Start && src[len(src)-1].Is(SourceNoun)
}

// madeByAside reports whether the aside between a source document, its
// head word h, and the comma before word j, where its cue's run of words resumes, names
// its maker: a participle, then "by" or "from" and a name ("The survey,
// conducted by the Public Policy Institute of California, finds"). The
// document is the maker's, as "a report released by the VA" is.
func (p *Paragraph) madeByAside(toks []Token, h, j int) bool {
	return h >= 0 && toks[h].Is(SourceNoun) && h+2 < j && p.participle(toks[h+1]) && p.fromName(toks[h+2:j])
}

// indexBefore returns the index of word w in toks, looking back from word
// j-1, or -1: where a source's head stands before the comma at j.
func indexBefore(toks []Token, w Token, j int) int {
	i := j - 1
	for i >= 0 && toks[i].Start != w.Start {
		i--
	}
	return i
}

// namingApposition reports whether the apposition between a source, its
// head word h, and the comma before word j, where its cue's run of words resumes, is
// names alone: "Two military analysts, Jo Reyes and Sam Ito, found". An
// apposition that says more ("Critics, who met in Albany, said") names
// nobody who speaks.
func (p *Paragraph) namingApposition(toks []Token, h, j int) bool {
	named := false
	for k := h + 1; k < j; k++ {
		switch {
		case p.isName(toks, k):
			named = true
		case p.is(toks[k], "and") || p.capitalised(toks[k]) && (toks[k].End-toks[k].Start > 1 || p.initial(toks[k])):
		default:
			return false
		}
	}
	return named
}

// bodyNamedBefore reports whether a public body is named before offset
// off in the paragraph: a noun for a body (of both body and role)
// joined to a capitalised word that does not open its sentence ("the
// Obama administration", "the Jupiter Police Department", "the Chinese
// government"; not "a Texas county jail"), or a body's own name
// (body-name: "the White House"). As nameBefore, it reads each
// sentence once, however often it is asked.
func (p *Paragraph) bodyNamedBefore(off int) bool {
	return p.firstBefore(off, &p.firstBody, &p.bodyScan, func(toks []Token) int {
		for k, t := range toks {
			if p.capitalised(t) && (Has(p.word(t), BodyName) ||
				k+1 < len(toks) && !t.BreakAfter && Has(p.Text[t.Start:toks[k+1].End], BodyName)) {
				return t.Start // "the White House", "the Pentagon"
			}
			if k+1 < len(toks) && !t.BreakAfter && toks[k+1].Is(Role) && !toks[k+1].Is(VagueSource) && p.initialism(t) && (k == 0 || !p.initialism(toks[k-1])) {
				return t.Start // "the CIA office", "DNC chair": a body known by its initials, with one of its roles
			}
			if !t.Is(Body) || !t.Is(Role) { // a body's noun: "administration", not "county"
				continue
			}
			if k > 0 && p.capitalised(t) {
				return t.Start // "the Department of Homeland Security"
			}
			joined := func(j int) bool {
				return j > 0 && j < len(toks) && p.capitalised(toks[j]) && !toks[min(j, k)].BreakAfter && !toks[j].Is(Determiner|FunctionWord)
			}
			if joined(k-1) || joined(k+1) {
				return t.Start
			}
		}
		return -1
	})
}

// docNamedBefore reports whether a document, a dataset or a body that
// keeps them is named before offset off in the paragraph: a source noun
// with a name just before it ("a Bloomberg poll", "Gallup's figures") or
// after "by", "from" or "of" ("a poll by Gallup"), initials ("NBC", "the
// CDC") or a body's capitalised name ("the Census Bureau", "Quinnipiac
// University"). As nameBefore, it reads each sentence once, however often
// it is asked.
func (p *Paragraph) docNamedBefore(off int) bool {
	return p.firstBefore(off, &p.firstDoc, &p.docScan, func(toks []Token) int {
		for k, t := range toks {
			if p.initialism(t) && !strings.Contains(p.word(t), ".") && !p.yearLead(toks, k) {
				return t.Start // "NBC", "the CDC": a body known by its initials
			}
			if t.Is(Role) && k > 0 && p.capitalised(t) && p.capitalised(toks[k-1]) && !toks[k-1].BreakAfter {
				return t.Start // "the Census Bureau", "Quinnipiac University"
			}
			if !t.Is(SourceNoun) {
				continue
			}
			for j := max(k-2, 0); j < k; j++ {
				if p.isName(toks, j) && (j > 0 || p.nameOpens(toks)) {
					return toks[j].Start
				}
			}
			if k+2 < len(toks) && (p.is(toks[k+1], "by") || p.is(toks[k+1], "from") || p.is(toks[k+1], "of")) && p.isName(toks, k+2) {
				return t.Start
			}
		}
		return -1
	})
}

// bodyInSentence reports whether the sentence findInSentence is reading
// refers to a body with "the" and a word for one ("the agency", "the
// administration"), other than at the role head.
func (p *Paragraph) bodyInSentence(head Token) bool {
	if p.bodySent != p.curSent || p.curSent == 0 {
		p.bodySent, p.bodyAt = p.curSent, [2]int{-1, -1}
		n := 0
		for k := 0; k+1 < len(p.cur) && n < len(p.bodyAt); k++ {
			t, b := p.cur[k], p.cur[k+1]
			if !t.BreakAfter && p.is(t, "the") && b.Is(Body) && b.Is(Role) && !Has(p.word(b), BodyRole) &&
				(k+2 == len(p.cur) || b.BreakAfter || !p.cur[k+2].Is(Role) && !p.is(p.cur[k+2], "of")) {
				// Not "the agency spokesman", nor "the government of
				// President Assad", another's.
				p.bodyAt[n] = b.Start
				n++
			}
		}
	}
	// Two bodies start at different words: one of them is not the head.
	return p.bodyAt[0] >= 0 && p.bodyAt[0] != head.Start || p.bodyAt[1] >= 0
}

// nameInSentence reports whether a name stands anywhere in the sentence
// findInSentence is reading, looked for once per sentence.
func (p *Paragraph) nameInSentence() bool {
	if p.nameSent != p.curSent {
		p.nameSent, p.nameInCur = p.curSent, false
		for k := range p.cur {
			if p.isName(p.cur, k) && (k > 0 || p.nameOpens(p.cur)) {
				p.nameInCur = true
				break
			}
		}
	}
	return p.nameInCur
}

// beforeParenthesis returns where the words before a parenthetical that
// ends right before word j end ("Reid (D-Nev.) told" gives the word after
// "Reid"), or j when none does.
func (p *Paragraph) beforeParenthesis(toks []Token, j int) int {
	if j < 2 || !strings.HasPrefix(strings.TrimLeft(p.Text[toks[j-1].End:toks[j].Start], "."), ")") {
		return j
	}
	for i := j - 1; i > 0 && j-i <= maxSourceWords; i-- {
		if strings.Contains(p.Text[toks[i-1].End:toks[i].Start], "(") {
			if toks[i-1].BreakAfter && !strings.HasPrefix(strings.TrimSpace(p.Text[toks[i-1].End:toks[i].Start]), "(") {
				return j // a comma or stop before the aside: not a name's aside
			}
			return i
		}
	}
	return j
}

// clauseFollows reports whether what a cue at word k governs follows it
// closely: "that" or a quotation within maxCueGap words, so that "is
// telling supporters that …" speaks and "is adding new people" does not,
// or a clause right after it whose subject is a pronoun and whose verb
// opens with an auxiliary ("saying he would", "confirming it will").
func (p *Paragraph) clauseFollows(toks []Token, k int) bool {
	if k+2 < len(toks) && !toks[k].BreakAfter && !toks[k+1].BreakAfter && toks[k+1].Is(Pronoun) && !Has(p.word(toks[k+1]), ObjectPronoun) &&
		(toks[k+2].Is(ModalWord|BeVerb) || Has(p.word(toks[k+2]), PerfectAux)) {
		return true // "a statement confirming it will double its staff": a clause without "that"
	}
	for j := k; j < len(toks) && j-k <= maxCueGap; j++ {
		if j > k && p.is(toks[j], "that") || p.quoteFollows(toks[j]) {
			return true
		}
		if toks[j].BreakAfter {
			return false
		}
	}
	return false
}

// quoteEndsBefore reports whether a quotation closes right before word t:
// `"…," states Owen Fuller` speaks even with a noun for its cue.
// tagEndsBefore reports whether a quotation ends right before t with the
// mark of a tag inside it ("“…,” she shares", "“…?” he wondered"), not a
// quoted term ("the “sharing economy” reflects").
func (p *Paragraph) tagEndsBefore(t Token) bool {
	before, ok := p.closedBefore(t)
	return ok && (strings.HasSuffix(before, ",") || strings.HasSuffix(before, "?") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "…"))
}

func (p *Paragraph) quoteEndsBefore(t Token) bool {
	_, ok := p.closedBefore(t)
	return ok
}

// closedBefore returns the text before the closing quotation mark that
// stands right before t, over spaces, and whether there is one.
func (p *Paragraph) closedBefore(t Token) (string, bool) {
	before := strings.TrimRight(p.Text[:t.Start], " ")
	if s, ok := strings.CutSuffix(before, "”"); ok {
		return s, true
	}
	return strings.CutSuffix(before, "\"")
}

// strictCueSpeaks reports whether a strict cue at word k, with the source
// words before it, attributes: right after a quotation ("“…,” continued
// Ruiz", unless another cue follows: `"…," state Sen. Ruiz said`), after a
// source that follows one ("“…,” he continued."), or before a quotation
// or a clause with a name, pronoun or source before it ("She continued,
// “…”", "Fuller states that …"). A capital mid-sentence makes it a name
// ("the United States").
func (p *Paragraph) strictCueSpeaks(toks []Token, k int, before []Token) bool {
	t := toks[k]
	switch {
	case k > 0 && p.capitalised(t):
		return false
	case Has(p.word(t), ShareVerb):
		return p.tagEndsBefore(t) && !p.cueWithin(toks, k+1, maxSourceWords) || p.aloud(toks, k, before)
	case p.quoteEndsBefore(t):
		return !p.cueWithin(toks, k+1, maxSourceWords)
	case len(before) > 0 && p.quoteEndsBefore(before[0]):
		return true
	}
	// The source's last word, over words like "also" ("It also points
	// out that …").
	s := k - 1
	for s > 0 && toks[s].Is(BetweenCue) && !toks[s].Is(ModalWord) && !toks[s].BreakAfter {
		s--
	}
	if k == 0 || !p.isName(toks, s) && !toks[s].Is(Pronoun|SourceNoun|Role) {
		return false
	}
	// Over the particle of "points out": "Fuller points out that …".
	n := k + 1
	if n < len(toks) && !t.BreakAfter && p.is(toks[n], "out") {
		t, n = toks[n], n+1
	}
	return p.quoteFollows(t) || n < len(toks) && p.is(toks[n], "that") && !t.BreakAfter ||
		t.BreakAfter && strings.HasPrefix(p.Text[t.End:], ":")
}

// cueWithin reports whether a speech cue is among the n words from k.
func (p *Paragraph) cueWithin(toks []Token, k, n int) bool {
	for j := k; j < len(toks) && j < k+n; j++ {
		if toks[j].Is(Cue) && !toks[j].Is(StrictCue) {
			return true
		}
	}
	return false
}

// initial reports a name's initial: one capital letter and a full stop
// ("Harry M. Reid"), whose stop ends no sentence or phrase.
func (p *Paragraph) initial(t Token) bool {
	return t.End-t.Start == 1 && p.Text[t.Start] >= 'A' && p.Text[t.Start] <= 'Z' && strings.HasPrefix(p.Text[t.End:], ". ")
}

// asideOpens reports whether only a comma or a dash, with spaces, stands
// between words a and b: the opening of an aside.
func (p *Paragraph) asideOpens(a, b Token) bool {
	switch strings.TrimSpace(p.Text[a.End:b.Start]) {
	case ",", "—", "–", "--":
		return true
	}
	return false
}

// nameStop reports whether the stop after word t belongs to a name: an
// initial ("Harry M. Reid") or, where the name opens the tag (opens: a
// quotation closes right before it, or the sentence starts there), a
// title: "“…,” Mr. Gray continued.", "Sen. Ruiz said". (Inside a clause
// the stop still ends the source's run, whose content then reaches over
// the sentence: "…, which Mr. Clarke says …".)
func (p *Paragraph) nameStop(t Token, opens bool) bool {
	return p.initial(t) || opens && Exact(p.word(t))&Abbreviation != 0 && strings.HasPrefix(p.Text[t.End:], ". ")
}

// bracketGap reports whether only a bracket, with spaces, stands between
// words a and b.
func (p *Paragraph) bracketGap(a, b Token) bool {
	gap := strings.TrimSpace(p.Text[a.End:b.Start])
	return gap == "(" || gap == ")"
}

// seriesSubject returns the subject that opens a sentence of verbs in a
// series: a pronoun or a run of capitalised words, then a verb in the past
// ("He pledged …", "Gov. Ana Ruiz vowed …"). Otherwise nil.
func (p *Paragraph) seriesSubject(toks []Token) []Token {
	n := 0
	if len(toks) > 0 && toks[0].Is(Pronoun) && !Has(p.word(toks[0]), ObjectPronoun) && !p.is(toks[0], "it") {
		n = 1
	} else if len(toks) > 0 && !toks[0].Is(Preposition|ClauseWord|FunctionWord) && !Has(p.word(toks[0]), Subordinator) {
		// Not a clause that opens on a subordinator ("When asked …",
		// "After Tanden informed …").
		for n < len(toks) && n < maxSourceWords && p.capitalised(toks[n]) && !toks[n].BreakAfter {
			n++
		}
	}
	if n == 0 || n >= len(toks) || toks[n-1].BreakAfter {
		return nil
	}
	v := toks[n]
	if w := p.word(v); p.capitalised(v) || !strings.HasSuffix(w, "ed") && !v.Is(Cue) {
		return nil
	}
	return toks[:n]
}

// clauseSubject returns the subject of the clause whose verb is
// coordinated by the word at and: from the clause's start (the
// sentence's, or after its last comma before and), the name or noun
// phrase that opens it ("Trump", "The Vermont senator"), or nil. toks are
// the words of sentence si.
func (p *Paragraph) clauseSubject(toks []Token, and, si int) []Token {
	// The clause's start is the last word before and that follows a break;
	// walking back to it from every "and said" of a long sentence would be
	// quadratic, so the walk goes forward once per sentence.
	if p.clauseSent != si+1 || p.clauseScan > and {
		p.clauseSent, p.clauseScan, p.clauseBreak, p.clauseAside = si+1, 1, 0, -1
	}
	for ; p.clauseScan < and; p.clauseScan++ {
		// An aside in brackets ends no clause, nor an initial's stop:
		// "Tanya Moore of the Department of Agriculture (USDA) also shared
		// … and stated", "I searched for the top inventor (Bartley K.
		// Andre) and found". Nor does a relative aside set off by commas:
		// "The authors, which include the Tax Fund, combed … and found".
		b, t := toks[p.clauseScan-1], toks[p.clauseScan]
		if !b.BreakAfter || p.bracketGap(b, t) || p.initial(b) {
			continue
		}
		switch {
		case p.clauseAside >= 0 && p.commaBetween(b, t) && !p.capitalised(t) && !t.Is(Determiner|Pronoun|ClauseWord|FunctionWord):
			// The aside closes on the verb of the clause it interrupts.
			p.clauseBreak, p.clauseAside = p.clauseAside, -1
		case p.clauseAside < 0 && p.commaBetween(b, t) && (p.is(t, "which") || p.is(t, "who")):
			p.clauseAside = p.clauseBreak
			p.clauseBreak = p.clauseScan
		default:
			p.clauseBreak, p.clauseAside = p.clauseScan, -1
		}
	}
	start := p.clauseBreak
	end, cut := start, -1
	for end < and && end-start < maxSourceWords {
		t := toks[end]
		if !p.capitalised(t) && !t.Is(Determiner|Role|SourceNoun|Body|VagueModifier|VagueSource) && !possessive(p.word(t)) {
			// "Researchers at Duke University", "the authors of the
			// study": a preposition after a noun, before a name or a
			// noun phrase, says whose the source is (a name before it,
			// "Tanya Moore of the Department …", is the source).
			if !p.sourcePreposition(t) || end == start || cut >= 0 || p.isName(toks, end-1) || end+1 >= and || !p.capitalised(toks[end+1]) && !toks[end+1].Is(Determiner) {
				break
			}
			cut = end
		}
		end++
		if t.BreakAfter {
			break
		}
	}
	if end == start && start > 0 && !toks[start].Is(Determiner|Preposition|ClauseWord|Pronoun|FunctionWord) {
		// A clause opened by a verb: the series of verbs whose subject
		// opens the sentence ("He pledged …, cast doubt on …, and
		// suggested that").
		return p.seriesSubject(toks)
	}
	if cut >= 0 && (end == cut+1 || toks[end-1].Is(Determiner)) {
		end = cut // "officials at the port": the body after the preposition is no noun read here
	}
	if end == start || toks[end-1].Is(Determiner) {
		return nil
	}
	return toks[start:end]
}

// sourcePreposition reports whether t is a preposition that ties a source
// to its body inside a noun phrase: "at", "of", "for", "from".
func (p *Paragraph) sourcePreposition(t Token) bool {
	return Has(p.word(t), SourcePreposition)
}

// takesClause reports whether the cue at word k (not the sentence's last)
// is followed by what a cue verb governs: "that", a colon or quotation, a determiner, a number,
// a pronoun or a name.
func (p *Paragraph) takesClause(toks []Token, k int) bool {
	t := toks[k]
	if t.BreakAfter {
		rest := p.Text[t.End:]
		return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, " \"") || strings.HasPrefix(rest, " “")
	}
	if k+1 >= len(toks) {
		return false
	}
	n := toks[k+1]
	if p.is(n, "that") && k+2 < len(toks) && !n.BreakAfter && toks[k+2].Is(ModalWord|BeVerb) {
		return false // "projects that can be found online": a relative clause about the noun
	}
	if n.Is(NumberWord) || p.is(n, "that") || n.Is(Determiner) && !n.Is(Definite) {
		return true // "reports that", "reports 40 cases", "reports a rise"
	}
	if n.Is(ModalWord) && k > 0 && !toks[k-1].BreakAfter && p.capitalised(toks[k-1]) {
		return true // "which the Tax Foundation estimates would cost": a clause whose subject went before
	}
	c := p.Text[n.Start]
	return c >= '0' && c <= '9' || c == '$'
}

// thatClauseAfter reports whether a "that" clause follows the noun cue at
// word k after a few words about it: "a New York Times report from over
// the weekend that nearly $1 billion in losses …". Not a relative clause
// ("a report from May that was widely read").
func (p *Paragraph) thatClauseAfter(toks []Token, k int) bool {
	for j := k + 1; j+1 < len(toks) && j-k <= maxCueGap; j++ {
		if toks[j-1].BreakAfter || toks[j].Is(Cue) {
			return false
		}
		if p.is(toks[j], "that") {
			return !toks[j].BreakAfter && !toks[j+1].Is(ModalWord|BeVerb)
		}
	}
	return false
}

// documentVerb reports whether noun cue t, right after a source document,
// is its verb whatever follows: "the Gallup poll shows Clinton at 47%",
// "the RCP average finds the senator ahead". Asked only for a named
// source: "what a count counts" stays a noun phrase.
func (p *Paragraph) documentVerb(before []Token, t Token) bool {
	if len(before) == 0 {
		return false
	}
	head := before[len(before)-1]
	for m := 1; m < len(before); m++ {
		if before[m].Is(Preposition) {
			head = before[m-1] // "documents from his tax return show": the noun before the preposition
			break
		}
	}
	if !head.Is(SourceNoun) || head.BreakAfter {
		return false
	}
	// The verb agrees with the document: "the report shows", "documents show".
	verbS, nounS := strings.HasSuffix(p.word(t), "s"), strings.HasSuffix(p.word(head), "s")
	return verbS && !nounS || !verbS && nounS
}

// personVerb reports whether noun cue t, right after a name, is its verb
// in the third person (name-verb): "Trump reports investments worth $1
// million", "Ruiz notes a drop". A name has no determiner, so "reports"
// after it is no noun.
func (p *Paragraph) personVerb(before []Token, toks []Token, k int) bool {
	t := toks[k]
	if len(before) == 0 {
		// "Kate, who lives in Portland, notes, “…”": the name found
		// before the aside; the cue is its verb when a quotation follows.
		return t.BreakAfter && strings.HasPrefix(p.Text[t.End:], ",") && p.quoteFollows(t) && Has(p.word(t), NameVerb)
	}
	if k+1 < len(toks) && !t.BreakAfter && (toks[k+1].Is(Preposition) || p.is(toks[k+1], "as") || p.is(toks[k+1], "to") ||
		!wordStart(p.Text[toks[k+1].Start:])) {
		return false // "Republican claims as false", "comments to co-workers", "claims – a margin": a noun
	}
	if rest := p.Text[t.End:]; t.BreakAfter && !strings.HasPrefix(rest, ":") && !p.quoteFollows(t) {
		return false // "Democratic claims – a 3 to 1 margin": a noun, its phrase ended
	}
	head := before[len(before)-1]
	if head.Start == toks[0].Start && !(p.ProperName != nil && p.ProperName(p.word(head))) {
		return false // "Initial estimates …": a capital that may only open the sentence
	}
	return head.Class == 0 && p.capitalised(head) && !head.BreakAfter && !possessive(p.word(head)) &&
		Has(p.word(t), NameVerb) && !strings.HasSuffix(p.word(head), "s")
}

// asNameBefore returns the name after "as" that speaks the cue at word
// k over an aside set off by commas: "as Chris Ferguson, director of the
// group, recently put it". The name must follow "as" right away.
func (p *Paragraph) asNameBefore(toks []Token, k int) ([]Token, bool) {
	for m := k - 1; m >= 0 && k-m <= 2*maxSourceWords; m-- {
		if !p.is(toks[m], "as") || toks[m].BreakAfter || m+1 >= k || !p.isName(toks, m+1) {
			continue
		}
		end := m + 1
		for end < k && p.capitalised(toks[end]) && !toks[end].BreakAfter {
			end++
		}
		if end < k && p.capitalised(toks[end]) {
			end++ // the name's last word, before the comma
		}
		if end < k && toks[end-1].BreakAfter && strings.HasPrefix(p.Text[toks[end-1].End:], ",") {
			return toks[m+1 : end], true
		}
		return nil, false
	}
	return nil, false
}

// wordStart reports whether s opens with a letter, a digit or a dollar
// sign: a word, not a dash or a mark.
func wordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '$'
}

// pluralSource reports whether a source is a group named by a plural
// noun that holds views ("analysts", "many economists"), not a mere
// quantifier ("some", "everyone") or the reader ("you").
func (p *Paragraph) pluralSource(src []Token) bool {
	head := src[len(src)-1]
	return head.Is(VagueSource) && !head.Is(VagueModifier) && !p.is(head, "everyone") && !p.is(head, "everybody") &&
		!p.is(head, "someone") && !p.is(head, "somebody")
}

// contentAround returns the content of a cue at word k whose source starts
// at word s: after the cue ("X said that …"), or, when the source and cue
// end the sentence after a comma or a quotation ("…, X said."), before.
func (p *Paragraph) contentAround(toks []Token, s, k int, sent Sentence) Span {
	rest := k + 1
	for rest < len(toks) && rest-k <= maxCueGap && toks[rest].Is(AfterCue) && !toks[rest-1].BreakAfter {
		rest++
	}
	atEnd := rest == len(toks) || toks[rest-1].BreakAfter && rest-k <= maxCueGap && p.onlyApposition(toks, rest)
	if s > 0 && toks[s-1].BreakAfter && atEnd {
		return p.withQuotes(Span{sent.Start, toks[s-1].End})
	}
	if s > 0 && toks[s-1].BreakAfter {
		// "The plan, she said, will …": the whole sentence.
		return p.withQuotes(Span(sent))
	}
	return p.contentAfter(toks, k+1, sent)
}

// onlyApposition reports whether the words from k on describe the source
// rather than say something: "…, said Ruiz, a spokeswoman for the agency."
func (p *Paragraph) onlyApposition(toks []Token, k int) bool {
	if k >= len(toks) {
		return true
	}
	t := toks[k]
	return (t.Is(Determiner) || p.is(t, "who")) && len(toks)-k <= maxSourceWords
}

// contentAfter returns the content that starts at word k: after any words
// like "Monday", "in a statement" and "that", to the sentence's end.
func (p *Paragraph) contentAfter(toks []Token, k int, sent Sentence) Span {
	from := k
	for j := k; j < len(toks) && j-k < maxCueGap; j++ {
		if p.is(toks[j], "that") {
			from = j + 1
			break
		}
		if !toks[j].Is(AfterCue) {
			break
		}
	}
	if from >= len(toks) {
		return Span{sent.End, sent.End}
	}
	// A semicolon ends the clause the cue governs: "When Nega encouraged
	// his students to protest, …; later, they shot 41 people dead."
	// A search from a word between the last search's start and the
	// semicolon it found finds the same one: every cue of a long sentence
	// searching to its end would be quadratic.
	at := toks[from].Start
	if p.semiSent != sent.Start+1 || at < p.semiFrom || at > p.semiAt {
		p.semiSent, p.semiFrom, p.semiAt, p.semiEnd = sent.Start+1, at, sent.End, sent.End
		for j := from; j+1 < len(toks); j++ {
			if toks[j].BreakAfter && strings.HasPrefix(p.Text[toks[j].End:], ";") && toks[j+1].Is(ClauseWord|BetweenCue|Pronoun|FirstPerson) {
				p.semiAt, p.semiEnd = toks[j].Start, toks[j].End // "…; later, they shot": a new clause, not a list's next item
				break
			}
		}
	}
	return p.withQuotes(Span{at, p.semiEnd})
}

// withQuotes widens a content span to the whole of every quotation it
// starts or ends inside: a quotation of several sentences is one content.
func (p *Paragraph) withQuotes(s Span) Span {
	if q, ok := p.outerAt(s.Start); ok && q.Start < s.Start {
		s.Start = q.Start
	}
	if q, ok := p.outerAt(s.End); ok && q.Start < s.End && q.Start >= s.Start {
		s.End = q.End
	}
	return s
}

// outerAt returns the outermost quotation holding offset off inside it.
func (p *Paragraph) outerAt(off int) (Span, bool) {
	i, _ := slices.BinarySearchFunc(p.outer, off, func(q Span, off int) int { return q.Start - off })
	// p.outer[i-1] is the last quotation starting before off.
	if i > 0 && off < p.outer[i-1].End {
		return p.outer[i-1], true
	}
	return Span{}, false
}

// classify says what kind of source the words src are. first is true when
// src starts its sentence (its first word's capital proves nothing).
func (p *Paragraph) classify(src []Token, first bool) SourceKind {
	head := src[len(src)-1]
	if p.shareOpens(src) && !head.Is(VagueSource) || len(src) == 1 && p.is(head, "who") && p.shareBefore(head.Start) {
		// "74 percent of Democratic voters say", "a majority of Ohio
		// voters say", "Nine in 10 Texans say", "… compared with 64
		// percent who say": a share of a group answering a poll, whose
		// figures are the poll's, not the group's; its name ("Democratic",
		// "Ohio") names no one who gave them. A share of a vague source
		// ("half of economists") reads as below, vague.
		return Unnamed
	}
	if len(src) >= 3 && Has(p.word(src[0]), PluralQuantifier) && !head.Is(Role) && !slices.ContainsFunc(src[1:], func(t Token) bool { return t.Is(VagueSource) }) && p.pluralNoun(head) &&
		!Has(p.word(head), StaffRole) && !Has(p.word(head), BodyRole) {
		// "several Clinton supporters", "some environmental groups": some
		// of a group, no one of them named, so a vague source (an editor
		// asks which). Some "of" a group known by no name ("several of
		// our colleagues", "many of the kids") are some of the writer's
		// or the text's own people: unnamed. A vague head ("several
		// political experts") reads as below, and so do "some campaign
		// staffers" and "some RNC officials", who speak for the body their
		// sentence or paragraph names.
		if !p.is(src[1], "of") {
			return Vague
		}
		for i := 1; i < len(src)-1; i++ {
			if p.isName(src, i) {
				return Vague
			}
		}
		return Unnamed
	}
	for i := range src {
		if i == 0 && first && !p.acronym(src[i]) && !possessive(p.word(src[i])) && (src[i].Class != 0 || len(src) > 1 && !p.capitalised(src[1])) &&
			!(src[i].Class == 0 && p.ProperName != nil && p.ProperName(p.word(src[i]))) {
			continue // "The", or "Health officials": a capital that only opens the sentence
		}
		if p.isNameIn(src, i, first) {
			return Named
		}
	}
	// "a new poll released Monday", "the report published last week": a
	// participle after the source noun begins a clause about it, so the
	// noun is the head whose words decide.
	for i := 0; i+1 < len(src); i++ {
		if src[i].Is(SourceNoun|Role|VagueSource) && !src[i].BreakAfter && p.participle(src[i+1]) {
			src = src[:i+1]
			head = src[i]
			break
		}
	}
	if len(src) == 1 {
		switch {
		case Exact(p.word(head))&FirstPersonExact != 0:
			return FirstHand
		case p.is(head, "who"):
			if p.namedBefore(head.Start) {
				return Named
			}
			return Unnamed
		case head.Is(FirstPerson):
			return FirstHand
		case head.Is(Pronoun):
			if p.namedBefore(head.Start) {
				return Named
			}
			return Unnamed
		}
	}
	if src[0].Is(FirstPerson) { // "our survey"
		return FirstHand
	}
	if len(src) > 1 && head.Is(FirstPerson) {
		return FirstHand // "people we spoke to": the cue is the writer's, in a clause on the people
	}
	if len(src) > 2 && p.is(src[1], "of") && (src[2].Is(FirstPerson) || Exact(p.word(src[2]))&FirstPersonExact != 0) {
		return FirstHand // "most of us", "many of our staff": the writer's own group
	}
	if slices.ContainsFunc(src, func(t Token) bool { return Has(p.word(t), FirstHandModifier) }) {
		return FirstHand // "an internal study": the writer's organisation's own
	}
	if slices.ContainsFunc(src, func(t Token) bool { return t.Is(ReaderWord) }) {
		return Unnamed // "many of you": the readers, whom the writer knows
	}
	// "a spokesperson for the firm": the body after the preposition says
	// whose; the words before it are the head.
	for m := 1; m < len(src)-1; m++ {
		if !src[m].Is(Preposition) || src[m-1].BreakAfter {
			continue
		}
		body := src[m+1:]
		if kind := p.classify(body, false); kind == Named || kind == FirstHand {
			return kind
		}
		head = src[m-1]
		if body[0].Is(Definite) && (head.Is(Role) && !head.Is(VagueSource) || head.Is(VagueModifier)) {
			// "a spokesperson for the firm", "some of these examples": a
			// body or things referred to, not named.
			return Unnamed
		}
		if len(body) == 1 && Has(p.word(body[0]), PartitivePronoun) && head.Is(VagueModifier) {
			// "most of them said": some of the people the text has just
			// told of, referred to, not left unnamed.
			return Unnamed
		}
		break
	}
	if _, n := p.phraseAt(src, 0, VaguePhrase); n > 0 {
		return Vague
	}
	if len(src) > 1 && Has(p.word(src[0]), PossessiveDeterminer) && !p.is(src[0], "its") && p.namedBefore(src[0].Start) {
		return Named // "his 1995 tax return": owned by the one named before
	}
	if src[0].Is(Definite) && head.Is(SourceNoun) && !head.Is(Role|VagueSource) {
		// "the poll", "the report": a document named before in the
		// paragraph ("a Bloomberg poll", "the Quinnipiac survey"), or one
		// of a public body named there; not any name ("Clinton leads Trump,
		// according to the poll").
		if p.docNamedBefore(src[0].Start) || p.bodyNamedBefore(src[0].Start) {
			return Named
		}
		return Unnamed
	}
	if src[0].Is(Definite) && head.Is(SourceNoun|Role|VagueSource) {
		// "the agency", "the spokesman": the one named before in
		// the paragraph.
		if p.nameBefore(src[0].Start) {
			return Named
		}
		return Unnamed
	}
	if head.Is(SourceNoun) && len(src) >= 2 && src[len(src)-2].Is(Body) && !src[0].Is(VagueModifier) {
		if Has(p.word(src[len(src)-2]), UnnamedBody) && !p.bodyNamedBefore(src[0].Start) {
			return Vague // "federal data": which agency's? Unless one is named before
		}
		return Named // "census figures", "company records"
	}
	if Has(p.word(head), BodyRole) && !slices.ContainsFunc(src, func(t Token) bool { return p.is(t, "former") }) && p.bodyNamedBefore(src[0].Start) {
		return Named // "Officials said" after the Obama administration is named: its officials
	}
	if Has(p.word(head), BodyRole) && p.bodyInSentence(head) {
		// "the agency has not used them, officials said": the officials of
		// the body their sentence refers to, as "the agency" is read.
		if p.nameBefore(src[0].Start) {
			return Named
		}
		return Unnamed
	}
	if head.Is(Role) && len(src) > 1 && src[len(src)-2].Is(Role) && src[len(src)-2].Is(Body) && !Has(p.word(src[len(src)-2]), BodyRole) && p.nameInSentence() {
		// "Administration officials said Obama's plan …": the named one's
		// administration; not "police officials" beside a place's name.
		return Named
	}
	if head.Is(VagueSource) {
		if head.Is(VagueModifier) && len(src) > 1 && head.Start != src[0].Start {
			return Unnamed // "they most often ask": an adverb, not a quantifier
		}
		if head.Is(Quantified) && !src[0].Is(VagueModifier) {
			return Unnamed // "people said": the ones the text is about, unless "many people"
		}
		return Vague
	}
	if head.Is(SourceNoun) && src[0].Is(VagueModifier) {
		return Vague // "a recent study", "several reports"
	}
	if head.Is(Role) && len(src) > 1 && src[len(src)-2].Is(Role|Body) && !src[len(src)-2].Is(VagueSource) && p.nameBefore(src[0].Start) {
		return Named // "a school spokesman" after the school is named: the role of a named body
	}
	if m := len(src) - 2; head.Is(Role) && m >= 0 && (m > 0 || !first) && src[m].Is(Body) && !src[m].Is(VagueSource) && p.capitalised(src[m]) {
		return Named // "A Treasury spokesman": a body's word written as its name
	}
	if head.Is(Role) && Has(p.word(head), StaffRole) && (p.nameBefore(src[0].Start) || p.nameInSentence()) {
		return Named // "Aides said" in a sentence about the senator: the named one's staff
	}
	if head.Is(Role) && !src[0].Is(Definite) {
		return Vague // "a spokesman", "officials" with no body named
	}
	return Unnamed
}

// shareOpens reports whether a source opens with a share of a group:
// a percentage ("74%", "74 percent of", "Seventy-four percent of"), a
// fraction ("half of", "a third of", "two-thirds of"), a vague share ("a
// majority of") or a ratio of numbers ("nine in 10", "three out of four",
// "six of 10").
func (p *Paragraph) shareOpens(src []Token) bool {
	i := 0
	if len(src) > 2 && (p.is(src[0], "a") || p.is(src[0], "an") || p.is(src[0], "the")) {
		i = 1 // "a third of", "the majority of"
	}
	w := p.word(src[i])
	of := i+1 < len(src) && p.is(src[i+1], "of")
	switch {
	case strings.HasSuffix(w, "%"):
		return true
	case Has(w, VagueShare) || p.fraction(src[i]):
		return of || i == 0 && p.is(src[i], "half") && len(src) > 1
	case i == 0 && p.numberWord(src[i]) && i+1 < len(src):
		next := src[i+1]
		if next.Is(PercentWord) {
			return true
		}
		if i+2 < len(src) && (p.is(next, "in") || p.is(next, "of")) {
			return p.numberWord(src[i+2])
		}
		return i+3 < len(src) && p.is(next, "out") && p.is(src[i+2], "of") && p.numberWord(src[i+3])
	}
	return false
}

// shareBefore reports whether the word that ends before off is a share
// ("percent", "74%", "half", "majority"): "64 percent who say".
func (p *Paragraph) shareBefore(off int) bool {
	end := off
	for end > 0 && p.Text[end-1] == ' ' {
		end--
	}
	start := end
	for start > 0 && p.Text[start-1] != ' ' && p.Text[start-1] != '\n' {
		start--
	}
	if start == end {
		return false
	}
	w := p.Text[start:end]
	if strings.ContainsAny(w, ",;:()") {
		return false // "the CDC, who said": a break, no share
	}
	e := Lookup(w)
	return strings.HasSuffix(w, "%") || e.Is(PercentWord|FractionWord) || Has(w, VagueShare)
}

// numberWord reports whether t is a number in digits or words, joined
// ones included ("Seventy-four").
func (p *Paragraph) numberWord(t Token) bool {
	return p.number(t) || p.hyphenNumber(t, NumberWord)
}

// fraction reports whether t is a fraction word, alone ("half", "third")
// or after a number word ("two-thirds", "three-quarters").
func (p *Paragraph) fraction(t Token) bool {
	return t.Is(FractionWord) || p.hyphenNumber(t, FractionWord)
}

// hyphenNumber reports whether t is a number word, a hyphen and a word of
// class tail, joined: "Seventy-four", "two-thirds".
func (p *Paragraph) hyphenNumber(t Token, tail Class) bool {
	w := p.word(t)
	i := strings.IndexByte(w, '-')
	return t.Joiner && i > 0 && Lookup(w[:i]).Is(NumberWord) && Lookup(w[i+1:]).Is(tail)
}

// pluralNoun reports whether t is a lowercase word shaped like a plural
// noun ("supporters", "voters"), not a possessive.
func (p *Paragraph) pluralNoun(t Token) bool {
	w := p.word(t)
	return len(w) > 3 && w[0] >= 'a' && w[0] <= 'z' && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.ContainsAny(w, "'’")
}

// participle reports a lowercase word in -ed that opens a reduced clause
// ("released", "published", "conducted").
func (p *Paragraph) participle(t Token) bool {
	w := p.word(t)
	return len(w) > 4 && strings.HasSuffix(w, "ed") && w[0] >= 'a' && w[0] <= 'z'
}

// findColonsAndDashes finds the attributions of sentence si without a cue
// word: a name and a colon before a quotation (`Ruiz: "…"`), and a dash
// line after one (`"…" — Ruiz`). toks are the sentence's words.
func (p *Paragraph) findColonsAndDashes(toks []Token, si int) {
	sent := p.Sentences[si]
	// The quotations that may open after a colon in the sentence or close
	// before a dash in it: those starting before its end, from the last
	// one closing before its start.
	q0 := sort.Search(len(p.outer), func(i int) bool { return p.outer[i].End >= sent.Start-maxDashGap })
	for qi := q0; qi < len(p.outer) && p.outer[qi].Start <= sent.End+maxDashGap; qi++ {
		q := p.outer[qi]
		// A colon right before the quotation, after a short run of words.
		i := q.Start
		for i > 0 && p.Text[i-1] == ' ' {
			i--
		}
		if i > 0 && p.Text[i-1] == ':' && p.sentenceAt(i-1) == si {
			end := sort.Search(len(toks), func(k int) bool { return toks[k].End > i-1 })
			start := end - 1 // the word before the colon, then the words joined to it
			for start > 0 && end-start < 5 && !toks[start-1].BreakAfter {
				start--
			}
			if start >= 0 && (start == 0 || toks[start-1].BreakAfter) {
				src := toks[start:end]
				if kind := p.classify(src, start == 0); kind == Named {
					p.add(Attribution{Source: Span{src[0].Start, src[len(src)-1].End},
						Cue: Span{i - 1, i}, Content: Span{q.Start, q.End}, Kind: kind, Sentence: si})
				}
			}
		}
		// A dash after the quotation, then a name to the sentence's end.
		j := q.End
		for j < len(p.Text) && j-q.End < maxDashGap && p.Text[j] == ' ' {
			j++
		}
		n := DashAt(p.Text, j)
		if n == 0 && j > q.End && j+1 < len(p.Text) && p.Text[j] == '-' && p.Text[j+1] == ' ' {
			n = 1 // `"…" - Ruiz`: a hyphen typed for the dash, spaced on both sides
		}
		if n > 0 && p.sentenceAt(j) == si {
			k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= j+n })
			end := k
			for end < len(toks) && end-k < maxSourceWords {
				end++
			}
			if end > k {
				src := toks[k:end]
				if kind := p.classify(src, false); kind == Named {
					p.add(Attribution{Source: Span{src[0].Start, src[len(src)-1].End},
						Cue: Span{j, j + n}, Content: Span{q.Start, q.End}, Kind: kind, Sentence: si})
				}
			}
		}
	}
}

// maxDashGap bounds the spaces between a quotation and its colon or dash.
const maxDashGap = 8

// findColonLine finds a name and a colon opening sentence si, a headline's
// attribution: "Clinton: Trump's view of the world is wrong". toks are
// the sentence's words.
func (p *Paragraph) findColonLine(toks []Token, si int) {
	sent := p.Sentences[si]
	for k := 0; k < len(toks) && k < 5; k++ {
		if !toks[k].BreakAfter {
			continue
		}
		if !strings.HasPrefix(p.Text[toks[k].End:], ":") || k+1 >= len(toks) {
			break
		}
		colon := Span{toks[k].End, toks[k].End + 1}
		if slices.ContainsFunc(p.attrs[si], func(a Attribution) bool { return a.Cue == colon }) {
			break // a quotation's colon, found already
		}
		if src := toks[:k+1]; p.nameOnly(src) && p.classify(src, true) == Named {
			p.add(Attribution{Source: Span{src[0].Start, src[k].End}, Cue: colon,
				Content: p.withQuotes(Span{toks[k+1].Start, sent.End}), Kind: Named, Sentence: si})
		}
		break
	}
}

// nameOnly reports whether src is a full name: two words or more, every
// one capitalised and none a cue ("Jane Ruiz", not "Begala said",
// "Editor's note" or "Update").
func (p *Paragraph) nameOnly(src []Token) bool {
	if len(src) < 2 {
		return false
	}
	for _, t := range src {
		if !p.capitalised(t) || t.Is(Cue|PrepCue|phraseStart) {
			return false
		}
	}
	return true
}

// acronym reports whether word t has two capitals or more: "CDC", "FiveThirtyEight".
func (p *Paragraph) acronym(t Token) bool {
	n := 0
	for _, c := range []byte(p.Text[t.Start:t.End]) {
		if c >= 'A' && c <= 'Z' {
			n++
		}
	}
	return n >= 2
}

// initialism reports whether word t is written as initials: two capital
// letters or more and no lowercase one, dotted or with a possessive ("CIA",
// "F.B.I.", "DNC's"). A word among others in capitals is a shouted
// headline, not initials: the caller looks at its neighbours.
func (p *Paragraph) initialism(t Token) bool {
	w, _ := CutPossessive(p.word(t))
	n := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			n++
		case c == '.':
		default:
			return false
		}
	}
	return n >= 2
}

// capitalised reports whether word t starts with a capital letter.
func (p *Paragraph) capitalised(t Token) bool {
	r, _ := utf8.DecodeRuneInString(p.Text[t.Start:])
	return unicode.IsUpper(r)
}

// DashAt returns the length of the dash that opens text[i:] — an em
// dash, a horizontal bar, an en dash or "--" — or 0.
func DashAt(text string, i int) int {
	if i+1 < len(text) && text[i] == '-' && text[i+1] == '-' {
		return 2
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if r == '—' || r == '―' || r == '–' {
		return size
	}
	return 0
}

// sentenceAt returns the index of the sentence holding offset off, or of
// the last sentence starting before it.
func (p *Paragraph) sentenceAt(off int) int { return SentenceAt(p.Sentences, off) }

// SentenceAt returns the index of the sentence of sentences (in order)
// holding offset off, or of the nearest one before it; 0 when there is
// none.
func SentenceAt(sentences []Sentence, off int) int {
	i := sort.Search(len(sentences), func(i int) bool { return sentences[i].Start > off })
	return max(i-1, 0)
}

// add records an attribution of its sentence; sentenceAttributions orders
// them by cue.
func (p *Paragraph) add(a Attribution) {
	if q, ok := p.outerAt(a.Cue.Start); ok && (a.Source.Empty() || q.Holds(a.Source)) && !q.Holds(a.Content) {
		// "“As Dad told me, it is so,” the mayor told a crowd of 3,000":
		// a quoted speaker's own attribution says what the speaker
		// quoted, inside the quotation, not the words around it.
		a.Content = Span{max(a.Content.Start, q.Start), min(a.Content.End, q.End)}
		if a.Content.Empty() {
			a.Content = Span{a.Cue.End, a.Cue.End}
		}
	}
	p.attrs[a.Sentence] = append(p.attrs[a.Sentence], a)
}

// NamesSomeone reports whether a paragraph names someone, as Analyze's
// Paragraph.Names would, without analysing it: a capitalised word of two
// letters or more that the lexicon does not know. Rules use it to tell
// whether "he" or "the agency" in a later paragraph can refer back.
func NamesSomeone(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < 'A' || c > 'Z' || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		j := i + 1
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		if j-i >= 2 && Lookup(text[i:j]).Class == 0 {
			return true
		}
		i = j
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c >= utf8.RuneSelf
}
