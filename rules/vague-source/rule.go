// Package vaguesource holds the vague-source rule: its documentation is
// doc.md beside it (citelint explain vague-source), its fixtures are in
// testdata/.
package vaguesource

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

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

// Rule (vague-source) reports attributions that name nobody: "studies show",
// "experts say", "it is widely believed", "according to sources".
var Rule = &lint.Rule{
	ID:             "vague-source",
	Summary:        ruledoc.Summary(doc),
	DocFunc:        ruledoc.Lazy(doc),
	Severity:       lint.Warning,
	DefaultOptions: func() lint.Options { return &Options{} },
	Requires:       []lint.Requirement{sourcing.SourcingAnalysis, sourcing.MentionsAnalysis},
	Run:            runVagueSource,
}

// Options configures vague-source.
type Options struct {
	// ExtraPhrases are more phrases to report, such as "insiders claim",
	// matched word for word, ignoring case.
	ExtraPhrases []string `yaml:"extra-phrases"`

	phrases [][]string
	trigger *sourcing.WordTrigger // the words one of which every phrase holds
}

// Validate checks the extra phrases and splits them into words.
func (o *Options) Validate() error {
	o.phrases = o.phrases[:0]
	trigger := *sourcing.VagueWords
	trigger.Words = slices.Clone(sourcing.VagueWords.Words)
	for _, p := range o.ExtraPhrases {
		words := strings.Fields(strings.ToLower(p))
		if len(words) == 0 {
			return fmt.Errorf("extra-phrases: empty phrase")
		}
		o.phrases = append(o.phrases, words)
		// The trigger sees runs of letters: "it's" as "it" and "s".
		head := words[0]
		for i := 0; i < len(head); i++ {
			if sourcing.ByteKinds[head[i]] != sourcing.LetterByte {
				head = head[:i]
				break
			}
		}
		if head == "" {
			return fmt.Errorf("extra-phrases: %q must start with a letter", p)
		}
		trigger.Add(head)
	}
	o.trigger = &trigger
	return nil
}

// phrase is the byte range of a vague phrase in a block's text.
type phrase struct{ start, end int }

