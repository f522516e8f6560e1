package sourcing

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/prose"
)

// Token is one word of prose; see prose.Token.
type Token = prose.Token

// GetTokens returns an empty token buffer; PutTokens gives it back.
func GetTokens() *[]Token { return prose.GetTokens() }

// PutTokens gives back a buffer GetTokens returned.
func PutTokens(b *[]Token) { prose.PutTokens(b) }

// Tokenize appends the words of text[from:to] to buf; see prose.Tokenize.
func Tokenize(buf []Token, text string, from, to int) []Token {
	return prose.Tokenize(buf, text, from, to)
}

// WordClass is a set of the lexicon's word classes (prose/lexicon.txt).
type WordClass = prose.Class

// LexEntry is what the lexicon knows of a word.
type LexEntry = prose.Entry

// The word classes the sourcing rules use, from the one lexicon.
const (
	NumberWord   = prose.NumberWord
	HundredWord  = prose.HundredWord
	ScaleWord    = prose.ScaleWord
	PluralScale  = prose.PluralScale
	PluralCount  = prose.PluralCount
	FractionWord = prose.FractionWord
	PercentWord  = prose.PercentWord
	UnitWord     = prose.UnitWord
	SingularUnit = prose.SingularUnit
	CountNoun    = prose.CountNoun
	RateBase     = prose.RateBase
	ChangeVerb   = prose.ChangeVerb
	MultiplyVerb = prose.MultiplyVerb
	Comparative  = prose.Comparative
	Superlative  = prose.Superlative
	ReportVerb   = prose.ReportVerb
	SourceNoun   = prose.SourceNoun
	MonthName    = prose.MonthName
	LabelWord    = prose.LabelWord
	LeadWord     = prose.LeadWord
	firstPerson  = prose.FirstPerson
	FunctionWord = prose.FunctionWord
	GroupNoun    = prose.GroupNoun
	ModalWord    = prose.ModalWord
	ReaderWord   = prose.ReaderWord
	AimWord      = prose.AimWord
)

// Lookup returns the lexicon entry of a word, ignoring case.
func Lookup(w string) LexEntry { return prose.Lookup(w) }

// WordTrigger tells cheaply whether a sentence may hold one of a few
// words, so that the rules split only those sentences into tokens. It first
// checks the word's shape — its first and last letters and its length —
// and looks a word up only when the shape matches.
type WordTrigger struct {
	shapes [26 * 26]uint32 // for each first and last letter, a bit per length
	// seconds has, for each first and last letter, a bit for each second
	// letter of a word of two letters or more: a finer test after the
	// shape, which many everyday words share with some trigger word.
	seconds [26 * 26]uint32
	classes WordClass // lexicon words of these classes trigger
	Words   []string  // and these lowercase words
}

// newWordTrigger returns a trigger for the lexicon words of classes c and
// for the given lowercase words.
func newWordTrigger(c WordClass, words ...string) *WordTrigger {
	t := &WordTrigger{classes: c}
	for _, w := range prose.WordsOf(c) {
		t.addShape(w)
	}
	for _, w := range words {
		t.Add(w)
	}
	return t
}

// Add makes a lowercase word trigger.
func (t *WordTrigger) Add(w string) {
	t.Words = append(t.Words, w)
	t.addShape(w)
}

func (t *WordTrigger) addShape(w string) {
	if i, ok := shapeIndex(w); ok && len(w) < 32 {
		t.shapes[i] |= 1 << len(w)
		if len(w) >= 2 {
			if second := w[1] | 0x20; second >= 'a' && second <= 'z' {
				t.seconds[i] |= 1 << (second - 'a')
			} else {
				t.seconds[i] = 1<<26 - 1 // not a run of letters; no finer test
			}
		}
	}
}

