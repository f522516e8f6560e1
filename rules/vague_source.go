package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/citelint/citelint/lint"
)

// VagueSource reports attributions that name nobody: "studies show",
// "experts say", "it is widely believed", "according to sources".
var VagueSource = &lint.Rule{
	ID:             "vague-source",
	Summary:        summary("vague-source"),
	Doc:            doc("vague-source"),
	Severity:       lint.Warning,
	DefaultOptions: func() lint.Options { return &VagueSourceOptions{} },
	Requires:       []lint.Requirement{sourcingAnalysis, mentionsAnalysis},
	Run:            runVagueSource,
}

// VagueSourceOptions configures vague-source.
type VagueSourceOptions struct {
	// ExtraPhrases are more phrases to report, such as "insiders claim",
	// matched word for word, ignoring case.
	ExtraPhrases []string `yaml:"extra-phrases"`

	phrases [][]string
	trigger *wordTrigger // the words one of which every phrase holds
}

// Validate checks the extra phrases and splits them into words.
func (o *VagueSourceOptions) Validate() error {
	o.phrases = o.phrases[:0]
	trigger := *vagueWords
	trigger.words = slices.Clone(vagueWords.words)
	for _, p := range o.ExtraPhrases {
		words := strings.Fields(strings.ToLower(p))
		if len(words) == 0 {
			return fmt.Errorf("extra-phrases: empty phrase")
		}
		o.phrases = append(o.phrases, words)
		// The trigger sees runs of letters: "it's" as "it" and "s".
		head := words[0]
		for i := 0; i < len(head); i++ {
			if byteKinds[head[i]] != letterByte {
				head = head[:i]
				break
			}
		}
		if head == "" {
			return fmt.Errorf("extra-phrases: %q must start with a letter", p)
		}
		trigger.add(head)
	}
	o.trigger = &trigger
	return nil
}

// vagueWords are the verbs and words of which every built-in phrase holds
// one.
var vagueWords = func() *wordTrigger {
	t := newWordTrigger(vagueVerb, "according")
	for _, w := range impersonalParticiples {
		t.add(w)
	}
	return t
}()

// impersonalParticiples end "it is widely believed" and "it has been
// reported"; "known", "held" and "thought" only after an adverb or before
// "that".
var impersonalParticiples = []string{"believed", "said", "reported", "accepted", "acknowledged",
	"estimated", "claimed", "rumored", "suggested", "argued", "shown", "alleged", "known", "held",
	"thought"}