func runVagueSource(p *lint.Pass) {
	opts := p.Options.(*Options)
	// With only the built-in phrases, the sentences to read are known from
	// the scan shared with uncited-number.
	var flags []uint8 // the shared flags of the block being read
	mayMention := func(b *lint.Block, si int) bool {
		const both = sourcing.MentionsVague | sourcing.MentionsCue
		return flags[si]&both == both
	}
	if opts.trigger != nil {
		mayMention = func(b *lint.Block, si int) bool {
			s := b.Sentences[si]
			return opts.trigger.MayMention(b.Text[s.Start:s.End], false)
		}
	}
	sources := lint.ResultOf(p, sourcing.SourcingAnalysis)
	var slots [][]uint8 // the sourcing.MentionsAnalysis result, when the built-in phrases are used
	if opts.trigger == nil {
		slots = lint.ResultOf(p, sourcing.MentionsAnalysis)
	}
	buf := sourcing.GetTokens()
	defer sourcing.PutTokens(buf)
	toks := *buf
	defer func() { *buf = toks }()
	var found []phrase
	// The writer tells of research of their own in some block at or
	// before the one asked about: weScanned blocks have been read for it,
	// and weAt is the first that does (-1: none yet). Each block is read
	// once however often the question is asked.
	weScanned, weAt := 0, -1
	weBefore := func(upTo int) bool {
		for weAt < 0 && weScanned <= upTo {
			if n := p.Doc.Blocks[weScanned]; n.Kind != lint.Heading && speaksAsWe(n.Text) {
				weAt = weScanned
			}
			weScanned++
		}
		return weAt >= 0 && weAt <= upTo
	}
	lists := &listCitations{doc: p.Doc}
	for _, b := range p.Doc.Blocks {
		if b.Kind == lint.Heading || b.Within(lint.Blockquote) || b.Within(lint.FootnoteDefinition) {
			continue
		}
		found = found[:0]
		if opts.trigger == nil {
			flags = sourcing.SentenceMentions(slots, b)
		}
		var para *prose.Paragraph
		we := func() bool { return weBefore(b.Index) }
		reportEnd := -2 // not read yet
		namedReport := func() int {
			if reportEnd == -2 {
				reportEnd = firstNamedReport(b.Text, para)
			}
			return reportEnd
		}
		for si, sent := range b.Sentences {
			if !mayMention(b, si) || sources.OwnCitation(b, si) {
				// A sentence with its own citation reports nothing (its
				// findings would be dropped below, OwnCitation being part
				// of OwnSource): the model need not read it. A fifth of
				// digitalgov's sentences with vague and cue words.
				continue
			}
			if para == nil {
				para = sources.Paragraph(b)
			}
			n := len(found)
			var said prose.Span // the source already reported in this sentence
			for _, a := range para.In(si) {
				if a.Sentence == si && a.Kind == prose.Vague && (a.Source.Empty() || a.Source != said) && credits(lists, b, a, we) &&
					!namedLater(b.Text, para, a) && !includesNamed(b.Text, a) && !namedNext(b.Text, b.Quotes, para, a) && !reportNamed(b.Text, a, namedReport) && !pollNamedNext(b.Text, para, a) {
					// "Authorities announced … and said": one source, one report.
					found = append(found, vagueSpan(a))
					said = a.Source
				}
			}
			if len(opts.phrases) > 0 {
				toks = sourcing.Tokenize(toks[:0], b.Text, sent.Start, sent.End)
				found = extraPhrases(found, n, b.Text, toks, opts.phrases)
			}
			if len(found) > n && sources.OwnSource(b, si) {
				found = found[:n]
			}
		}
		q := 0
		for _, f := range found {
			for q < len(b.Quotes) && (b.Quotes[q].Depth != 0 || b.Quotes[q].End <= f.start) {
				q++
			}
			if q < len(b.Quotes) && b.Quotes[q].Start <= f.start {
				continue // the quoted speaker's words
			}
			if signedPost(b.Text, f.end) {
				continue // an embedded post's words, signed "— Name (@handle) date"
			}
			start, end := b.SourceSpan(f.start, f.end)
			p.Report(lint.Diagnostic{
				Start:      start,
				End:        end,
				Message:    fmt.Sprintf("%q names no source", b.Text[f.start:f.end]),
				Suggestion: "say who (which study, expert or official) and cite it",
			})
		}
	}
}

// namedLater reports whether a vague document ("a new poll showed") is
// named in the next sentence of its paragraph: "the", a name and its noun
// point back at it ("The NBC/Wall Street Journal poll gave …"). The
// paragraph names it.
func namedLater(text string, para *prose.Paragraph, a prose.Attribution) bool {
	if a.Source.Empty() || a.Sentence+1 >= len(para.Sentences) {
		return false
	}
	head := lastWord(text[a.Source.Start:a.Source.End])
	if !prose.Lookup(head).Is(prose.SourceNoun) {
		return false
	}
	next := para.Sentences[a.Sentence+1]
	words := strings.Fields(text[next.Start:next.End])
	for i := 2; i < len(words); i++ {
		if !strings.EqualFold(strings.Trim(words[i], ",.;:"), head) {
			continue
		}
		// "The NBC/Wall Street Journal poll": "the", then names, then the
		// noun, pointing back; not "a Marist College poll", another one.
		j := i - 1
		for j > 0 && sourcing.StartsUpper(words[j]) && !strings.EqualFold(words[j], "the") {
			j--
		}
		if j < i-1 && strings.EqualFold(words[j], "the") {
			return true
		}
	}
	return false
}

