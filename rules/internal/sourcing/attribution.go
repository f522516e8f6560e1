// Package sourcing holds what the prose rules uncited-number and
// vague-source share: the word tokenizer and lexicon, the sentence
// triggers and the evidence that a sentence names its source.
// unattributed-quote needs none of it: lint finds its quotations.
package sourcing

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/prose"
)

// Sourcing decides which sentences of a document name their source. The
// uncited-number and vague-source rules share it.
type Sourcing struct {
	doc *lint.Document
	// referenceList is true when the document has a list of references that
	// bracketed numbers such as "[12]" can point into.
	referenceList bool

	mu sync.Mutex
	// paragraphs holds the attribution model's reading of each block, made
	// when a rule first asks (most blocks hold no figure and are never read).
	paragraphs []*prose.Paragraph
	// named[i] says whether a block before block i names someone; namedUpTo
	// counts the blocks it covers so far.
	named     []bool
	namedUpTo int
	// proper holds the words written capitalised inside sentences (see
	// ProperName), gathered once.
	properOnce sync.Once
	proper     map[string]bool
	// properName is the method value s.ProperName, made once: each
	// Paragraph takes it, and a method value is an allocation each time.
	properName func(string) bool
}

// SourcingAnalysis is the analysis of where a document's claims get their
// sources, shared by the rules that judge sourcing.
var SourcingAnalysis = &lint.Analysis[*Sourcing]{Name: "sourcing", Run: newSourcing}

func newSourcing(doc *lint.Document) *Sourcing {
	s := &Sourcing{doc: doc}
	s.properName = s.ProperName
	for _, b := range doc.Blocks {
		if b.Kind == lint.Heading && IsReferencesHeading(b.Text) || strings.HasPrefix(b.Text, "[1]") {
			s.referenceList = true
			break
		}
	}
	return s
}

// IsReferencesHeading reports whether a heading's text names a list of
// references.
func IsReferencesHeading(text string) bool {
	t := strings.TrimSpace(strings.TrimRight(text, ":"))
	if len(t) > 24 {
		return false
	}
	return prose.Has(t, prose.ReferenceHeading)
}

// OwnSource reports whether sentence si of block b carries its own source:
// a link, footnote or Pandoc citation; a raw HTML link; a parenthetical
// author–year reference; a bracketed number backed by a reference list; a
// "Source:" note; or an attribution to a named source.
func (s *Sourcing) OwnSource(b *lint.Block, si int) bool {
	return s.OwnCitation(b, si) || s.namedAttribution(b, si)
}

// OwnCitation is OwnSource without attributions: a link, footnote,
// Pandoc citation, raw HTML link, author–year reference, bracketed number
// backed by a reference list, or "Source:" note in sentence si of b.
func (s *Sourcing) OwnCitation(b *lint.Block, si int) bool {
	if hasCitation(b, si) {
		return true
	}
	sent := b.Sentences[si]
	text := b.Text[sent.Start:sent.End]
	if hasSourceNote(text) || hasAuthorYear(text) || EndsWithSourceName(text) {
		return true
	}
	return s.referenceList && hasBracketNumber(text)
}

// NamedContent reports whether one of as (a sentence's attributions in
// the block text, as Paragraph.About gives them) is to a named source and
// holds text[start:end] in its content, outside its source: "Lopez said that 80
// percent…", "…nearly 1,400 households, he said."
func NamedContent(text string, as []prose.Attribution, start, end int) bool {
	for _, a := range as {
		if a.Kind != prose.Named || !Credits(text, a) {
			continue
		}
		if a.Content.Start <= start && end <= a.Content.End && !(a.Source.Start < end && start < a.Source.End) {
			return true
		}
		if a.Source.Start <= start && end <= a.Source.End && (prepositionCue(text[a.Cue.Start:a.Cue.End]) || documentSource(text, a.Source)) {
			// "according to a 52-count complaint filed by the SEC", "a
			// 46-page analysis released by the VA reveals": the named
			// document vouches for itself. Only after a preposition,
			// which always opens its source, or with a document as its
			// head: a verb's source is otherwise a run of words cut from
			// the sentence, and may hold the writer's own figures
			// ("observed a 35% increase").
			return true
		}
	}
	return false
}