func runVagueSource(p *lint.Pass) {
	opts := p.Options.(*VagueSourceOptions)
	// With only the built-in phrases, the sentences to read are known from
	// the scan shared with uncited-number.
	var flags []uint8 // the shared flags of the block being read
	mayMention := func(_ *lint.Block, si int) bool { return flags[si]&mentionsVague != 0 }
	if opts.trigger != nil {
		mayMention = func(b *lint.Block, si int) bool {
			s := b.Sentences[si]
			return opts.trigger.mayMention(b.Text[s.Start:s.End], false)
		}
	}
	sources := lint.ResultOf(p, sourcingAnalysis)
	var slots [][]uint8 // the mentionsAnalysis result, when the built-in phrases are used
	if opts.trigger == nil {
		slots = lint.ResultOf(p, mentionsAnalysis)
	}
	buf := getTokens()
	defer putTokens(buf)
	toks := *buf
	defer func() { *buf = toks }()
	var found []span
	for _, b := range p.Doc.Blocks {
		if b.Kind == lint.Heading || b.Within(lint.Blockquote) || b.Within(lint.FootnoteDefinition) {
			continue
		}
		found = found[:0]
		if opts.trigger == nil {
			flags = sentenceMentions(slots, b)
		}
		for si, sent := range b.Sentences {
			if !mayMention(b, si) {
				continue
			}
			toks = tokenize(toks[:0], b.Text, sent.Start, sent.End)
			n := len(found)
			found = vaguePhrases(found, b.Text, toks, opts.phrases)
			if len(found) > n && sources.ownSource(b, si, toks) {
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

// vaguePhrases appends the spans of the vague attributions among a
// sentence's words.
func vaguePhrases(out []span, text string, toks []token, extra [][]string) []span {
	for i := 0; i < len(toks); i++ {
		end := vagueAt(text, toks, i)
		if end == 0 {
			end = extraPhraseAt(text, toks, i, extra)
		}
		if end > 0 {
			start := i
			if i > 0 && joined(toks, i-1) && toks[i].lex.is(vagueSubject) && isQuantifier(text, toks[i-1]) {
				start = i - 1 // "many people believe", "some experts say"
			}
			out = append(out, span{toks[start].start, toks[end-1].end})
			i = end - 1
		}
	}
	return out
}

// isQuantifier reports words that leave a subject vague: "many", "some".
func isQuantifier(text string, t token) bool {
	switch strings.ToLower(word(text, t)) {
	case "many", "some", "most", "several", "numerous", "multiple", "other", "various", "certain":
		return true
	}
	return false
}

// isVagueAdjective reports adjectives that leave a subject vague: "recent
// studies", "independent experts".
func isVagueAdjective(text string, t token) bool {
	switch strings.ToLower(word(text, t)) {
	case "recent", "new", "independent", "previous", "past", "scientific", "medical", "published",
		"early", "preliminary", "leading", "top", "prominent", "outside", "legal", "health", "local",
		"state", "federal", "city", "county", "government", "senior", "administration", "police",
		"school", "industry", "military", "company", "campaign":
		return true
	}
	return false
}

// vagueAt returns the end (a word index) of a vague attribution starting
// at word i, or 0.
func vagueAt(text string, toks []token, i int) int {
	t := toks[i]
	switch {
	case t.lex.is(vagueSubject):
		return vagueSubjectVerb(text, toks, i)
	case isWord(text, t, "it") && joined(toks, i):
		return impersonalPassive(text, toks, i)
	case isWord(text, t, "according") && joined(toks, i) && isWord(text, toks[i+1], "to"):
		return accordingToNobody(text, toks, i)
	}
	return 0
}

// vagueSubjectVerb recognizes "studies show", "research has shown",
// "experts say", "critics argue", "many people believe", "some say" and
// "officials said", unless a name or a determiner makes the subject
// specific ("these studies", "CDC officials", "our research").
func vagueSubjectVerb(text string, toks []token, i int) int {
	subject := strings.ToLower(word(text, toks[i]))
	if w := word(text, toks[i]); w != strings.ToLower(w) && i > 0 {
		return 0 // a capital inside the sentence: a name ("Sources Inc.")
	}
	if i > 0 && joined(toks, i-1) {
		prev := toks[i-1]
		switch strings.ToLower(word(text, prev)) {
		case "the", "this", "that", "these", "those", "our", "their", "its", "his", "her", "my",
			"your", "both", "such", "case", "same", "whose", "which", "what":
			return 0
		}
		// "Pew research", "CDC officials": a capitalized word before a
		// lowercase subject names it, unless it only opens the sentence
		// ("Recent studies", "Many experts").
		if isName(text, prev, false) && !isQuantifier(text, prev) && !isVagueAdjective(text, prev) {
			return 0
		}
	}
	if subject == "people" {
		// Only "many people", "some people", "most people".
		if i == 0 || !joined(toks, i-1) {
			return 0
		}
		switch strings.ToLower(word(text, toks[i-1])) {
		case "many", "some", "most":
		default:
			return 0
		}
	}
	k := i + 1
	if !joined(toks, k-1) {
		return 0
	}
	if w := strings.ToLower(word(text, toks[k])); w == "have" || w == "has" || w == "had" {
		if !joined(toks, k) {
			return 0
		}
		k++
	}
	verb := strings.ToLower(word(text, toks[k]))
	if !toks[k].lex.is(vagueVerb) {
		return 0
	}
	findings := subject == "studies" || subject == "research" || subject == "evidence"
	switch verb {
	case "show", "shows", "shown", "suggest", "suggests", "suggested", "indicate", "indicates",
		"prove", "proves", "proven", "demonstrate", "demonstrates", "demonstrated":
		if !findings {
			return 0
		}
	case "find", "finds", "found":
		if !findings && subject != "researchers" && subject != "scientists" && subject != "experts" {
			return 0
		}
	default:
		// "some thought it would be…" and "some acknowledged…" describe.
		if findings || subject == "some" && verb != "say" && verb != "argue" && verb != "believe" && verb != "claim" {
			return 0
		}
	}
	// "Sources said" counts; "officials told" too.
	return k + 1
}

// impersonalPassive recognizes "it is widely believed", "it is said", "it
// has been reported" from "it" at word i.
func impersonalPassive(text string, toks []token, i int) int {
	k := i + 1
	switch strings.ToLower(word(text, toks[k])) {
	case "is", "was":
	case "has", "had":
		if !joined(toks, k) || !isWord(text, toks[k+1], "been") {
			return 0
		}
		k++
	default:
		return 0
	}
	k++
	if k >= len(toks) || !joined(toks, k-1) {
		return 0
	}
	adverb := false
	switch strings.ToLower(word(text, toks[k])) {
	case "widely", "generally", "commonly", "often", "well", "now", "also", "sometimes", "long":
		if !joined(toks, k) {
			return 0
		}
		adverb = true
		k++
	}
	// "it is known as" names something, "it was held in May" tells of an
	// event, "it is thought of as" describes: these words attribute only
	// with an adverb or before "that" ("it is widely held", "it is known
	// that").
	after := ""
	if joined(toks, k) {
		after = strings.ToLower(word(text, toks[k+1]))
	}
	switch participle := strings.ToLower(word(text, toks[k])); participle {
	case "known", "held", "thought":
		if after != "as" && after != "for" && after != "of" && after != "in" && (adverb || after == "that") {
			return k + 1
		}
	default:
		if slices.Contains(impersonalParticiples, participle) {
			return k + 1
		}
	}
	return 0
}

// accordingToNobody recognizes "according to reports", "according to some
// experts" and "according to sources" from "according" at word i, unless a
// name follows ("according to experts at Johns Hopkins").
func accordingToNobody(text string, toks []token, i int) int {
	k := i + 2
	if k >= len(toks) || !joined(toks, k-1) {
		return 0
	}
	switch strings.ToLower(word(text, toks[k])) {
	case "some", "many", "several", "media", "news", "unnamed", "anonymous", "local", "recent",
		"multiple", "published", "press", "various", "other", "industry", "unconfirmed":
		if !joined(toks, k) {
			return 0
		}
		k++
	}
	t := toks[k]
	if !t.lex.is(vagueSubject) || word(text, t) != strings.ToLower(word(text, t)) {
		return 0
	}
	// A name shortly after: "experts at the Mayo Clinic".
	for j := k + 1; j < min(len(toks), k+4) && joined(toks, j-1); j++ {
		if isName(text, toks[j], false) {
			return 0
		}
	}
	return k + 1
}

// extraPhraseAt matches the configured phrases at word i.
func extraPhraseAt(text string, toks []token, i int, extra [][]string) int {
next:
	for _, words := range extra {
		if i+len(words) > len(toks) {
			continue
		}
		for j, w := range words {
			if !isWord(text, toks[i+j], w) || j > 0 && !joined(toks, i+j-1) {
				continue next
			}
		}
		return i + len(words)
	}
	return 0
}