// namedNext reports whether the sentence after a vague attribution, in
// its paragraph, quotes a source named there: "Some observers say the plan
// can work. \"I think it can,\" said Jo Reyes, …" or "Trump will
// reportedly speak on Monday. According to the Trump campaign, \"…\"".
// The crowd or the hedge leads in to the named one's own words: the
// paragraph names who says it. Only a crowd ("experts", "some of her
// allies") or a hedge: officials or aides, who speak for a body, and a
// prepositional source ("according to one report") are told apart from
// the quoted speaker.
func namedNext(text string, quotes []prose.Quote, para *prose.Paragraph, a prose.Attribution) bool {
	next := a.Sentence + 1
	if next >= len(para.Sentences) {
		return false
	}
	if !a.Source.Empty() {
		if a.Cue.Start < a.Source.Start && strings.IndexByte(text[a.Cue.Start:a.Cue.End], ' ') > 0 {
			return false // "according to one report"
		}
		if head := lastWord(text[a.Source.Start:a.Source.End]); prose.Has(head, prose.BodyRole) || prose.Has(head, prose.StaffRole) {
			return false
		}
	}
	// A quotation of several sentences has its cue after the last of
	// them: look that far for a named source whose words open in the
	// next sentence.
	ns := para.Sentences[next]
	for si := next; si < min(len(para.Sentences), next+maxQuotedSentences); si++ {
		for _, n := range para.In(si) {
			if n.Sentence == si && n.Kind == prose.Named && !n.Source.Empty() && ns.Start <= n.Content.Start && n.Content.Start < ns.End &&
				namesSomeone(text[n.Source.Start:n.Source.End]) && quoted(text, quotes, n.Content, !n.Near) {
				return true
			}
		}
	}
	return false
}

// maxQuotedSentences bounds the sentences namedNext reads for the cue of
// a quotation that opens in the sentence after a vague attribution.
const maxQuotedSentences = 4

// pollNamedNext reports whether unnamed polls that lead a paragraph's
// sentence ("New polls released Sunday showed Clinton taking a lead.")
// are named, one by one, in the next sentence ("According to a Washington
// Post-ABC News survey, 51 percent …"): the paragraph names them. Only
// polls (poll-noun) lead in so: a study named after "studies have found"
// may be the exception the writer goes on to.
func pollNamedNext(text string, para *prose.Paragraph, a prose.Attribution) bool {
	if a.Source.Empty() || a.Cue.Start < a.Source.Start || a.Sentence+1 >= len(para.Sentences) {
		return false
	}
	if !slices.ContainsFunc(strings.Fields(text[a.Source.Start:a.Source.End]), func(w string) bool { return prose.Has(w, prose.PollNoun) }) {
		return false // "New polls released Sunday": the noun before its participle
	}
	next := a.Sentence + 1
	for _, n := range para.In(next) {
		if n.Sentence == next && n.Kind == prose.Named && !n.Source.Empty() {
			src := text[n.Source.Start:n.Source.End]
			if namesSomeone(src) && prose.Has(lastWord(src), prose.PollNoun) {
				return true
			}
		}
	}
	return false
}

// lastWord returns the last word of a source, its punctuation trimmed: the
// head of "a Marist College poll", "Clinton's aides".
func lastWord(src string) string {
	words := strings.Fields(src)
	if len(words) == 0 {
		return ""
	}
	return strings.Trim(words[len(words)-1], ",.;:")
}

// reportNamed reports whether a hedge of report ("reportedly") follows,
// in its paragraph, a named source's report ("As The Hill reported, …
// And when asked to leave, he reportedly refused"): "reportedly" is "as
// reported", and the paragraph has said by whom. A source named with
// another cue ("according to the AP") may have given only another fact.
// namedReport returns where the paragraph's first such report ends (see
// firstNamedReport), asked only for a hedge.
func reportNamed(text string, a prose.Attribution, namedReport func() int) bool {
	if !a.Source.Empty() || !reportCue(text[a.Cue.Start:a.Cue.End]) {
		return false
	}
	end := namedReport()
	return end >= 0 && end <= a.Cue.Start
}