// NamedOnly appends to dst the attributions of as that NamedContent
// reads, to a named source and crediting it, in their order: a sentence
// of many attributions and many figures picks them out once, not once
// per figure.
func NamedOnly(dst []prose.Attribution, text string, as []prose.Attribution) []prose.Attribution {
	for _, a := range as {
		if a.Kind == prose.Named && Credits(text, a) {
			dst = append(dst, a)
		}
	}
	return dst
}

// documentSource reports whether a source is headed by a document or a
// dataset (source-noun) among its first few words: "a 46-page suicide
// analysis released by the Department of Veterans Affairs".
func documentSource(text string, src prose.Span) bool {
	words := text[src.Start:src.End]
	for n := 0; n < maxDocumentHead; n++ {
		w, rest, _ := strings.Cut(words, " ")
		if Lookup(strings.Trim(w, ",;:")).Is(SourceNoun) {
			return true
		}
		if rest == "" {
			return false
		}
		words = rest
	}
	return false
}

// maxDocumentHead bounds the words of a source before its document noun
// ("a 46-page suicide analysis").
const maxDocumentHead = 5

// prepositionCue reports whether a cue is a preposition that attributes
// ("according to", "per").
func prepositionCue(cue string) bool {
	first, _, _ := strings.Cut(cue, " ")
	return Lookup(first).Is(prose.PrepCue) || strings.EqualFold(first, "according")
}

// Paragraph returns the attribution model's reading of block b.
func (s *Sourcing) Paragraph(b *lint.Block) *prose.Paragraph {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.paragraphs == nil {
		s.paragraphs = make([]*prose.Paragraph, len(s.doc.Blocks))
	}
	if p := s.paragraphs[b.Index]; p != nil {
		return p
	}
	p := prose.Analyze(b.Text, b.Sentences, b.Quotes, s.namedBefore(b.Index))
	p.ProperName = s.properName
	s.paragraphs[b.Index] = p
	return p
}

// ProperName reports whether w is written capitalised inside a sentence
// somewhere in the document, after a word that ends no sentence ("said
// Clinton", "the Treasury Department"): a name however it is read at a
// sentence's start ("Cruz will …"). The document's words are gathered
// once, when first asked, in one pass over its prose.
func (s *Sourcing) ProperName(w string) bool {
	s.properOnce.Do(func() {
		s.proper = map[string]bool{}
		for _, b := range s.doc.Blocks {
			collectProper(b.Text, s.proper)
		}
	})
	return s.proper[w]
}

// collectProper adds to set the capitalised words of text that follow a
// lowercase letter, a digit or a comma and a space, and that no other
// capitalised word follows: words whose capital no sentence start explains.
func collectProper(text string, set map[string]bool) {
	for i := 1; i+1 < len(text); i++ {
		// Most of the text has no capital: eight bytes at a time, skip
		// those whose next byte is none.
		for i+9 <= len(text) && !hasUpper8(text[i+1:i+9]) {
			i += 8
		}
		if i+1 >= len(text) || text[i] != ' ' || text[i+1] < 'A' || text[i+1] > 'Z' {
			continue
		}
		prev := text[i-1]
		if !(prev >= 'a' && prev <= 'z' || prev >= '0' && prev <= '9' || prev == ',') {
			continue
		}
		j := i + 2
		for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
			j++
		}
		// A word inside a run of capitals may be an everyday word of a
		// longer name ("the Congressional Budget Office"): only one standing
		// alone counts ("said Clinton", "Saudi officials").
		alone := j+1 >= len(text) || text[j] != ' ' || text[j+1] < 'A' || text[j+1] > 'Z'
		if alone && j-(i+1) >= 2 && j-(i+1) <= 32 {
			set[text[i+1:j]] = true
		}
		i = j - 1
	}
}