// secondMatches reports whether the letters text[start:end], whose shape
// matches, may be a trigger word by their second letter.
func (t *WordTrigger) secondMatches(text string, start, end int) bool {
	k := int((text[start]|0x20)-'a')*26 + int((text[end-1]|0x20)-'a')
	return end-start < 2 || t.seconds[k]&(1<<((text[start+1]|0x20)-'a')) != 0
}

// shapeIndex returns the slot of a word's first and last ASCII letters,
// in either case.
func shapeIndex(w string) (int, bool) {
	if w == "" {
		return 0, false
	}
	first, last := w[0]|0x20, w[len(w)-1]|0x20
	if first < 'a' || first > 'z' || last < 'a' || last > 'z' {
		return 0, false
	}
	return int(first-'a')*26 + int(last-'a'), true
}

// ByteKinds sorts bytes for the trigger's scan.
var ByteKinds = func() (k [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		k[c], k[c-'a'+'A'] = LetterByte, LetterByte
	}
	for c := '0'; c <= '9'; c++ {
		k[c] = figureByte
	}
	k['$'] = figureByte
	k[0xC2], k[0xE2] = currencyLeadByte, currencyLeadByte
	return k
}()

// The kinds of byte ByteKinds sorts bytes into.
const (
	LetterByte = 1 + iota
	figureByte
	currencyLeadByte
)

// MayMention reports whether text may hold a trigger word or, when digits
// is true, a digit or a currency sign. It reads each byte once, and looks
// at a word's shape only once the word is whole.
func (t *WordTrigger) MayMention(text string, digits bool) bool {
	n := len(text)
	for i := 0; i < n; i++ {
		kind := ByteKinds[text[i]]
		if kind == 0 {
			continue
		}
		if kind != LetterByte {
			if digits && (kind == figureByte || isCurrencyLead(text, i)) {
				return true
			}
			continue
		}
		start := i
		i = letterRunEnd(text, i) - 1
		if t.wordMatches(text, start, i+1) {
			return true
		}
	}
	return false
}

// holds reports whether text[start:end] is a trigger word. A number word
// below ten triggers only in a rate, "one in five", or a multiple,
// "three-fold" (whose letters run apart at the hyphen): its other figures
// ("three million", "two thirds", "five percent", "six tons", "three times
// as many", "three out of four") hold a trigger word of their own.
func (t *WordTrigger) holds(text string, start, end int) bool {
	return t.holdsEntry(Lookup(text[start:end]), text, start, end)
}