// firstNamedReport returns where the cue of the paragraph's first named
// source's report ("The Hill reported") ends, or -1: read once a
// paragraph, not once for each hedge in it.
func firstNamedReport(text string, para *prose.Paragraph) int {
	end := -1
	for si := range para.Sentences {
		for _, n := range para.In(si) {
			if n.Sentence == si && n.Kind == prose.Named && (end < 0 || n.Cue.End < end) && reportCue(text[n.Cue.Start:n.Cue.End]) {
				end = n.Cue.End
			}
		}
	}
	return end
}

// reportCue reports whether a cue is a form of "report".
func reportCue(cue string) bool { return strings.HasPrefix(strings.ToLower(cue), "report") }

// quoted reports whether a content span opens with an outermost
// quotation, the named speaker's own words; or, when within is set (a
// cue of speech, not a finding), holds one: "said it has become almost
// \"impossible to catch up\"". A phrase quoted inside a finding ("found
// that the money came from \"the drug trade\"") is no lead-in.
func quoted(text string, quotes []prose.Quote, c prose.Span, within bool) bool {
	if rest := text[c.Start:c.End]; strings.HasPrefix(rest, "''") || strings.HasPrefix(rest, "``") {
		return true // a quotation opened with two marks, as some news archives write it
	}
	// The quotations are in order of their starts: the search starts at
	// the span's, so that a paragraph of many quotations and many vague
	// attributions is not read once per attribution.
	i, _ := slices.BinarySearchFunc(quotes, c.Start, func(q prose.Quote, start int) int { return q.Start - start })
	for ; i < len(quotes) && quotes[i].Start < c.End; i++ {
		if q := quotes[i]; q.Depth == 0 && q.End > q.Start {
			// Outermost quotations do not overlap: the first that opens
			// in the span decides.
			return q.Start == c.Start || within && q.End <= c.End
		}
	}
	return false
}

// namesSomeone reports whether a source's words hold a capitalised word
// after their first ("Jo Reyes", "the Trump campaign", "The Hill"): a
// name, not a pronoun or a description referring back.
func namesSomeone(src string) bool {
	words := strings.Fields(src)
	for i, w := range words {
		if i == 0 && len(words) > 1 {
			continue
		}
		if sourcing.StartsUpper(w) && len(w) > 1 {
			return true
		}
	}
	return false
}

// includesNamed reports whether a vague source is followed by a named
// member of it: "three recent polls, including one from Monmouth
// University, show …". The sentence names (part of) its source.
func includesNamed(text string, a prose.Attribution) bool {
	if a.Source.Empty() {
		return false
	}
	rest := strings.TrimLeft(text[a.Source.End:min(len(text), a.Source.End+maxIncludedBytes)], " ")
	rest, ok := strings.CutPrefix(rest, ",")
	if !ok {
		return false
	}
	words := strings.Fields(rest)
	if len(words) < 2 || !strings.EqualFold(words[0], "including") {
		return false
	}
	for _, w := range words[1:min(len(words), 7)] {
		if sourcing.StartsUpper(w) {
			return true
		}
		if strings.ContainsAny(w, ",.;:") {
			break
		}
	}
	return false
}

// maxIncludedBytes bounds the words read after a vague source for a
// named member (includesNamed).
const maxIncludedBytes = 120

// signedPost reports whether the words before offset at are an embedded
// social post's: a signature, a dash then a name and "(@handle)", follows
// them within maxPostBytes ("Trump reportedly has … — The Daily Beast
// (@thedailybeast) June 29, 2016"). They are the signer's words, not the
// writer's.
func signedPost(text string, at int) bool {
	rest := text[at:min(len(text), at+maxPostBytes)]
	h := strings.Index(rest, "(@")
	if h < 0 {
		return false
	}
	for i := h - 1; i >= 0 && h-i <= maxSignatureBytes; i-- {
		if prose.DashAt(rest, i) > 0 {
			return true
		}
	}
	return false
}