// hasUpper8 reports whether the eight bytes of b hold an ASCII capital.
// With each byte's high bit cleared first, the additions cannot carry
// from one byte into the next.
func hasUpper8(b string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	low := x &^ highs
	atLeastA := low + (0x80-'A')*ones
	pastZ := low + (0x80-'Z'-1)*ones
	return atLeastA&^pastZ&^x&highs != 0
}

// namedBefore reports whether a block before block i names someone, to
// whom "he said" or "the agency found" in block i may refer.
func (s *Sourcing) namedBefore(i int) bool {
	if s.named == nil {
		s.named = make([]bool, len(s.doc.Blocks)+1)
	}
	for ; s.namedUpTo < i; s.namedUpTo++ {
		k := s.namedUpTo
		s.named[k+1] = s.named[k] || prose.NamesSomeone(s.doc.Blocks[k].Text)
	}
	return s.named[i]
}

// namedAttribution reports whether the attribution model finds a named
// source for sentence si of block b: a cue in the sentence with a named
// source, or a named attribution whose content holds the sentence.
func (s *Sourcing) namedAttribution(b *lint.Block, si int) bool {
	for _, a := range s.Paragraph(b).About(si) {
		if a.Kind == prose.Named && Credits(b.Text, a) {
			return true
		}
	}
	return false
}

// Credits reports whether an attribution gives its content to its source
// as something said or found: not a wish or an action ("the office
// conducted an analysis of GSA's 184 websites" counts the websites itself,
// the writer's own figure).
func Credits(text string, a prose.Attribution) bool {
	if a.Method {
		return true
	}
	cue := text[a.Cue.Start:a.Cue.End]
	if prose.Has(cue, prose.IntentionVerb) && strings.HasPrefix(text[a.Cue.End:], " to ") {
		// "pledged to ban all Muslims — 1.6 billion people —": a promise
		// sources no fact; its own figures are aims, the rest the writer's.
		return false
	}
	return !prose.Has(cue, prose.NoClaimCue)
}

// hasCitation reports whether the engine found a citation in sentence si.
func hasCitation(b *lint.Block, si int) bool {
	cs := b.Citations
	i := sort.Search(len(cs), func(i int) bool { return cs[i].Sentence >= si })
	return i < len(cs) && cs[i].Sentence == si
}

// hasSourceNote reports whether a sentence holds "Source:" or "Sources:".
func hasSourceNote(text string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], "ource")
		if j < 0 {
			return false
		}
		j += i
		if j > 0 && (text[j-1] == 'S' || text[j-1] == 's') {
			rest := text[j+len("ource"):]
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "s:") {
				return true
			}
		}
		i = j + 1
	}
}

// IsSourceNote reports whether a block is a "Source: …" line: it starts
// with Source or Sources (or Data source) followed by a colon or a dash.
func IsSourceNote(b *lint.Block) bool {
	t := strings.TrimLeft(b.Text, " *_")
	if len(t) > 5 && strings.EqualFold(t[:5], "data ") {
		t = t[5:]
	}
	if len(t) < 7 || !strings.EqualFold(t[:6], "source") {
		return false
	}
	t = strings.TrimPrefix(t[6:], "s")
	t = strings.TrimLeft(t, " ")
	return strings.HasPrefix(t, ":") || strings.HasPrefix(t, "-") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "—")
}

// maxParenthetical bounds the parenthetical references looked at.
const maxParenthetical = 160

