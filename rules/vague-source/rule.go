// Package vaguesource holds the vague-source rule: its documentation is
// doc.md beside it (citelint explain vague-source), its fixtures are in
// testdata/.
package vaguesource

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/citelint/citelint/lint"
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
	Doc:            ruledoc.Expand(doc),
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
	mayMention := func(_ *lint.Block, si int) bool { return flags[si]&sourcing.MentionsVague != 0 }
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
	for _, b := range p.Doc.Blocks {
		if b.Kind == lint.Heading || b.Within(lint.Blockquote) || b.Within(lint.FootnoteDefinition) {
			continue
		}
		found = found[:0]
		if opts.trigger == nil {
			flags = sourcing.SentenceMentions(slots, b)
		}
		for si, sent := range b.Sentences {
			if !mayMention(b, si) {
				continue
			}
			toks = sourcing.Tokenize(toks[:0], b.Text, sent.Start, sent.End)
			n := len(found)
			found = vaguePhrases(found, b.Text, toks, opts.phrases)
			if len(found) > n && sources.OwnSource(b, si, toks) {
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
func vaguePhrases(out []phrase, text string, toks []sourcing.Token, extra [][]string) []phrase {
	for i := 0; i < len(toks); i++ {
		end := vagueAt(text, toks, i)
		if end == 0 {
			end = extraPhraseAt(text, toks, i, extra)
		}
		if end > 0 {
			start := i
			if i > 0 && sourcing.Joined(toks, i-1) && toks[i].Is(sourcing.VagueSubject) && isQuantifier(text, toks[i-1]) {
				start = i - 1 // "many people believe", "some experts say"
			}
			out = append(out, phrase{toks[start].Start, toks[end-1].End})
			i = end - 1
		}
	}
	return out
}

// isQuantifier reports words that leave a subject vague: "many", "some".
func isQuantifier(text string, t sourcing.Token) bool {
	switch strings.ToLower(sourcing.Word(text, t)) {
	case "many", "some", "most", "several", "numerous", "multiple", "other", "various", "certain":
		return true
	}
	return false
}

// isVagueAdjective reports adjectives that leave a subject vague: "recent
// studies", "independent experts".
func isVagueAdjective(text string, t sourcing.Token) bool {
	switch strings.ToLower(sourcing.Word(text, t)) {
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
func vagueAt(text string, toks []sourcing.Token, i int) int {
	t := toks[i]
	switch {
	case t.Is(sourcing.VagueSubject):
		return vagueSubjectVerb(text, toks, i)
	case sourcing.IsWord(text, t, "it") && sourcing.Joined(toks, i):
		return impersonalPassive(text, toks, i)
	case sourcing.IsWord(text, t, "according") && sourcing.Joined(toks, i) && sourcing.IsWord(text, toks[i+1], "to"):
		return accordingToNobody(text, toks, i)
	}
	return 0
}

// vagueSubjectVerb recognizes "studies show", "research has shown",
// "experts say", "critics argue", "many people believe", "some say" and
// "officials said", unless a name or a determiner makes the subject
// specific ("these studies", "CDC officials", "our research").
func vagueSubjectVerb(text string, toks []sourcing.Token, i int) int {
	subject := strings.ToLower(sourcing.Word(text, toks[i]))
	if w := sourcing.Word(text, toks[i]); w != strings.ToLower(w) && i > 0 {
		return 0 // a capital inside the sentence: a name ("Sources Inc.")
	}
	if i > 0 && sourcing.Joined(toks, i-1) {
		prev := toks[i-1]
		switch strings.ToLower(sourcing.Word(text, prev)) {
		case "the", "this", "that", "these", "those", "our", "their", "its", "his", "her", "my",
			"your", "both", "such", "case", "same", "whose", "which", "what":
			return 0
		}
		// "Pew research", "CDC officials": a capitalized word before a
		// lowercase subject names it, unless it only opens the sentence
		// ("Recent studies", "Many experts").
		if sourcing.IsName(text, prev, false) && !isQuantifier(text, prev) && !isVagueAdjective(text, prev) {
			return 0
		}
	}
	if subject == "people" {
		// Only "many people", "some people", "most people".
		if i == 0 || !sourcing.Joined(toks, i-1) {
			return 0
		}
		switch strings.ToLower(sourcing.Word(text, toks[i-1])) {
		case "many", "some", "most":
		default:
			return 0
		}
	}
	k := i + 1
	if !sourcing.Joined(toks, k-1) {
		return 0
	}
	if w := strings.ToLower(sourcing.Word(text, toks[k])); w == "have" || w == "has" || w == "had" {
		if !sourcing.Joined(toks, k) {
			return 0
		}
		k++
	}
	verb := strings.ToLower(sourcing.Word(text, toks[k]))
	if !toks[k].Is(sourcing.VagueVerb) {
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
func impersonalPassive(text string, toks []sourcing.Token, i int) int {
	k := i + 1
	switch strings.ToLower(sourcing.Word(text, toks[k])) {
	case "is", "was":
	case "has", "had":
		if !sourcing.Joined(toks, k) || !sourcing.IsWord(text, toks[k+1], "been") {
			return 0
		}
		k++
	default:
		return 0
	}
	k++
	if k >= len(toks) || !sourcing.Joined(toks, k-1) {
		return 0
	}
	adverb := false
	switch strings.ToLower(sourcing.Word(text, toks[k])) {
	case "widely", "generally", "commonly", "often", "well", "now", "also", "sometimes", "long":
		if !sourcing.Joined(toks, k) {
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
	if sourcing.Joined(toks, k) {
		after = strings.ToLower(sourcing.Word(text, toks[k+1]))
	}
	switch participle := strings.ToLower(sourcing.Word(text, toks[k])); participle {
	case "known", "held", "thought":
		if after != "as" && after != "for" && after != "of" && after != "in" && (adverb || after == "that") {
			return k + 1
		}
	default:
		if slices.Contains(sourcing.ImpersonalParticiples, participle) {
			return k + 1
		}
	}
	return 0
}

// accordingToNobody recognizes "according to reports", "according to some
// experts" and "according to sources" from "according" at word i, unless a
// name follows ("according to experts at Johns Hopkins").
func accordingToNobody(text string, toks []sourcing.Token, i int) int {
	k := i + 2
	if k >= len(toks) || !sourcing.Joined(toks, k-1) {
		return 0
	}
	switch strings.ToLower(sourcing.Word(text, toks[k])) {
	case "some", "many", "several", "media", "news", "unnamed", "anonymous", "local", "recent",
		"multiple", "published", "press", "various", "other", "industry", "unconfirmed":
		if !sourcing.Joined(toks, k) {
			return 0
		}
		k++
	}
	t := toks[k]
	if !t.Is(sourcing.VagueSubject) || sourcing.Word(text, t) != strings.ToLower(sourcing.Word(text, t)) {
		return 0
	}
	// A name shortly after: "experts at the Mayo Clinic".
	for j := k + 1; j < min(len(toks), k+4) && sourcing.Joined(toks, j-1); j++ {
		if sourcing.IsName(text, toks[j], false) {
			return 0
		}
	}
	return k + 1
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