// holdsEntry is holds with the word's lexicon entry already looked up.
func (t *WordTrigger) holdsEntry(e LexEntry, text string, start, end int) bool {
	w := text[start:end]
	if e.Is(t.classes) {
		return !e.Is(NumberWord) || e.Value >= 10 || strings.HasPrefix(text[end:], " in ") || strings.HasPrefix(text[end:], " out of ") ||
			strings.HasPrefix(text[end:], " of every ") || strings.HasPrefix(text[end:], " figures") || strings.HasPrefix(text[end:], "-fold") ||
			streakAfter(text[end:]) || newsCountAfter(text[end:]) || durationAfter(text[end:]) ||
			strings.HasPrefix(text[end:], " point") || strings.HasPrefix(text[end:], "-point") // "by five points", "a four-point lead": a margin (uncited-number's marginPoints)
	}
	for _, x := range t.Words {
		if len(x) == len(w) && strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// streakAfter reports whether the words after a small number word make it
// a streak, news however small: "six straight losses", "three consecutive
// quarters", "six primaries in a row".
func streakAfter(rest string) bool {
	rest = rest[:min(len(rest), 48)]
	if w, ok := strings.CutPrefix(rest, " "); ok {
		if i := strings.IndexByte(w, ' '); i > 0 && prose.Has(w[:i], prose.Streak) {
			return true // "six straight losses"
		}
	}
	if i := strings.IndexAny(rest, ".;:!?"); i >= 0 {
		rest = rest[:i]
	}
	// "six primaries in a row": a phrase of the streak-after class, of up to
	// three words, starting at any word of the rest of the clause. The
	// window is at most 48 bytes, so at most 24 words: no allocation.
	var starts, ends [24]int
	n := 0
	for i := 0; i < len(rest) && n < len(starts); {
		for i < len(rest) && rest[i] == ' ' {
			i++
		}
		j := i
		for j < len(rest) && rest[j] != ' ' {
			j++
		}
		if j > i {
			starts[n], ends[n] = i, j
			n++
		}
		i = j
	}
	for w := 0; w < n; w++ {
		for last := w; last < n && last < w+3; last++ {
			if prose.Has(rest[starts[w]:ends[last]], prose.StreakAfter) {
				return true
			}
		}
	}
	return false
}

// newsCountAfter reports whether one of the next three words after a
// small number word is an event whose count is news: "six corporate
// bankruptcies", "three killed", and past the first, "two officers shot"
// (news-participle).
func newsCountAfter(rest string) bool {
	for n := 0; n < 3; n++ {
		rest = strings.TrimLeft(rest, " ")
		i := 0
		for i < len(rest) && (rest[i] >= 'a' && rest[i] <= 'z' || rest[i] >= 'A' && rest[i] <= 'Z' || rest[i] == '-') {
			i++
		}
		if i == 0 {
			return false
		}
		if prose.Has(rest[:i], prose.NewsCount) || n > 0 && prose.Has(rest[:i], prose.NewsParticiple) {
			return true
		}
		rest = rest[i:]
	}
	return false
}

// durationAfter reports whether a length of time follows a small number
// word ("six minutes"): a measured result after "took" or "lasted" is a
// claim however small, which the rule decides.
func durationAfter(rest string) bool {
	rest = strings.TrimLeft(rest[:min(len(rest), 24)], " ")
	i := 0
	for i < len(rest) && rest[i] >= 'a' && rest[i] <= 'z' {
		i++
	}
	return i > 0 && prose.Lookup(rest[:i]).Is(prose.Duration)
}

// isCurrencyLead reports whether text[i:] starts with £, ¥, € or ₹.
func isCurrencyLead(text string, i int) bool {
	if i+1 >= len(text) {
		return false
	}
	switch text[i] {
	case 0xC2: // £ U+00A3, ¥ U+00A5
		return text[i+1] == 0xA3 || text[i+1] == 0xA5
	case 0xE2: // € U+20AC, ₹ U+20B9
		return text[i+1] == 0x82
	}
	return false
}

// Mentions of a sentence, as SentenceMentions records them.
const (
	MentionsFigure uint8 = 1 << iota // a digit, a currency sign or a figure word
	MentionsVague                    // a word of the built-in vague phrases
	// MentionsCue marks a word of CueWords in a sentence with
	// MentionsVague: then exactly when CueWords.MayMention(sentence,
	// false) holds. Without MentionsVague it may be missing.
	MentionsCue
	// MentionsCited marks a sentence with a citation of its own (a link,
	// a footnote, a Pandoc citation): neither rule reports in it (its
	// OwnCitation holds), so it is not read and no other flag is set. A
	// caller that wants its words anyway asks Mentions.
	MentionsCited
)

// MentionsAnalysis is the analysis behind SentenceMentions: one slot per
// block, filled when a rule first asks about the block. A last slot holds
// the free room of one array with a flag for every sentence of the
// document, from which the blocks' slots are cut: one allocation, not one
// per block.
var MentionsAnalysis = &lint.Analysis[[][]uint8]{Name: "sentence mentions", Run: func(doc *lint.Document) [][]uint8 {
	n := 0
	for _, b := range doc.Blocks {
		n += len(b.Sentences)
	}
	all := make([][]uint8, len(doc.Blocks)+1)
	all[len(doc.Blocks)] = make([]uint8, n)
	return all
}}

// SentenceMentions says, for every sentence of block b, which rules'
// trigger words it may hold. One pass over the prose serves
// uncited-number and vague-source, which would otherwise each read every
// byte; blocks no rule asks about are never read, nor sentences with a
// citation of their own (MentionsCited: a quarter of digitalgov's prose).
// all is the pass's MentionsAnalysis result, looked up once per rule run.
func SentenceMentions(all [][]uint8, b *lint.Block) []uint8 {
	if all[b.Index] == nil {
		free := all[len(all)-1]
		n := len(b.Sentences)
		flags := free[:n:n] // never nil, even when empty: the slot is filled
		all[len(all)-1] = free[n:]
		for si, s := range b.Sentences {
			if hasCitation(b, si) {
				flags[si] = MentionsCited
				continue
			}
			flags[si] = Mentions(b.Text[s.Start:s.End])
		}
		all[b.Index] = flags
	}
	return all[b.Index]
}

// Mentions scans text once for both triggers: FigureWords (and digits and
// currency signs) and VagueWords. When it finds a vague word it tells
// too whether text holds a word of CueWords, which vague-source asks of
// those sentences: from the words it looks up anyway ("said" is both),
// from every word after the first vague one, and by a second scan of
// the words before it only.
func Mentions(text string) uint8 {
	const both = MentionsFigure | MentionsVague
	const all = both | MentionsCue
	var m uint8
	vagueAt := 0 // where the first vague word starts, once m has MentionsVague
	n := len(text)
	for i := 0; i < n; i++ {
		kind := ByteKinds[text[i]]
		if kind == 0 {
			continue
		}
		if kind != LetterByte {
			if kind == figureByte || isCurrencyLead(text, i) {
				if m |= MentionsFigure; m == all {
					break
				}
			}
			continue
		}
		start := i
		// letterRunEnd's first test, inlined: most words end within it.
		var nonLetters uint64
		if i+8 <= n {
			nonLetters = prose.NonLetters8(text[i : i+8])
		}
		switch {
		case nonLetters != 0:
			i += bits.TrailingZeros64(nonLetters)/8 - 1
		case i+8 <= n: // eight letters: the run goes on
			i = letterRunEnd(text, i+8) - 1
		default:
			i = letterRunEnd(text, i) - 1
		}
		size := i + 1 - start
		if size >= 32 {
			continue
		}
		// One shape, one load and at most one lookup serve both triggers.
		k := int((text[start]|0x20)-'a')*26 + int((text[i]|0x20)-'a')
		shape := mentionShapes[k] >> size
		figure := shape&1 != 0 && m&MentionsFigure == 0 && figureWords.secondMatches(text, start, i+1)
		vague := shape&(1<<32) != 0 && m&MentionsVague == 0 && VagueWords.secondMatches(text, start, i+1)
		if !figure && !vague {
			// After a vague word every word is asked for a cue here, so
			// the second scan need not read it again.
			if m&(MentionsVague|MentionsCue) == MentionsVague && CueWords.wordMatches(text, start, i+1) {
				if m |= MentionsCue; m == all {
					break
				}
			}
			continue
		}
		e := Lookup(text[start : i+1])
		if figure && figureWords.holdsEntry(e, text, start, i+1) {
			m |= MentionsFigure
		}
		if vague && VagueWords.holdsEntry(e, text, start, i+1) {
			m |= MentionsVague
			vagueAt = start
		}
		// The shape and second-letter tests only rule words out: the
		// entry decides (TestTriggerFiltersPassEveryMember).
		if m&MentionsCue == 0 && CueWords.holdsEntry(e, text, start, i+1) {
			m |= MentionsCue
		}
		if m == all {
			break
		}
	}
	// The words before the first vague word, those not looked up above:
	// the vague word starts a run of letters, so no word runs across
	// vagueAt, and a cue word reads nothing after itself (no cue is a
	// number word).
	if m&(MentionsVague|MentionsCue) == MentionsVague && CueWords.MayMention(text[:vagueAt], false) {
		m |= MentionsCue
	}
	return m
}

// mentionShapes holds figureWords' shapes in its low 32 bits and
// VagueWords' in its high 32 bits, so that Mentions tests a word's shape
// against both with one load.
var mentionShapes = func() (s [26 * 26]uint64) {
	for k := range s {
		s[k] = uint64(figureWords.shapes[k]) | uint64(VagueWords.shapes[k])<<32
	}
	return s
}()

// wordMatches reports whether the letters text[start:end] are a trigger
// word: its shape first, then the word itself.
func (t *WordTrigger) wordMatches(text string, start, end int) bool {
	size := end - start
	if size >= 32 {
		return false
	}
	k := int((text[start]|0x20)-'a')*26 + int((text[end-1]|0x20)-'a')
	return t.shapes[k]&(1<<size) != 0 && t.secondMatches(text, start, end) && t.holds(text, start, end)
}

// letterRunEnd returns the end of the run of ASCII letters that starts at
// text[i]. It tests eight bytes at a time: words are short, so most runs
// end within the first eight. (A scan that calls it for every word tests
// those eight itself, with prose.NonLetters8, which inlines, and calls it
// only for a longer run.)
func letterRunEnd(text string, i int) int {
	for i+8 <= len(text) {
		if nonLetters := prose.NonLetters8(text[i : i+8]); nonLetters != 0 {
			return i + bits.TrailingZeros64(nonLetters)/8
		}
		i += 8
	}
	for i < len(text) && ByteKinds[text[i]] == LetterByte {
		i++
	}
	return i
}

// figureWords are the words that can make a figure without a digit:
// number words, scale words, fractions, units, "percent", "doubled", the
// lexicon's figure-word ("twice", "record", "times"), a share without a
// number ("majority") and a verb of taking time.
// A number word below ten triggers itself before "in" or "out of" (see
// WordTrigger.holds), so "out" need not.
var figureWords = newWordTrigger(NumberWord|HundredWord|ScaleWord|PluralScale|PluralCount|FractionWord|
	PercentWord|UnitWord|MultiplyVerb, slices.Concat(prose.TextMembers(prose.FigureWord), prose.TextMembers(prose.VagueShare),
	prose.TextMembers(prose.DurationVerb))...) // "took about a month"

// VagueWords are the words of which nearly every vague attribution the
// model finds holds one: a vague source ("experts"), an impersonal
// participle ("it is believed"), an adverb ("reportedly"), or a source
// noun or role that is vague with "a" or "some" before it ("a recent
// study", "a spokesman"). Only sentences holding one are read for
// vague-source, so that it costs little on text that has none.
var VagueWords = newWordTrigger(prose.VagueSource | prose.ImpersonalParticiple | prose.VagueAdverb | prose.VagueSingular)

// CueWords are the words of which every vague attribution also holds one:
// a cue ("say", "according"), an adverb ("reportedly") or an impersonal
// participle ("believed"). A sentence with a vague word but none of these
// ("many thanks", "some notes") is not read.
var CueWords = newWordTrigger(prose.Cue|prose.BeliefCue|prose.SourceCue|prose.VagueAdverb|prose.ImpersonalParticiple, "according")

// MaxLexWord bounds the words the lexicon is asked about.
const MaxLexWord = prose.MaxWord

// TrimTrailing drops closing marks and punctuation at the end of
// text[i:j]; see prose.TrimTrailing.
func TrimTrailing(text string, i, j int) int { return prose.TrimTrailing(text, i, j) }

// NextField returns the first field of s as strings.FieldsFunc(s, sep)
// splits it, and the rest of s after it; ok is false when s has none.
// Reading fields one at a time allocates nothing and stops where the
// caller stops.
func NextField(s string, sep func(rune) bool) (field, rest string, ok bool) {
	start := -1
	for i, r := range s {
		switch {
		case start < 0 && !sep(r):
			start = i
		case start >= 0 && sep(r):
			return s[start:i], s[i:], true
		}
	}
	if start < 0 {
		return "", "", false
	}
	return s[start:], "", true
}