// EndsWithSourceName reports whether a sentence ends with a source's name
// in parentheses: "… by 2020 (Cisco IBSG).", "(Pew Research Center)". Two
// to five words, each capitalized, so that "(GDP)" after the term it
// abbreviates is not taken for a source.
func EndsWithSourceName(text string) bool {
	t := strings.TrimRight(text, ".!?\"'”’ ")
	if !strings.HasSuffix(t, ")") {
		return false
	}
	open := strings.LastIndexByte(t, '(')
	if open < 0 {
		return false
	}
	words := strings.Fields(t[open+1 : len(t)-1])
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// hasAuthorYear reports whether text holds a parenthetical author–year
// reference: "(Smith et al., 2020)", "(World Bank, 2023)", "(Lee 2019; Kim
// 2021)". It starts with a capital that is not a month and holds a year.
func hasAuthorYear(text string) bool {
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '(')
		if j < 0 {
			return false
		}
		i += j + 1
		end := strings.IndexByte(text[i:min(len(text), i+maxParenthetical)], ')')
		if end < 0 {
			continue
		}
		inner := text[i : i+end]
		r, _ := utf8.DecodeRuneInString(inner)
		if !unicode.IsUpper(r) || strings.ContainsRune(inner, '(') {
			continue
		}
		first := inner
		if k := strings.IndexAny(inner, " ,"); k >= 0 {
			first = inner[:k]
		}
		if Lookup(strings.TrimSuffix(first, ".")).Is(MonthName) {
			continue
		}
		if hasCitedYear(inner) {
			return true
		}
	}
}

// hasCitedYear reports whether s holds a year after a space or comma, as
// in "Smith, 2020" or "Lee 2019a".
func hasCitedYear(s string) bool {
	for i := 1; i+4 <= len(s); i++ {
		if s[i-1] != ' ' && s[i-1] != ',' {
			continue
		}
		if !IsYear(s[i : i+4]) {
			continue
		}
		if i+4 == len(s) {
			return true
		}
		switch c := s[i+4]; {
		case c == ';' || c == ',' || c == ':' || c == ' ', c >= 'a' && c <= 'c':
			return true
		}
	}
	return false
}

// IsYear reports whether s is four digits from 1500 to 2099.
func IsYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s[0] == '1' && s[1] >= '5' || s[0] == '2' && s[1] == '0'
}

// hasBracketNumber reports whether text holds a bracketed reference number:
// "[12]", "[3, 4]", "[1–3]".
func hasBracketNumber(text string) bool {
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '[')
		if j < 0 {
			return false
		}
		i += j + 1
		k, digits := i, 0
		for k < len(text) && k-i < 20 {
			c := text[k]
			if c >= '0' && c <= '9' {
				digits++
			} else if c != ',' && c != ' ' && c != '-' {
				break
			}
			k++
		}
		if digits > 0 && k < len(text) && text[k] == ']' {
			return true
		}
	}
}

// Joined reports whether words i and i+1 follow each other with only
// white space between.
func Joined(toks []Token, i int) bool {
	return i >= 0 && i+1 < len(toks) && !toks[i].BreakAfter && !toks[i+1].BreakBefore
}

// Word returns the text of a token.
func Word(text string, t Token) string { return text[t.Start:t.End] }

// IsWord reports whether a token is the ASCII word w, ignoring case.
func IsWord(text string, t Token, w string) bool {
	return t.End-t.Start == len(w) && strings.EqualFold(text[t.Start:t.End], w)
}

// StartsUpper reports whether w starts with a capital letter.
func StartsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// IsName reports whether a token names a source: a capitalized word that
// is not a common word of the lexicon (a pronoun, a month, "Researchers",
// "Americans"), or an acronym. At the start of a sentence, where every word
// is capitalized, only acronyms and possessives ("Gallup's") count.
func IsName(text string, t Token, sentenceStart bool) bool {
	w := Word(text, t)
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || w == "I" {
		return false
	}
	base, possessive := prose.CutPossessive(w)
	if Lookup(base).Is(LeadWord | firstPerson | FunctionWord | MonthName | CountNoun | prose.VagueSource | SourceNoun) {
		return false
	}
	if !sentenceStart || possessive {
		return true
	}
	r2, _ := utf8.DecodeRuneInString(w[size:])
	return unicode.IsUpper(r2)
}