// maxPostBytes bounds an embedded post's text after the words reported;
// maxSignatureBytes bounds the name between its dash and its handle.
const (
	maxPostBytes      = 320
	maxSignatureBytes = 60
)

// vagueSpan returns the words of a vague attribution to report: its
// source and cue together ("Experts say", "According to reports"), or the
// cue alone when nobody stands behind it ("It is widely believed").
// credits reports whether a vague attribution gives a claim to nobody,
// which is what an editor asks "who?" of. It does not when its cue credits
// no claim ("researchers want access", "a firm has conducted a survey"),
// when what the cue governs is a topic ("most people think of search",
// "authors have written about it"), or when its content carries its own
// link: a quotation linked to its report, or the
// linked list a lead-in ending in a colon presents ("Recent data report:"
// then one linked figure per item).
func credits(lists *listCitations, b *lint.Block, a prose.Attribution, we func() bool) bool {
	text := b.Text
	if !sourcing.Credits(text, a) {
		return false
	}
	after := strings.TrimLeft(text[a.Cue.End:], " ")
	w, _, _ := strings.Cut(after, " ")
	if cue := text[a.Cue.Start:a.Cue.End]; w == "to" && (prose.Has(cue, prose.IntentionVerb) || prose.Has(cue+"s", prose.IntentionVerb)) {
		return false // "lawmakers have vowed to block it": an aim, not a claim
	}
	if prose.Has(strings.TrimRight(w, ",.;:"), prose.TopicWord) {
		return false
	}
	if prose.Has(text[a.Cue.Start:a.Cue.End], prose.ClauseCue) && a.Content.Start >= a.Cue.End &&
		!strings.EqualFold(w, "that") && !strings.HasPrefix(after, ":") && !strings.HasPrefix(after, "\"") &&
		!strings.HasPrefix(after, "“") && !strings.HasPrefix(after, ",") {
		return false // "other people wrote the code": acting on a thing, not saying
	}
	if src := strings.Fields(text[a.Source.Start:a.Source.End]); strings.EqualFold(text[a.Cue.Start:a.Cue.End], "called") &&
		len(src) > 0 && prose.Lookup(src[0]).Is(prose.Determiner) {
		return false // "a group called the Harbor Trust": a name given, not a view
	}
	if cue := strings.ToLower(text[a.Cue.Start:a.Cue.End]); (cue == "call" || cue == "calls") && !a.Source.Empty() &&
		endsWithFold(strings.TrimRight(text[:a.Source.Start], " "), "what") {
		return false // "what economists call a consumption tax": a term glossed, not a view
	}
	if we() && participants(text, a) {
		return false
	}
	// The first citation after the cue (citations are in order) is the
	// only one to look at: one search, not a walk per attribution.
	cs := b.Citations
	from := max(a.Cue.End, a.Content.Start)
	if i := sort.Search(len(cs), func(i int) bool { return cs[i].TextStart >= from }); i < len(cs) && cs[i].TextEnd <= a.Content.End {
		return false
	}
	sent := b.Sentences[a.Sentence]
	if strings.HasSuffix(strings.TrimRight(text[sent.Start:sent.End], " "), ":") && a.Sentence == len(b.Sentences)-1 {
		return !lists.leadsToCitations(b)
	}
	return true
}

// endsWithFold reports whether s ends with suffix, an ASCII word, in any
// letter case. Only the end of s is read: lowering all of it, the whole
// paragraph before each attribution, made a paragraph of many "experts
// call it …" quadratic.
func endsWithFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// participants reports whether a vague source may be people the writer's
// own research spoke with: its last word is of the participant class
// ("many people", "several participants", "some"). In a paragraph that
// speaks as "we" or "our" ("In our interviews, many people mentioned …")
// the writer reports them first-hand; they are no unnamed source.
func participants(text string, a prose.Attribution) bool {
	if a.Source.Empty() {
		return false
	}
	src := text[a.Source.Start:a.Source.End]
	return prose.Has(src[strings.LastIndexByte(src, ' ')+1:], prose.Participant)
}

