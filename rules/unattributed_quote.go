package rules

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// UnattributedQuote reports quotations that do not say who said or wrote
// them.
var UnattributedQuote = &lint.Rule{
	ID:             "unattributed-quote",
	Summary:        summary("unattributed-quote"),
	Doc:            doc("unattributed-quote"),
	Severity:       lint.Warning,
	DefaultOptions: func() lint.Options { return &UnattributedQuoteOptions{MinWords: 4} },
	Run:            runUnattributedQuote,
}

// UnattributedQuoteOptions configures unattributed-quote.
type UnattributedQuoteOptions struct {
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
func (o *UnattributedQuoteOptions) Validate() error {
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
	parts      []quotePart
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
	p    *lint.Pass
	opts *UnattributedQuoteOptions
	src  []byte
	// answers are the blocks right under a question heading in a document
	// written as an interview (see interviewAnswers).
	answers map[int]bool
	// said caches attributionSentence by block and sentence.
	said map[[2]int]bool
}

func runUnattributedQuote(p *lint.Pass) {
	c := &quoteCheck{p: p, opts: p.Options.(*UnattributedQuoteOptions), src: p.Doc.Source}
	qs := c.quotations()
	if len(qs) == 0 {
		return
	}
	attributedBlocks := c.blockQuotations()
	c.answers = c.interviewAnswers()
	for i, qt := range qs {
		qt.attributed = attributedBlocks[qt.first().b.Index] || c.attributed(i, qs)
	}
	continueSpeakers(qs)
	for _, qt := range qs {
		if qt.attributed || qt.short {
			continue
		}
		f, l := qt.first(), qt.last()
		start, _ := f.b.SourceSpan(f.q.Start, f.q.End)
		_, end := l.b.SourceSpan(l.q.Start, l.q.End)
		if ct := c.wholeBlockquote(qt); ct != nil {
			start, end = ct.Start, ct.End
		}
		open, close := `“`, `”`
		if mark, _ := utf8.DecodeRuneInString(f.b.Text[f.q.Start:]); mark == '"' {
			open, close = `"`, `"`
		}
		p.Report(lint.Diagnostic{
			Start:      start,
			End:        end,
			Message:    fmt.Sprintf("quotation has no speaker or source: add who said it (%s…,%s said NAME)", open, close),
			Suggestion: "name who said or wrote it in the same sentence, introduce it with NAME:, or link its source; a quoted title or term needs no attribution",
		})
	}
}

// wholeBlockquote returns the blockquote that holds nothing but the
// quotation, or nil: such a block quotation is reported as a whole.
func (c *quoteCheck) wholeBlockquote(qt *quotation) *lint.Container {
	f, l := qt.first(), qt.last()
	ct := f.b.Parent
	if ct == nil || ct.Kind != lint.Blockquote || ct.Blocks[0] != f.b.Index || ct.Blocks[len(ct.Blocks)-1] != l.b.Index {
		return nil
	}
	if f.q.Start != leadingSpaceLen(f.b.Text) || !noWordsIn(l.b.Text[l.q.End:]) {
		return nil
	}
	return ct
}

// quotations collects the document's quotations in order, joining quotes
// continued over paragraphs and leaving out quoted titles, terms and
// labels.
func (c *quoteCheck) quotations() []*quotation {
	var out []*quotation
	var open *quotation // a quotation whose last part ends its paragraph unclosed
	for _, b := range c.p.Doc.Blocks {
		if len(b.Quotes) == 0 || b.Kind == lint.Heading {
			open = nil
			continue
		}
		cont := open
		open = nil
		for _, q := range b.Quotes {
			if q.Depth != 0 {
				continue
			}
			if cont != nil {
				prev := cont.last().b
				if q.Start == leadingSpaceLen(b.Text) && prev.Index == b.Index-1 && prev.Parent == b.Parent {
					cont.parts = append(cont.parts, quotePart{b, q})
					if !q.Closed {
						open = cont
					}
					cont = nil
					continue
				}
				cont = nil
			}
			kind := c.quoteKind(b, q)
			if kind == notQuotation {
				continue
			}
			qt := &quotation{parts: []quotePart{{b, q}}, short: kind == shortQuotation}
			out = append(out, qt)
			if !q.Closed {
				open = qt
			}
		}
	}
	// A quote never closed is more likely a stray mark than a quotation.
	kept := out[:0]
	for _, qt := range out {
		if qt.last().q.Closed {
			kept = append(kept, qt)
		}
	}
	return kept
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

// isFragment reports whether the quote starts inside its sentence with a
// lowercase word.
func isFragment(text string, q lint.Quote, inner int) bool {
	r, _ := utf8.DecodeRuneInString(text[inner:])
	if !unicode.IsLower(r) {
		return false
	}
	before := strings.TrimRightFunc(text[:q.Start], unicode.IsSpace)
	last, _ := utf8.DecodeLastRuneInString(before)
	return before != "" && last != '.' && last != '!' && last != '?' && last != ':'
}

// quoteKind says whether a quote holds a quotation rather than a title, a
// term or a label, and whether it has min-words words.
func (c *quoteCheck) quoteKind(b *lint.Block, q lint.Quote) quoteKind {
	text := b.Text
	before := strings.TrimRightFunc(text[:q.Start], unicode.IsSpace)
	if strings.HasSuffix(before, "=") || strings.HasSuffix(before, "}}") {
		return notQuotation // an attribute value or a link title: alt="…", {{< ref "…" >}} "…"
	}
	if inLinkText(text, q) || strings.Contains(text[q.Start:q.End], "](") {
		return notQuotation // link markup the parser left as text
	}
	if c.titleCue(before) || exampleCue(before) || isUILabel(text, q) || c.titledByMarkup(b, q) {
		return notQuotation
	}
	for _, ct := range b.Citations {
		if (ct.Kind == lint.InlineLink || ct.Kind == lint.ReferenceLink) && ct.TextStart <= q.Start && q.End <= ct.TextEnd {
			return notQuotation // the title of a linked work
		}
	}
	s, e := q.Inner(text)
	if isFormula(text[s:e]) {
		return notQuotation
	}
	n := quoteWords(text, s, e)
	if n < c.opts.MinWords || n < c.opts.MinWords+fragmentExtraWords && isFragment(text, q, s) {
		return shortQuotation
	}
	if isTitleCase(text[s:e]) {
		return notQuotation
	}
	return fullQuotation
}

// titleCue reports whether the text before a quote ends with a word that
// introduces a title or a term: "titled", "the term", "so-called".
func (c *quoteCheck) titleCue(before string) bool {
	before = strings.TrimRight(before, ",:(")
	for _, tc := range quoteTitleCues {
		if endsWithPhrase(before, tc) {
			// "has been called 'a model'" describes rather than names.
			if quotePassiveCues[tc] && quoteBeVerbs[strings.ToLower(quoteLastWord(strings.TrimSpace(before[:len(before)-len(tc)])))] {
				return false
			}
			return true
		}
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
		if quoteTitleNouns[strings.ToLower(before[ws:we])] {
			return true
		}
		end = ws
	}
	return false
}

// exampleCue reports whether the text before a quote introduces an
// example or imagined speech rather than a quotation: "for example",
// "such as", "phrasing like", "e.g.", ", say,", "you might ask", "imagine".
func exampleCue(before string) bool {
	b := strings.TrimRightFunc(before, unicode.IsSpace)
	if strings.HasSuffix(b, "say,") {
		rest := strings.TrimRightFunc(b[:len(b)-len("say,")], unicode.IsSpace)
		if strings.HasSuffix(rest, ",") || strings.HasSuffix(rest, "(") || strings.HasSuffix(rest, "—") {
			return true // a line, say, "…"
		}
	}
	b = strings.TrimRight(b, ",:(—– ")
	for _, cue := range quoteExampleCues {
		if endsWithPhrase(b, cue) {
			return true
		}
	}
	// you might ask, you're probably thinking, ask yourself, one may wonder
	w := strings.ToLower(quoteLastWord(b))
	if w == "yourself" || w == "imagine" || w == "imagining" {
		return true
	}
	if !quoteWonderVerbs[w] {
		return false
	}
	end := len(b) - len(w)
	for range 3 {
		ws, we := quoteLastWordSpan(b[:end])
		if ws < 0 || strings.ContainsAny(b[we:end], ".!?") {
			return false
		}
		switch strings.ToLower(b[ws:we]) {
		case "you", "you're", "you’re", "might", "may", "could", "if", "when", "whenever":
			return true
		}
		end = ws
	}
	return false
}

// quoteExampleCues introduce examples rather than quotations.
var quoteExampleCues = []string{
	"for example", "for instance", "such as", "like", "as in", "e.g.", "e.g", "eg", "i.e.",
	"instead of", "rather than", "as if", "as though",
}

// quoteWonderVerbs after "you", a modal or "if" make imagined speech:
// "you might ask", "if someone says".
var quoteWonderVerbs = quoteWordSet("think", "thinking", "ask", "asking", "wonder", "wondering", "say", "saying", "asks", "says", "thinks", "wonders", "object", "protest", "reply", "respond", "answer", "tell", "hear", "hearing", "hears")

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
	if quoteUIVerbs[strings.ToLower(quoteLastWord(text[:q.Start]))] {
		return true
	}
	return quoteUINouns[strings.ToLower(quoteFirstWord(text[q.End:]))]
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

func isEmphasisMark(c byte) bool { return c == '*' || c == '_' }

// blockQuotations finds the blockquotes that are attributed quotations —
// signed with a dash line or <cite>, or introduced by a line ending in a
// colon — and returns the indices of their blocks. Callouts are skipped.
func (c *quoteCheck) blockQuotations() map[int]bool {
	var attributed map[int]bool
	doc := c.p.Doc
	for _, ct := range doc.Containers {
		if ct.Kind != lint.Blockquote || len(ct.Blocks) == 0 || insideBlockquote(ct) {
			continue
		}
		first := doc.Blocks[ct.Blocks[0]]
		if isCallout(first.Text) || !c.signedBlockquote(ct) && c.introduction(first, ct.Start) == nil {
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
	// The last non-blank line, without its ">" markers.
	lines := strings.TrimRightFunc(string(raw), unicode.IsSpace)
	last := lines[strings.LastIndexByte(lines, '\n')+1:]
	last = strings.TrimLeft(last, "> \t")
	return startsWithDashLine(last)
}

// introduction returns the prose block right before offset start when it
// ends with a colon and nothing but white space and ">" lies between.
func (c *quoteCheck) introduction(b *lint.Block, start int) *lint.Block {
	if b.Index == 0 {
		return nil
	}
	prev := c.p.Doc.Blocks[b.Index-1]
	if prev.End > start || prev.Kind == lint.Heading {
		return nil
	}
	for _, ch := range c.src[prev.End:start] {
		if ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n' && ch != '>' {
			return nil
		}
	}
	if !strings.HasSuffix(strings.TrimRightFunc(prev.Text, unicode.IsSpace), ":") {
		return nil
	}
	return prev
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
	return ok && calloutLabels[strings.ToLower(strings.TrimSpace(label))]
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
	if c.answers[f.b.Index] || c.attributedBefore(f, prev) {
		return true
	}
	if l.q.Closed && c.attributedAfter(l, next) {
		return true
	}
	// A paragraph holding only the quotation, after a paragraph that ends
	// with an attribution ("…," Cooper said.) or before a one-sentence
	// attribution paragraph.
	return c.quoteOnly(f.b) && c.attributionBefore(f.b) || c.quoteOnly(l.b) && c.attributionAfter(l.b)
}

// quoteOnly reports whether a paragraph holds nothing but quotations.
func (c *quoteCheck) quoteOnly(b *lint.Block) bool {
	if b.Kind != lint.Paragraph {
		return false
	}
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

// attributionBefore reports whether the paragraph before b ends with an
// attribution sentence.
func (c *quoteCheck) attributionBefore(b *lint.Block) bool {
	prev := c.adjacentParagraph(b, b.Index-1)
	return prev != nil && c.attributionSentence(prev, len(prev.Sentences)-1)
}

// attributionAfter reports whether the paragraph after b is one
// attribution sentence with no quotation of its own.
func (c *quoteCheck) attributionAfter(b *lint.Block) bool {
	next := c.adjacentParagraph(b, b.Index+1)
	return next != nil && len(next.Sentences) == 1 && len(next.Quotes) == 0 && c.attributionSentence(next, 0)
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
			found = c.hasCueIn(b.Text, at, q.Start, at == st.Start, -1, true)
		}
		at = q.End
	}
	if !found && at < st.End {
		found = c.hasCueIn(b.Text, at, st.End, at == st.Start, -1, true)
	}
	if c.said == nil {
		c.said = map[[2]int]bool{}
	}
	c.said[key] = found
	return found
}

// interviewAnswers returns the blocks right under a question — a heading,
// or a paragraph set in bold, ending with "?" — when the document has at
// least minInterviewQuestions of them: the interview pattern, where the
// answers are the interviewee's words.
func (c *quoteCheck) interviewAnswers() map[int]bool {
	var questions []int
	for _, b := range c.p.Doc.Blocks {
		if c.isQuestionLine(b) {
			questions = append(questions, b.Index)
		}
	}
	if len(questions) < minInterviewQuestions {
		return nil
	}
	answers := map[int]bool{}
	for _, i := range questions {
		if next := c.adjacentParagraph(c.p.Doc.Blocks[i], i+1); next != nil && !c.isQuestionLine(next) {
			answers[i+1] = true
		}
	}
	return answers
}

// minInterviewQuestions is how many question headings make a document an
// interview.
const minInterviewQuestions = 3

// isQuestionLine reports whether a block is a heading, or a paragraph all
// in bold, that ends with a question mark.
func (c *quoteCheck) isQuestionLine(b *lint.Block) bool {
	if !strings.HasSuffix(strings.TrimRightFunc(b.Text, unicode.IsSpace), "?") {
		return false
	}
	if b.Kind == lint.Heading {
		return true
	}
	if b.Kind != lint.Paragraph {
		return false
	}
	raw := strings.TrimSpace(string(c.src[b.Start:b.End]))
	return len(raw) > 4 && (strings.HasPrefix(raw, "**") && strings.HasSuffix(raw, "**") || strings.HasPrefix(raw, "__") && strings.HasSuffix(raw, "__"))
}

// linked reports whether a link, footnote or citation is attached to the
// quote: on all its words, at its end, or right beside a mark.
func (c *quoteCheck) linked(part quotePart) bool {
	b, q := part.b, part.q
	is, ie := q.Inner(b.Text)
	for _, ct := range b.Citations {
		switch {
		case ct.TextStart >= q.Start && ct.TextStart < q.End:
			// Inside the marks: a link on the whole quote, or a note at its end.
			whole := ct.TextStart <= is+1 && ct.TextEnd >= ie-1
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
	_, e := b.SourceSpan(q.Start, q.End)
	rest := c.src[e:min(len(c.src), e+8)]
	return strings.HasPrefix(strings.TrimLeft(string(rest), ".,;"), "<sup")
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
	before := strings.TrimRightFunc(text[start:q.Start], unicode.IsSpace)
	if strings.HasSuffix(before, ":") {
		return true // Lopez: "…"; The ministry's answer was blunt: "…"
	}
	if c.hasCue(text, start, start+len(before), sentenceStart, -1) {
		return true
	}
	if c.hasCite(b, start, q.Start) {
		return true
	}
	// A speaker named in the sentence before, in the same paragraph.
	if sentenceStart && si > 0 && c.attributionSentence(b, si-1) {
		return true
	}
	// A quote opening its paragraph after one that ends with a colon.
	return before == "" && q.Start == leadingSpaceLen(text) && c.introduction(b, b.Start) != nil
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
	if startsWithDashLine(rest) || isPageCitation(rest) {
		return true
	}
	if c.hasCue(text, q.End, end, false, -1) || c.hasCite(b, q.End, end) {
		return true
	}
	if !noWordsIn(after) {
		return false
	}
	if si+1 >= len(b.Sentences) {
		return noWordsIn(text[q.End:]) && c.signedNext(b)
	}
	tag := b.Sentences[si+1]
	if tag.Start >= limit {
		return false
	}
	return c.hasCue(text, tag.Start, min(tag.End, limit), false, quoteTagWords) || c.hasCite(b, q.End, min(tag.End, limit))
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
	return next.Parent == b.Parent && startsWithDashLine(strings.TrimLeftFunc(next.Text, unicode.IsSpace))
}

// quoteTagWords is how far into the sentence after a quote a speech verb may
// sit to attribute it: "Why now?" the senator asked.
const quoteTagWords = 5

// hasCite reports whether the source of the text span holds a <cite>.
func (c *quoteCheck) hasCite(b *lint.Block, start, end int) bool {
	if start >= end {
		return false
	}
	s, e := b.SourceSpan(start, end)
	return containsTagFold(c.src[s:e], "<cite")
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

// hasCue reports whether text[start:end], part of one sentence outside any
// quotation, holds a speech verb with a speaker, "according to", or a
// source such as "in a statement". sentenceStart says whether start begins
// the sentence (an imperative "Say …" has no speaker). A maxWords of -1
// looks at every word.
func (c *quoteCheck) hasCue(text string, start, end int, sentenceStart bool, maxWords int) bool {
	return c.hasCueIn(text, start, end, sentenceStart, maxWords, false)
}

// hasCueIn is hasCue; wide says the span lies outside the quotation's own
// sentence, where only words that name a speaker count: not "read" or
// "called" (a sign reads, a plan is called), nor thinking verbs.
func (c *quoteCheck) hasCueIn(text string, start, end int, sentenceStart bool, maxWords int, wide bool) bool {
	var prev [3]string // prev[0] is the word before the current one
	n := 0
	sawAs := false
	for i := start; ; n++ {
		ws, we := quoteNextWord(text, i, end)
		if ws < 0 || maxWords >= 0 && n >= maxWords {
			return false
		}
		i = we
		w := text[ws:we]
		k := quoteCueOf(w)
		if n > 0 && w[0] >= 'A' && w[0] <= 'Z' {
			k = 0 // a name: "United States", "Washington Post"
		}
		if wide && (k&cueNear != 0 || unspoken(prev) || quoteToVerbs[strings.ToLower(w)] && strings.EqualFold(quoteWordAfter(text, we, end), "to")) {
			k &^= cueSpeech // "is expected to announce", "will say", "agreed to wait"
		}
		if k&cueSpeech != 0 && speechVerbSpeaks(k, prev, n == 0 && sentenceStart, quoteWordAfter(text, we, end)) {
			return true
		}
		if k&cueAccording != 0 && strings.EqualFold(quoteWordAfter(text, we, end), "to") {
			return true
		}
		if strings.EqualFold(w, "put") && strings.EqualFold(quoteWordAfter(text, we, end), "it") {
			return true // as she put it
		}
		if w == "as" {
			sawAs = true
		} else if sawAs && (w == "goes" || w == "go") {
			return true // as the saying goes
		}
		if k&cueSource != 0 && (isWordIn(prev[0]) || isWordIn(prev[1]) || isWordIn(prev[2])) {
			return true
		}
		for _, v := range c.opts.SpeechVerbs {
			if strings.EqualFold(w, v) {
				return true
			}
		}
		prev[2], prev[1], prev[0] = prev[1], prev[0], w
	}
}

// unspoken reports whether the words before a speech verb make it speech
// that has not happened: an infinitive ("expected to announce", but not
// "went on to say") or a modal ("will say").
func unspoken(prev [3]string) bool {
	if strings.EqualFold(prev[0], "to") {
		return !strings.EqualFold(prev[1], "on")
	}
	return quoteModals[strings.ToLower(prev[0])]
}

// quoteToVerbs followed by "to" take an action, not words: "agreed to wait".
var quoteToVerbs = quoteWordSet("agreed", "agree", "agrees", "agreeing", "promised", "promises", "promising", "vowed", "vows", "vowing", "continued", "continues", "continuing", "asked", "urged", "urges", "encouraged")

// quoteModals before a speech verb put the speech in the future or in doubt.
var quoteModals = quoteWordSet("will", "would", "could", "may", "might", "should", "must", "shall", "can", "'ll", "’ll")

func isWordIn(w string) bool { return w == "in" || w == "In" }

// speechVerbSpeaks decides whether a speech verb attributes: not a noun after an
// article ("the saying"), not an imperative opening the sentence, and not
// a passive with no agent ("it was said", "has been written").
func speechVerbSpeaks(k quoteCue, prev [3]string, opensSentence bool, next string) bool {
	if quoteDeterminers[strings.ToLower(prev[0])] || quoteNegations[strings.ToLower(prev[0])] {
		return false // the saying; did not say
	}
	if strings.EqualFold(prev[0], "to") && quoteRefusals[strings.ToLower(prev[1])] {
		return false // declined to say
	}
	if k&cueImperative != 0 && opensSentence {
		return false
	}
	if k&cuePast != 0 {
		be := quoteBeVerbs[strings.ToLower(prev[0])] || strings.HasSuffix(prev[0], "ly") && quoteBeVerbs[strings.ToLower(prev[1])]
		if be && !strings.EqualFold(next, "by") {
			return false
		}
	}
	return true
}

// quoteCue classifies the words that attribute quotations.
type quoteCue uint8

const (
	cueSpeech     quoteCue = 1 << iota // said, told, wrote: attributes when it has a subject
	cueImperative                      // say, tell: an imperative when it opens a sentence
	cuePast                            // said, told: no speaker in "it was said"
	cueAccording                       // according (to)
	cueSource                          // statement, interview: a source after "in"
	cueNear                            // read, called, thought: attributes only in the quotation's own sentence
)

// quoteCueOf looks a word up in the cue table, ignoring ASCII letter case,
// without allocating.
func quoteCueOf(w string) quoteCue {
	var buf [16]byte
	if len(w) > len(buf) {
		return 0
	}
	for i := 0; i < len(w); i++ {
		ch := w[i]
		if ch >= 'A' && ch <= 'Z' {
			ch += 'a' - 'A'
		}
		buf[i] = ch
	}
	return quoteCues[string(buf[:len(w)])]
}

// quoteNextWord returns the bounds of the first word in text[i:end] — letters
// and digits, with inner apostrophes and hyphens — or -1, -1.
func quoteNextWord(text string, i, end int) (int, int) {
	for i < end {
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
		r, size := utf8.DecodeRuneInString(text[i:])
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
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func quoteWordAfter(text string, i, end int) string {
	if ws, we := quoteNextWord(text, i, end); ws >= 0 {
		return text[ws:we]
	}
	return ""
}

func quoteFirstWord(s string) string { return quoteWordAfter(s, 0, len(s)) }

// quoteLastWord returns the last word of s when only spaces follow it.
func quoteLastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
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

// quoteWords counts the words in text[s:e]: runs between spaces that hold
// a letter or digit, so that a path or an address is one word.
func quoteWords(text string, s, e int) int {
	n := 0
	for f := range strings.FieldsSeq(text[s:e]) {
		if !noWordsIn(f) {
			n++
		}
	}
	return n
}

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
		case titleSmallWords[w]:
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

// startsWithDashLine reports whether s opens with a dash and a word, as the
// attribution line "— Maria Lopez" does.
func startsWithDashLine(s string) bool {
	for _, d := range []string{"—", "―", "–", "--"} {
		if rest, ok := strings.CutPrefix(s, d); ok {
			rest = strings.TrimLeftFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
			r, _ := utf8.DecodeRuneInString(rest)
			return isQuoteWordRune(r) || r == lint.ObjectRune
		}
	}
	return false
}

func noWordsIn(s string) bool {
	for _, r := range s {
		if isQuoteWordRune(r) || r == lint.ObjectRune {
			return false
		}
	}
	return true
}

func leadingSpaceLen(s string) int { return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace)) }

func containsTagFold(b []byte, lowerASCII string) bool {
	for i := 0; i+len(lowerASCII) <= len(b); i++ {
		if b[i] == '<' && strings.EqualFold(string(b[i:i+len(lowerASCII)]), lowerASCII) {
			return true
		}
	}
	return false
}

// quoteCues is the attribution vocabulary. Past forms are participles too;
// nouns that double as verbs ("post", "report") count only as sources
// after "in" ("in a post").
var quoteCues = func() map[string]quoteCue {
	m := map[string]quoteCue{}
	add := func(k quoteCue, words string) {
		for _, w := range strings.Fields(words) {
			m[w] |= k
		}
	}
	add(cueSpeech|cuePast, `said told written wrote asked added explained noted argued claimed stated
		tweeted posted recalled replied insisted warned testified reported remarked observed commented
		encouraged defined read called chanted sang yelled cried screamed whispered muttered hoped believed feared thought
		asserted shared recommended advised cited reminded announced declared admitted acknowledged conceded responded countered continued suggested urged
		predicted promised vowed confirmed denied cautioned stressed emphasized emphasised complained joked
		quipped shouted exclaimed wondered mused concluded agreed recounted described pleaded boasted
		lamented texted emailed messaged answered objected protested blogged reiterated pointed spoke
		quoted summed added interjected scoffed acknowledged predicted estimated echoed applauded
		praised lauded hailed commended criticized criticised reflected summarized summarised elaborated
		clarified contended affirmed mentioned proclaimed retorted highlighted underscored opined
		characterized characterised laughed sighed teased ventured`)
	add(cueSpeech, `says tells writes asks adds explains notes argues claims insists warns tweets recalls
		replies testifies reports remarks observes announces declares admits acknowledges concedes responds
		counters continues suggests urges predicts promises vows confirms denies cautions stresses
		emphasizes emphasises complains jokes quips wonders muses concludes agrees recounts describes
		pleads boasts laments answers objects protests reiterates points speaks states asserts shares
		hopes believes fears thinks chants reads defines defining
		recommends advises cites reminds stating asserting citing reminding wondering sharing
		saying telling writing asking adding explaining noting arguing claiming insisting warning
		tweeting posting recalling replying testifying reporting remarking announcing declaring
		admitting acknowledging conceding responding countering suggesting urging predicting
		promising vowing confirming denying cautioning stressing emphasizing complaining joking
		concluding agreeing recounting describing pleading boasting lamenting answering speaking
		echoes applauds praises lauds hails commends criticizes criticises reflects summarizes summarises
		elaborates clarifies contends affirms mentions proclaims retorts highlights underscores opines
		characterizes characterises echoing applauding praising commending criticizing reflecting
		summarizing elaborating clarifying contending affirming mentioning proclaiming highlighting
		underscoring observing remarking`)
	add(cueNear, `read reads called defined define defines defining chanted chants sang hoped hopes believed
		believes feared fears thought thinks wondered wonders`)
	add(cueSpeech|cueImperative, `say tell write ask explain argue insist warn recall reply testify respond admit
		acknowledge concede confirm deny describe suggest hope believe fear think define note claim
		emphasize emphasise observe remark predict agree complain urge contend recount reiterate
		announce declare conclude`)
	add(cueAccording, "according")
	add(cueSource, `statement statements interview interviews letter memo email e-mail speech post tweet
		remarks testimony release filing report op-ed essay column editorial blog podcast address
		briefing affidavit complaint lawsuit ruling opinion book memoir article paper notes comments
		conversation broadcast hearing transcript words`)
	return m
}()

// quoteNegations before a speech verb deny the speech: "did not say".
var quoteNegations = quoteWordSet("not", "never", "didn't", "didn’t", "doesn't", "doesn’t", "don't", "don’t", "won't", "won’t", "wouldn't", "wouldn’t", "couldn't", "couldn’t", "can't", "can’t", "cannot", "hasn't", "hasn’t", "haven't", "haven’t", "hadn't", "hadn’t", "isn't", "isn’t", "wasn't", "wasn’t")

// quoteRefusals before "to" and a speech verb deny the speech: "declined to say".
var quoteRefusals = quoteWordSet("declined", "declines", "declining", "refused", "refuses", "refusing", "unable", "reluctant", "unwilling")

// quoteDeterminers before a speech verb make it a noun: "the saying", "a warning".
var quoteDeterminers = quoteWordSet("a", "an", "the", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your", "whose", "every", "each", "no")

// quoteBeVerbs before a participle make a passive: "it was said".
var quoteBeVerbs = quoteWordSet("is", "was", "are", "were", "be", "been", "being", "'s", "’s", "it's", "it’s", "get", "got", "gets")

// quoteTitleCues introduce a title or a term rather than a quotation.
var quoteTitleCues = []string{
	"titled", "entitled", "called", "named", "dubbed", "nicknamed", "termed", "labeled", "labelled",
	"branded", "known as", "so-called", "aka", "a.k.a.", "the term", "the terms", "the word", "the words",
	"the phrase", "the expression", "the slogan", "the motto", "the hashtag", "the headline", "the title",
	"the name", "the label", "the tagline", "the theme", "search for", "searched for", "keyword", "keywords",
	"headlined", "subtitled", "captioned", "searching for", "searches for", "search term", "search terms",
	"the mantra", "the refrain", "the rallying cry", "the battle cry", "the catchphrase", "the buzzword",
	"the adage", "the maxim", "the proverb", "the idiom", "the saying", "the notion", "the concept",
}

// quoteTitleNouns among the three words before a quote mark it as a
// phrase, a motto, a question or a piece of text rather than a quotation.
var quoteTitleNouns = quoteWordSet("phrase", "phrases", "term", "terms", "word", "motto", "slogan", "mantra",
	"tagline", "hashtag", "headline", "title", "theme", "tenet", "principle", "question", "questions",
	"text", "message", "prompt", "caption", "label", "heading", "subject", "expression", "saying", "idiom",
	"mission", "vision", "catchphrase", "adage", "maxim", "acronym", "keyword", "keywords", "mottos", "slogans",
	"mantras", "buzzword", "buzzwords", "cliché", "cliche", "proverb", "refrain", "creed", "query", "queries",
	"formula", "equation", "template", "pattern", "syntax", "placeholder", "example", "examples", "wording",
	"language", "sentence", "sentences", "string", "strings", "search", "searches", "headlines", "titles",
	"captions", "labels", "prompts", "messages")

// quotePassiveCues are title cues that, after a form of "be", describe with
// someone's words ("has been called 'a model for the country'").
var quotePassiveCues = quoteWordSet("called", "dubbed", "termed", "labeled", "labelled", "branded")

// quoteUIVerbs before a quote and quoteUINouns after it mark interface labels:
// click "Save", the "Submit form" button.
var (
	quoteUIVerbs = quoteWordSet("click", "clicking", "clicks", "clicked", "select", "selecting", "selected", "press", "pressed", "tap", "tapped", "choose", "chose", "type", "typing", "typed", "enter", "entered", "check", "uncheck", "hit", "pick", "picked")
	quoteUINouns = quoteWordSet("button", "buttons", "link", "links", "tab", "tabs", "menu", "field", "fields", "option", "options", "box", "checkbox", "icon", "column", "setting", "settings", "command", "dropdown", "toggle", "banner")
)

// titleSmallWords may stay lowercase in a title.
var titleSmallWords = quoteWordSet("a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "into", "via", "vs", "per", "is", "are", "be", "it", "its", "up", "off", "out", "over", "about", "your", "our", "not")

// calloutLabels open blockquotes that are notes, not quotations.
var calloutLabels = quoteWordSet("note", "notes", "tip", "tips", "warning", "important", "caution", "info", "hint", "danger", "attention", "update", "updated", "editor's note", "editor’s note", "disclaimer", "reminder", "example", "todo", "fixme", "pro tip", "heads up", "nb")

func quoteWordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