// isAuxiliary reports the words that may stand between a pointer and its
// source noun or verb: "the latest survey", "it also found".
func isAuxiliary(text string, t Token) bool {
	return t.Is(prose.BetweenCue | prose.SourceAdjective)
}

// RefersBack reports whether a sentence starts by pointing at the source
// of the sentence before it: "This figure…", "The same report…", "That
// survey…", "It also found…", "According to the same study…".
func RefersBack(text string, toks []Token) bool {
	if len(toks) < 2 {
		return false
	}
	// The comma is looked for within the sentence's words only: searching
	// the rest of the paragraph from every sentence would be quadratic in a
	// paragraph of many sentences without a comma.
	words := text[toks[0].Start:toks[len(toks)-1].End]
	if i := strings.IndexByte(words, ','); i > 0 && prose.Has(words[:i], prose.ReferBackOpener) {
		return true // "To put that in context, …"
	}
	if sameMeasure(text, toks) {
		return true // "three times that amount", "fell by that same margin"
	}
	k := 0
	if IsWord(text, toks[0], "according") && IsWord(text, toks[1], "to") {
		k = 2
	}
	if k >= len(toks) {
		return false
	}
	first := strings.ToLower(strings.ReplaceAll(Word(text, toks[k]), "’", "'"))
	if k+1 < len(toks) && isComparisonOpener(first, strings.ToLower(Word(text, toks[k+1]))) {
		return true // "That's up from 61 percent"
	}
	switch first {
	case "this", "these", "that", "those", "that's":
		// "This 8.51 billion visit increase…", "That’s 90 people": the
		// figure of the sentence before.
		if k+1 < len(toks) && toks[k+1].Start < len(text) && text[toks[k+1].Start] >= '0' && text[toks[k+1].Start] <= '9' {
			return true
		}
	}
	if (first == "this" || first == "that") && k == 0 && Joined(toks, 0) && demonstrativeVerb(text, toks[1]) {
		return true // "That surpasses the $846.8 million…", "This is about $2 million a week": the fact before, as its subject
	}
	if (first == "the" || first == "its" || first == "their") && surveyPartAfter(text, toks, k+1) {
		return true // "The registered voter sample is 834": the poll of the sentence before
	}
	switch first {
	case "this", "that", "these", "those", "the", "its", "their":
		k++
		if k < len(toks) && (IsWord(text, toks[k], "same") || isAuxiliary(text, toks[k]) || IsYear(Word(text, toks[k]))) {
			k++
		}
		return k < len(toks) && toks[k].Is(SourceNoun) && (first != "the" || endsNounPhrase(text, toks, k))
	case "it", "they":
		k++
		if k < len(toks) && isAuxiliary(text, toks[k]) {
			k++
		}
		return k < len(toks) && toks[k].Is(ReportVerb)
	}
	return pointsBackWithin(text, toks)
}

// surveyPartAfter reports whether a part of a poll (survey-part) heads
// the noun phrase from word k, over at most two modifiers: "registered
// voter sample", "margin of error".
func surveyPartAfter(text string, toks []Token, k int) bool {
	for j := k; j < len(toks) && j < k+3; j++ {
		w := Word(text, toks[j])
		if prose.Has(w, prose.SurveyPart) {
			return true
		}
		if toks[j].BreakAfter || toks[j].Is(prose.FunctionWord|prose.BeVerb|ModalWord) || w[0] < 'a' || w[0] > 'z' {
			return false
		}
	}
	return false
}

// demonstrativeVerb reports whether word t, right after a sentence's
// opening "This" or "That", is a verb, so that the demonstrative stands
// alone as the subject and means what the sentence before said: a form
// of "be", a modal, or a lowercase word shaped like a verb in the third
// person or the past ("surpasses", "brings", "added"), not a noun the
// demonstrative determines ("That figure", "This process", "This
// analysis", "That need").
func demonstrativeVerb(text string, t Token) bool {
	if t.Is(prose.BeVerb | ModalWord) {
		return true
	}
	w := Word(text, t)
	if len(w) < 4 || t.Is(SourceNoun|prose.Duration|prose.FunctionWord) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false // "This year's show", "This beautifully-designed app": a noun phrase
		}
	}
	switch {
	case strings.HasSuffix(w, "s"):
		return !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ws")
	case strings.HasSuffix(w, "ed"):
		return !strings.HasSuffix(w, "eed")
	}
	return false
}