// speaksAsWe reports whether a paragraph's writer speaks in the first
// person (the lexicon's first-person words: "we", "our", "my", "us") and
// tells of research (research-word: "our interviews", "people we
// spoke to"): the people it quotes vaguely are the writer's own
// participants.
func speaksAsWe(text string) bool {
	we, research := false, false
	sep := func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }
	for rest := text; ; {
		w, after, ok := sourcing.NextField(rest, sep)
		if !ok {
			break
		}
		rest = after
		if prose.Lookup(w).Is(prose.FirstPerson) || prose.Exact(w)&prose.FirstPersonExact != 0 {
			we = true
		} else {
			research = research || prose.Has(w, prose.ResearchWord)
		}
		if we && research {
			return true
		}
	}
	return false
}

// listCitations answers leadsToCitations for a document's blocks.
type listCitations struct {
	doc *lint.Document
	// from[i]: the blocks from index i on, up to the next heading or
	// paragraph outside a list, hold a citation. Worked out backward in
	// one pass when first asked, so that a list of many items that each
	// end in a colon is read once, not once per item.
	from []bool
}

// leadsToCitations reports whether the blocks right after b, up to the
// next heading or paragraph outside a list, hold a citation: the items
// a lead-in ending in a colon presents.
func (l *listCitations) leadsToCitations(b *lint.Block) bool {
	if l.from == nil {
		blocks := l.doc.Blocks
		l.from = make([]bool, len(blocks)+1)
		for i := len(blocks) - 1; i >= 0; i-- {
			n := blocks[i]
			l.from[i] = n.Kind != lint.Heading && n.Within(lint.ListItem) && (len(n.Citations) > 0 || l.from[i+1])
		}
	}
	return l.from[b.Index+1]
}

func vagueSpan(a prose.Attribution) phrase {
	if a.Source.Empty() {
		return phrase{a.Cue.Start, a.Cue.End}
	}
	p := phrase{min(a.Source.Start, a.Cue.Start), max(a.Source.End, a.Cue.End)}
	if p.end-p.start > maxVagueSpan {
		// A source far from its cue, the subject of a long run of
		// coordinated cues ("Authorities announced … and said"): the cue
		// alone, so that no finding, its message or its excerpt grows with
		// its sentence.
		return phrase{a.Cue.Start, a.Cue.End}
	}
	return p
}

// maxVagueSpan bounds the bytes a vague attribution's span runs from its
// source to its cue.
const maxVagueSpan = 200

// extraPhrases appends the spans of the configured phrases among a
// sentence's words, matched word for word, ignoring case, unless they
// overlap a vague attribution found already (out[from:]).
func extraPhrases(out []phrase, from int, text string, toks []sourcing.Token, extra [][]string) []phrase {
	found := len(out)
	for i := 0; i < len(toks); i++ {
		end := extraPhraseAt(text, toks, i, extra)
		if end <= i {
			continue
		}
		f := phrase{toks[i].Start, toks[end-1].End}
		if !slices.ContainsFunc(out[from:found], func(g phrase) bool { return g.start < f.end && f.start < g.end }) {
			out = append(out, f)
		}
		i = end - 1
	}
	return out
}

// extraPhraseAt matches the configured phrases at word i.
func extraPhraseAt(text string, toks []sourcing.Token, i int, extra [][]string) int {
next:
	for _, words := range extra {
		if i+len(words) > len(toks) {
			continue
		}
		for j, w := range words {
			if !sourcing.IsWord(text, toks[i+j], w) || j > 0 && !sourcing.Joined(toks, i+j-1) {
				continue next
			}
		}
		return i + len(words)
	}
	return 0
}