// endsNounPhrase reports whether the source noun toks[k] after "the" heads
// its phrase rather than describing another noun: "The survey found…",
// "The report, released Monday, …", "The data also show…", but not "The
// average viewership is…" or "The data team built…". A word after it
// leaves it the head when it is a cue, a word that may stand before one
// (an auxiliary), a preposition, a clause word, a modal, a form of "be", a
// name, or shaped like a verb or an adverb.
func endsNounPhrase(text string, toks []Token, k int) bool {
	if !Joined(toks, k) {
		return true
	}
	next := toks[k+1]
	if next.Is(ReportVerb|prose.Preposition|prose.ClauseWord|prose.ModalWord|prose.BeVerb) || isAuxiliary(text, next) {
		return true // "The survey found", "The report, which", "The data can"
	}
	w := Word(text, next)
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return true // "The Census Bureau report…"
	}
	// A verb or adverb most likely: "The report captures…", "The data
	// gets…", "The report clearly pointed out…", "The survey results
	// show…".
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")
}

// isComparisonOpener reports whether a sentence opening with first and
// second compares with the figure before it: "That's up", "It's nearly".
func isComparisonOpener(first, second string) bool {
	if first != "that's" && first != "it's" {
		return false
	}
	return prose.Has(second, prose.ComparisonWord)
}

// pointsBackWithin reports whether a sentence names, after its opening, a
// source of the sentence before: "…, the report showed that 37% …",
// "…, this survey found", "In the article, they stated…", "She also
// noted…".
func pointsBackWithin(text string, toks []Token) bool {
	for k := 0; k+1 < len(toks) && k < 6; k++ {
		if !lowerIsOneOf(Word(text, toks[k]), "he", "she", "they") {
			continue
		}
		v := k + 1
		if v+1 < len(toks) && (IsWord(text, toks[v], "also") || isAuxiliary(text, toks[v])) {
			v++
		}
		if toks[v].Is(ReportVerb) && Joined(toks, k) {
			return true
		}
	}
	for k := 1; k+2 < len(toks); k++ {
		if !lowerIsOneOf(Word(text, toks[k]), "this", "that", "these", "the") {
			continue
		}
		n := k + 1
		if !toks[n].Is(SourceNoun) || !Joined(toks, k) || !Joined(toks, n) {
			continue
		}
		v := n + 1
		if v+1 < len(toks) && isAuxiliary(text, toks[v]) {
			v++
		}
		if toks[v].Is(ReportVerb) {
			return true
		}
	}
	return false
}

// sameMeasure reports whether a sentence measures something by the figure
// of the sentence before, named by a measure noun (magnitude-noun) after
// "the same", "that same" or, after a preposition or "times", "that"
// alone: "fell by that same margin", "grew at the same rate", "three
// times that amount". Not "showed that number to be low", where "that"
// opens a clause; not after a figure of its own sentence, which it may
// mean ("awarded to 65 firms, with that number growing"); not a measure
// noun that modifies another ("the same cost savings").
func sameMeasure(text string, toks []Token) bool {
	for k := 0; k+1 < len(toks); k++ {
		if c := text[toks[k].Start]; c >= '0' && c <= '9' || c == '$' {
			return false
		}
		if !Joined(toks, k) || !lowerIsOneOf(Word(text, toks[k]), "the", "that", "this") {
			continue
		}
		n := k + 1
		same := IsWord(text, toks[n], "same")
		if same {
			if !Joined(toks, n) || n+1 >= len(toks) {
				continue
			}
			n++
		} else if IsWord(text, toks[k], "the") || k == 0 || !Joined(toks, k-1) ||
			!toks[k-1].Is(prose.Preposition) && !IsWord(text, toks[k-1], "times") {
			continue
		}
		if prose.Has(Word(text, toks[n]), prose.MagnitudeNoun) && !modifiesNoun(text, toks, n) {
			return true
		}
	}
	return false
}

// modifiesNoun reports whether word k stands before a plural noun that it
// modifies ("cost savings"), as far as the shape of the next word tells:
// lowercase and in -s, and no verb or preposition ("rate is", "as").
func modifiesNoun(text string, toks []Token, k int) bool {
	if !Joined(toks, k) {
		return false
	}
	next := toks[k+1]
	w := Word(text, next)
	return w[0] >= 'a' && w[0] <= 'z' && strings.HasSuffix(w, "s") &&
		!next.Is(ReportVerb|prose.Preposition|prose.ClauseWord|prose.ModalWord|prose.BeVerb) && !isAuxiliary(text, next)
}

// lowerIsOneOf reports whether strings.ToLower(w) is one of the lowercase
// ASCII words, without lowering (and allocating) when w is ASCII: every
// word of a sentence is asked.
func lowerIsOneOf(w string, words ...string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			lower := strings.ToLower(w) // a rune may lower to ASCII (the Kelvin sign)
			for _, x := range words {
				if lower == x {
					return true
				}
			}
			return false
		}
	}
	for _, x := range words {
		if len(x) == len(w) && equalLowerASCII(w, x) {
			return true
		}
	}
	return false
}

// equalLowerASCII reports whether the ASCII w, lowercased, equals lower.
func equalLowerASCII(w, lower string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// followsClosely reports whether only white space separates source offsets
// end and start: two blocks directly one after the other.
func (s *Sourcing) followsClosely(end, start int) bool {
	if end > start || start > len(s.doc.Source) {
		return false
	}
	for _, c := range s.doc.Source[end:start] {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// SourceNoteAfter reports whether a "Source: …" paragraph directly follows
// block b.
func (s *Sourcing) SourceNoteAfter(b *lint.Block) bool {
	if b.Index+1 >= len(s.doc.Blocks) {
		return false
	}
	next := s.doc.Blocks[b.Index+1]
	return next.Kind == lint.Paragraph && IsSourceNote(next) && s.followsClosely(b.End, next.Start)
}

// TableSourced reports whether a table has a "Source:" line, or a caption
// with a link, directly above or below it.
func (s *Sourcing) TableSourced(t *lint.Container) bool {
	if len(t.Blocks) == 0 {
		return false
	}
	first, last := t.Blocks[0], t.Blocks[len(t.Blocks)-1]
	if first > 0 {
		if b := s.doc.Blocks[first-1]; s.followsClosely(b.End, t.Start) && isTableNote(b) {
			return true
		}
	}
	if last+1 < len(s.doc.Blocks) {
		if b := s.doc.Blocks[last+1]; s.followsClosely(t.End, b.Start) && isTableNote(b) {
			return true
		}
	}
	return false
}

// isTableNote reports whether a block sources a table beside it: a Source
// line, or a one-sentence caption holding a citation.
func isTableNote(b *lint.Block) bool {
	if b.Kind == lint.TableCell {
		return false
	}
	return IsSourceNote(b) || len(b.Sentences) == 1 && len(b.Citations) > 0
}

// HasFirstPerson reports whether a sentence speaks in the first person:
// "we", "our", "I", "us" (but not "US").
func HasFirstPerson(text string, toks []Token) bool {
	for _, t := range toks {
		if t.Is(firstPerson) {
			w := Word(text, t)
			if w != "ME" && w != "MY" {
				return true
			}
		}
		if w := Word(text, t); w == "I" || w == "us" {
			return true
		} else if strings.Contains(w, "’") && Lookup(strings.ReplaceAll(w, "’", "'")).Is(firstPerson) {
			return true // we’ve, I’m: a curly apostrophe
		}
	}
	return false
}
