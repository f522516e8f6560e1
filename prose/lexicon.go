package prose

import (
	_ "embed"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Class is a set of word classes of the lexicon, one bit each.
type Class uint64

// The word classes. Each is a section of lexicon.txt, whose comments say
// what it holds; classNames maps the section names to them.
const (
	Cue Class = 1 << iota
	BeliefCue
	SourceNoun
	VagueSource
	VaguePhrase
	VagueAdverb
	VagueModifier
	Role
	Pronoun
	FirstPerson
	Determiner
	Definite
	BetweenCue
	ClauseWord
	AfterCue
	Weekday
	NumberWord
	HundredWord
	ScaleWord
	PluralScale
	PluralCount
	FractionWord
	PercentWord
	UnitWord
	SingularUnit
	CountNoun
	RateBase
	ChangeVerb
	MultiplyVerb
	Comparative
	Superlative
	ReportVerb
	MonthName
	LabelWord
	LeadWord
	ModalWord
	ReaderWord
	AimWord
	FunctionWord
	GroupNoun
	ImpersonalParticiple
	Abbreviation
	NumberAbbreviation
	SentenceOpener
	BeVerb
	Body
	NounCue
	PrepCue
	SourceAdjective
	SourceCue
	Preposition
	Quantified
	Conditional
	Negation
	QuoteNoun
	NearCue
	VagueSingular
	FirstPersonExact
	Duration
	PluralDuration
	StrictCue
	lastClass

	// phraseStart marks the first word of a phrase of any class.
	phraseStart = lastClass
)

// classNames are the lexicon.txt section names of the classes, in the
// order of their bits.
var classNames = [...]string{
	"cue", "belief-cue", "source-noun", "vague-source", "vague-phrase", "vague-adverb",
	"vague-modifier", "role", "pronoun", "first-person", "determiner", "definite", "between-cue",
	"clause", "after-cue", "weekday", "number", "hundred", "scale", "plural-scale", "plural-count",
	"fraction", "percent", "unit", "singular-unit", "count-noun", "rate-base", "change-verb",
	"multiply-verb", "comparative", "superlative", "report-verb", "month", "label", "lead", "modal",
	"reader", "aim", "function", "group-noun", "impersonal-participle", "abbreviation", "number-abbreviation", "sentence-opener",
	"be", "body", "noun-cue", "prep-cue", "source-adjective", "source-cue", "preposition", "quantified", "conditional", "negation", "quote-noun", "near-cue", "vague-singular", "first-person-exact", "duration", "plural-duration", "strict-cue",
}

// TextClass is a class of the lexicon that rules match against text as
// written (EndsWith, Has) rather than word by word: its sections are
// marked "text" in lexicon.txt. The tokenizer never looks its members up,
// so adding one changes how no sentence is read, and the classes are not
// bounded by the bits of Class.
type TextClass uint8

// The text classes, in the order of textClassNames. Each is a section of
// lexicon.txt, whose comments say what it holds.
const (
	ExampleCue TextClass = iota
	WonderVerb
	TitleCue
	PassiveTitleCue
	PassiveAux
	TitleNoun
	WorkNoun
	DocumentNoun
	DoubtModal
	UIVerb
	UINoun
	TitleSmallWord
	CalloutLabel
	WonderLead
	ImagineCue
	AimHeadingWord
	AimWordOfList
	Banknote
	RankWord
	DateLead
	ComparisonWord
	ReferenceHeading
	ReferBackOpener
	Requirement
	InSource
	NewsCount
	ClauseBreak
	Approximator
	Streak
	StreakAfter
	VagueNumber
	NoClaimCue
	TopicWord
	FirstHandModifier
	StandardSuffix
	DurationVerb
	ClauseCue
	Participant
	ResearchWord
	ForecastCue
	PolicyNoun
	LengthNoun
	BracketLead
	ScenarioOpener
	Bound
	RangeWord
	PartitivePronoun
	PersonPronoun
	OwnedReport
	MethodVerb
	SelectionWord
	FixedSizePart
	PolicyLink
	VagueShare
	AdviceVerb
	LowerBound
	UpperBound
	CountedPronoun
	IntentionVerb
	ProposalVerb
	TallyNoun
	PrizePlace
	LeadPreposition
	Subordinator
	AimNoun
	SignatureLead
	SeriesEnd
	ThresholdNoun
	ThresholdCue
	ThanBound
	ResultStress
	AchievedLead
	FactQuestion
	Ordinal
	FrequencyAdverb
	LevelVerb
	RecordNoun
	MeasureWord
	NameJoiner
	PossessiveDeterminer
	PollNoun
	ParticipleCue
	PerfectAux
	RelativeWord
	StaffRole
	BodyRole
	SettingVerb
	FileType
	BodyName
	PredicateOpener
	OpenBound
	MagnitudeNoun
	PluralQuantifier
	SpeechNoun
	CountSubject
	SurveyPart
	CompoundCue
	ApplauseCue
	CompletionVerb
	NameVerb
	NoSource
	ThoughtVerb
	Reflexive
	ShareVerb
	ObjectPronoun
	WholeSet
	HeldVerb
	GoOnVerb
	UnnamedBody
	NewsParticiple
	EarningParticiple
	StressWord
	PermissionVerb
	OrderVerb
	DefineVerb
	QuestionPreposition
	FigureWord
	TimeAfter
	TimeBefore
	DayLead
	DayPart
	SubjectVerb
	Demonstrative
	ProposalQuestion
	QuestionVerb
	QuotingVerb
	SettingWord
	SettingLink
	SetTo
	FormatSize
	DataUnit
	DataElement
	ClassifyVerb
	NounLead
	ElidedPreposition
	QualifierOpener
	SourcePreposition
	DoAux
	MarginNoun
	lastTextClass
)

// textClassNames are the lexicon.txt section names of the text classes.
var textClassNames = [lastTextClass]string{
	"example-cue", "wonder-verb", "title-cue", "passive-title-cue", "passive-aux", "title-noun", "work-noun",
	"document-noun", "doubt-modal", "ui-verb", "ui-noun", "title-small-word", "callout-label",
	"wonder-lead", "imagine-cue", "aim-heading", "aim-list", "banknote", "rank-word", "date-lead",
	"comparison-word", "reference-heading", "refer-back-opener", "requirement", "in-source", "news-count", "clause-break", "approximator", "streak", "streak-after", "vague-number", "no-claim-cue", "topic-word", "first-hand-modifier", "standard-suffix", "duration-verb", "clause-cue", "participant", "research-word", "forecast-cue", "policy-noun", "length-noun", "bracket-lead", "scenario-opener", "bound", "range-word", "partitive-pronoun", "person-pronoun", "owned-report", "method-verb", "selection-word", "fixed-size-part", "policy-link", "vague-share", "advice-verb", "lower-bound", "upper-bound", "counted-pronoun", "intention-verb", "proposal-verb", "tally-noun", "prize-place", "lead-preposition", "subordinator", "aim-noun", "signature-lead", "series-end", "threshold-noun", "threshold-cue", "than-bound", "result-stress", "achieved-lead", "fact-question", "ordinal", "frequency-adverb", "level-verb", "record-noun", "measure-word", "name-joiner", "possessive-determiner", "poll-noun", "participle-cue", "perfect-aux",
	"relative-word", "staff-role", "body-role", "setting-verb", "file-type", "body-name", "predicate-opener", "open-bound", "magnitude-noun", "plural-quantifier", "speech-noun", "count-subject", "survey-part",
	"compound-cue", "applause-cue", "completion-verb", "name-verb", "no-source", "thought-verb", "reflexive", "share-verb", "object-pronoun",
	"whole-set", "held-verb", "go-on-verb", "unnamed-body", "news-participle", "earning-participle", "stress-word", "permission-verb", "order-verb", "define-verb", "question-preposition",
	"figure-word", "time-after", "time-before",
	"day-lead", "day-part", "subject-verb", "demonstrative", "proposal-question", "question-verb", "quoting-verb",
	"setting-word", "setting-link", "set-to", "format-size", "data-unit", "data-element", "classify-verb",
	"noun-lead", "elided-preposition", "qualifier-opener", "source-preposition", "do-aux", "margin-noun",
}

// Name returns the lexicon.txt name of the text class.
func (c TextClass) Name() string {
	if c >= lastTextClass {
		return fmt.Sprintf("TextClass(%d)", uint8(c))
	}
	return textClassNames[c]
}

// Name returns the lexicon.txt name of a single class.
func (c Class) Name() string {
	if bits.OnesCount64(uint64(c)) != 1 || c >= lastClass {
		return fmt.Sprintf("Class(%#x)", uint64(c))
	}
	return classNames[bits.TrailingZeros64(uint64(c))]
}

// Entry is what the lexicon knows of one word.
type Entry struct {
	Class Class
	// Value is the number a number word, scale or fraction stands for.
	Value float64
}

// Is reports whether the word is in any of the classes c.
func (e Entry) Is(c Class) bool { return e.Class&c != 0 }

// Phrase is a multi-word member of a class: "according to".
type Phrase struct {
	Words []string // lowercase
	Class Class
}

//go:embed lexicon.txt
var lexiconData string

// lexicon is the parsed lexicon.txt, read once at start-up; it is never
// written after, so rules read it from any goroutine.
var lexicon = func() *Lexicon {
	lx, err := ParseLexicon(lexiconData)
	if err != nil {
		panic("prose: " + err.Error()) // caught by TestLexiconParses
	}
	return lx
}()

// Lexicon is a parsed lexicon: words by class, phrases and documentation.
type Lexicon struct {
	table   lexTable
	exact   map[string]Class
	phrases map[string][]Phrase // by first word
	// phraseLists holds phrases' lists again, by the index of their first
	// word in table.words: phraseAt finds them with the table's hash, as
	// the tokenizer found the word, rather than by lowering the word for
	// the map (which allocated for every "The", "It" and "In").
	phraseLists [][]Phrase
	// exactShapes filters exact's lookups as lexTable.shapes filters the
	// table's: bit n of exactShapes[shapeKey(first, last)] is set when a
	// member is n bytes long and starts and ends with those bytes (up to
	// ASCII case). The sentence splitter asks about the word before
	// nearly every full stop, and few are members.
	exactShapes *[1024]uint64
	// texts and textKeys hold the members of the text classes, by class
	// and last byte ("’" as "'"): texts[b][c]-1 indexes, in textKeys,
	// the members of text class c whose key byte is b; 0 when there is
	// none. An array, not a map: the rules ask about nearly every word,
	// and most have no member. Indexed by byte first, so that the classes
	// a rule asks about one word share its few cache lines rather than
	// each costing one.
	texts    [256][lastTextClass]uint16
	textKeys []textKey
	// classes documents the word classes, then the text classes.
	classes [len(classNames) + len(textClassNames)]ClassDoc
	// textFold says, for each text class, whether it folds ASCII case (is
	// not exact): read on every Has, away from the large ClassDocs.
	textFold [lastTextClass]bool
}

// textKey is what Has and EndsWith read of the members of one text
// class with one key byte: the filters first, then the members, in one
// 64-byte record, so that a word the filters turn away costs one cache
// line.
type textKey struct {
	// lens has bit n set when a member can match a whole word of n bytes
	// (bit 63: of 63 bytes or more), so that Has turns most words away
	// without reading a member.
	lens uint64
	// second has the bit of every byte that ends a member but one (all
	// bits for a member of one byte), so that EndsWith and Has turn away
	// most words ending in a common letter ("s", "e") without reading a
	// member.
	second [4]uint64
	// list holds the members, lowercase unless the class is exact,
	// phrases with single spaces, "’" as "'", in file order.
	list []string
}

// ClassDoc is one class as the data file writes it, for documentation.
type ClassDoc struct {
	Name    string
	Doc     string   // the comment lines after the header, joined
	Members []string // as written, phrases with spaces, in file order
	Exact   bool
	// Text marks a text class (TextClass), matched against text as written.
	Text bool
}

// MaxWord bounds the words the lexicon is asked about: no member is
// longer.
const MaxWord = 24

// ParseLexicon reads lexicon data in the format lexicon.txt describes.
// Errors name the line.
func ParseLexicon(data string) (*Lexicon, error) {
	lx := &Lexicon{exact: map[string]Class{}, exactShapes: new([1024]uint64), phrases: map[string][]Phrase{}}
	// The parse runs at every start-up: its maps are sized for the data
	// (about a word per 32 bytes) rather than grown, and a class's
	// comment lines are joined once.
	words := make(map[string]Entry, len(data)/32)
	var cur Class
	var curText TextClass
	var doc *ClassDoc
	inDoc := false
	var docParts [len(classNames) + len(textClassNames)][]string
	docIndex := -1
	seen := map[string]bool{} // the current class's members, cleared for each
	lineNo := 0
	for rest := data; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		lineNo++
		line = strings.TrimSpace(line)
		if line == "" {
			inDoc = false
			continue
		}
		if strings.HasPrefix(line, "#") {
			if part := strings.TrimSpace(strings.TrimPrefix(line, "#")); inDoc && part != "" {
				docParts[docIndex] = append(docParts[docIndex], part)
			}
			continue
		}
		if strings.HasPrefix(line, "[") {
			name, rest, ok := strings.Cut(line[1:], "]")
			if !ok {
				return nil, fmt.Errorf("lexicon line %d: a class header is [name]", lineNo)
			}
			i := indexOf(name)
			if i < 0 {
				return nil, fmt.Errorf("lexicon line %d: unknown class %q", lineNo, name)
			}
			if lx.classes[i].Name != "" {
				return nil, fmt.Errorf("lexicon line %d: class %q defined twice", lineNo, name)
			}
			flags := strings.Fields(rest)
			text, exact := false, false
			for _, f := range flags {
				switch f {
				case "text":
					text = true
				case "exact":
					exact = true
				default:
					return nil, fmt.Errorf("lexicon line %d: unknown flag %q (only \"text\" and \"exact\")", lineNo, f)
				}
			}
			if text != (i >= len(classNames)) {
				return nil, fmt.Errorf("lexicon line %d: class %q is a text class in prose/lexicon.go exactly when its header says \"text\"", lineNo, name)
			}
			if text {
				cur, curText = 0, TextClass(i-len(classNames))
			} else {
				cur = 1 << i
			}
			doc = &lx.classes[i]
			*doc = ClassDoc{Name: name, Exact: exact, Text: text}
			docIndex = i
			inDoc = true
			clear(seen)
			continue
		}
		inDoc = false
		if doc == nil {
			return nil, fmt.Errorf("lexicon line %d: a member before any [class]", lineNo)
		}
		for m := range strings.FieldsSeq(line) {
			word, value, hasValue := strings.Cut(m, "=")
			var v float64
			if hasValue {
				var err error
				if v, err = strconv.ParseFloat(value, 64); err != nil {
					return nil, fmt.Errorf("lexicon line %d: %q: the value is not a number", lineNo, m)
				}
			}
			if !doc.Exact {
				word = strings.ToLower(word)
			}
			if seen[word] {
				return nil, fmt.Errorf("lexicon line %d: %q is in [%s] twice", lineNo, word, doc.Name)
			}
			seen[word] = true
			if doc.Text {
				if hasValue || !utf8.ValidString(word) || strings.Contains(word, "’") {
					return nil, fmt.Errorf("lexicon line %d: %q: a text class's members are UTF-8 words with no value, apostrophes written straight (') to match both kinds", lineNo, m)
				}
				word = strings.ReplaceAll(word, "_", " ")
				lx.addText(curText, word)
				doc.Members = append(doc.Members, word)
				continue
			}
			if strings.Contains(word, "_") {
				ws := strings.Split(word, "_")
				lx.phrases[ws[0]] = append(lx.phrases[ws[0]], Phrase{Words: ws, Class: cur})
				e := words[ws[0]]
				e.Class |= phraseStart
				words[ws[0]] = e
				doc.Members = append(doc.Members, strings.Join(ws, " "))
				continue
			}
			if len(word) > MaxWord || !IsASCII(word) {
				return nil, fmt.Errorf("lexicon line %d: %q: members are ASCII words of at most %d letters", lineNo, word, MaxWord)
			}
			doc.Members = append(doc.Members, word)
			if doc.Exact {
				lx.exact[word] |= cur
				if n := len(word); n < 64 {
					lx.exactShapes[shapeKey(word[0], word[n-1])] |= 1 << n
				}
				continue
			}
			e := words[word]
			e.Class |= cur
			if hasValue {
				e.Value = v
			}
			words[word] = e
		}
	}
	for i, c := range lx.classes {
		if c.Name == "" {
			return nil, fmt.Errorf("lexicon: class %q has no section", classNames[i])
		}
		lx.classes[i].Doc = strings.Join(docParts[i], " ")
	}
	for _, ps := range lx.phrases {
		// Longest first: "it is widely believed" before "it is".
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].Words) > len(ps[j].Words) })
	}
	lx.table = newLexTable(words)
	lx.packTexts()
	lx.phraseLists = make([][]Phrase, len(lx.table.words))
	for i, m := range lx.table.words {
		lx.phraseLists[i] = lx.phrases[m.word]
	}
	for c := range lx.textFold {
		lx.textFold[c] = !lx.classes[len(classNames)+c].Exact
	}
	return lx, nil
}

// indexOf returns the index of a class in lx.classes: a word class's bit,
// or len(classNames) plus a text class's number.
func indexOf(name string) int {
	for i, n := range classNames {
		if n == name {
			return i
		}
	}
	for i, n := range textClassNames {
		if n == name {
			return len(classNames) + i
		}
	}
	return -1
}

// IsASCII reports whether s is all ASCII.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Lookup returns the lexicon's entry of a word, ignoring ASCII letter case.
// It does not allocate. Curly apostrophes read as straight ones.
func Lookup(w string) Entry { return lexicon.Lookup(w) }

// Lookup returns lx's entry of a word; see the package function.
func (lx *Lexicon) Lookup(w string) Entry {
	if len(w) > MaxWord+2 || len(w) == 0 {
		return Entry{}
	}
	return lx.table.lookup(w)
}

// phrasesOf returns the phrases whose first word is w, as the lexicon's
// table reads w (ASCII case folded, "’" as "'"): for a word the tokenizer
// marked phraseStart, the phrases of w lowercased, "’" read as "'".
func (lx *Lexicon) phrasesOf(w string) []Phrase {
	if len(w) > MaxWord+2 || len(w) == 0 {
		return nil
	}
	if i := lx.table.index(w); i >= 0 {
		return lx.phraseLists[i]
	}
	return nil
}

// Exact returns the exact-case classes of w ("Mr" is an abbreviation,
// "mr" is not).
func Exact(w string) Class { return lexicon.Exact(w) }

// Exact is the package function Exact on lx.
func (lx *Lexicon) Exact(w string) Class {
	// No member is empty or longer than MaxWord.
	if n := len(w); n == 0 || n > MaxWord || lx.exactShapes[shapeKey(w[0], w[n-1])]&(1<<n) == 0 {
		return 0
	}
	return lx.exact[w]
}

// Phrases returns the phrases of the lexicon whose first word is w
// (lowercase), longest first.
func Phrases(first string) []Phrase { return lexicon.phrases[first] }

// EndsWith reports whether text ends with a member of text class c as
// whole words, and where in text that member starts. Case is ignored
// (ASCII letters) unless the class is exact, "’" reads as "'", and a
// phrase is matched with its words one space apart. When several members
// match, the first in file order wins. It does not allocate and reads no
// more of text than the member's length.
func EndsWith(text string, c TextClass) (start int, ok bool) { return lexicon.EndsWith(text, c) }

// EndsWith is the package function EndsWith on lx.
func (lx *Lexicon) EndsWith(text string, c TextClass) (start int, ok bool) {
	if text == "" || c >= lastTextClass {
		return 0, false
	}
	fold := lx.textFold[c]
	k := lx.texts[lastByte(text, fold)][c]
	if k == 0 {
		return 0, false
	}
	key := &lx.textKeys[k-1]
	if !key.secondMay(text, fold) {
		return 0, false
	}
	for _, m := range key.list {
		if i, ok := suffixAt(text, m, fold); ok && (i == 0 || !endsInWordRune(text[:i])) {
			return i, true
		}
	}
	return 0, false
}

// secondMay reports whether text's byte before its last (read as suffixAt
// reads it) may be that of a member of key: when it is no member's, none
// matches.
func (key *textKey) secondMay(text string, fold bool) bool {
	i := len(text) - 1
	if text[i] == 0x99 && strings.HasSuffix(text, "’") {
		i -= 2
	}
	if i == 0 {
		return true // one byte, or "’" alone: let the members decide
	}
	b := text[i-1]
	switch {
	case b == 0x99 && strings.HasSuffix(text[:i], "’"):
		b = '\''
	case fold && b >= 'A' && b <= 'Z':
		b += 'a' - 'A'
	}
	return key.second[b>>6]&(1<<(b&63)) != 0
}

// Has reports whether w, all of it, is a member of text class c, matched
// as EndsWith matches. It does not allocate.
func Has(w string, c TextClass) bool { return lexicon.Has(w, c) }

// Has is the package function Has on lx.
func (lx *Lexicon) Has(w string, c TextClass) bool {
	if w == "" || c >= lastTextClass {
		return false
	}
	fold := lx.textFold[c]
	k := lx.texts[lastByte(w, fold)][c]
	if k == 0 {
		return false // no member ends with that byte
	}
	key := &lx.textKeys[k-1]
	if key.lens&(1<<min(len(w), 63)) == 0 || !key.secondMay(w, fold) {
		return false // none is that long, or ends with those two bytes
	}
	for _, m := range key.list {
		if i, ok := suffixAt(w, m, fold); ok && i == 0 {
			return true
		}
	}
	return false
}

// packTexts copies the text classes' members into one string, key by
// key, as newLexTable packs the table's: Has and EndsWith then read
// members from one small block rather than from all over the embedded
// lexicon.txt.
func (lx *Lexicon) packTexts() {
	n := 0
	for _, key := range lx.textKeys {
		for _, m := range key.list {
			n += len(m)
		}
	}
	var all strings.Builder
	all.Grow(n)
	for _, key := range lx.textKeys {
		for _, m := range key.list {
			all.WriteString(m)
		}
	}
	packed := all.String()
	for k := range lx.textKeys {
		for i, m := range lx.textKeys[k].list {
			lx.textKeys[k].list[i], packed = packed[:len(m)], packed[len(m):]
		}
	}
}

// addText adds member word, as it is to be matched, to text class c.
func (lx *Lexicon) addText(c TextClass, word string) {
	k := &lx.texts[word[len(word)-1]][c]
	if *k == 0 {
		if len(lx.textKeys) == math.MaxUint16 {
			panic("prose: more text-class keys than the lexicon's index holds")
		}
		lx.textKeys = append(lx.textKeys, textKey{})
		*k = uint16(len(lx.textKeys))
	}
	key := &lx.textKeys[*k-1]
	key.list = append(key.list, word)
	if second := &key.second; len(word) < 2 {
		*second = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	} else {
		b := word[len(word)-2]
		second[b>>6] |= 1 << (b & 63)
	}
	// Each "'" of the member may be written "’", two bytes longer.
	for n, quotes := len(word), strings.Count(word, "'"); quotes >= 0; n, quotes = n+2, quotes-1 {
		key.lens |= 1 << min(n, 63)
	}
}

// lastByte is the key byte of text's ending: its last byte, in lowercase
// when fold is set, and "'" for "’".
func lastByte(text string, fold bool) byte {
	b := text[len(text)-1]
	switch {
	case b == 0x99 && strings.HasSuffix(text, "’"):
		return '\''
	case fold && b >= 'A' && b <= 'Z':
		return b + 'a' - 'A'
	}
	return b
}

// suffixAt reports whether text ends with member m, folding ASCII case
// when fold is set and reading "’" as "'", and where m starts in text.
func suffixAt(text, m string, fold bool) (int, bool) {
	i := len(text)
	for j := len(m) - 1; j >= 0; j-- {
		if i == 0 {
			return 0, false
		}
		b := text[i-1]
		i--
		switch {
		case b == 0x99 && i >= 2 && text[i-2] == 0xE2 && text[i-1] == 0x80:
			b = '\''
			i -= 2
		case fold && b >= 'A' && b <= 'Z':
			b += 'a' - 'A'
		}
		if b != m[j] {
			return 0, false
		}
	}
	return i, true
}

// endsInWordRune reports whether s ends with a letter or a digit.
func endsInWordRune(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Classes returns the documentation of every class, in file order of the
// class bits, then of the text classes.
func Classes() []ClassDoc { return lexicon.classes[:] }

// WordsOf returns the one-word members of the classes c, each once.
func WordsOf(c Class) []string {
	var out []string
	seen := map[string]bool{}
	for i, doc := range lexicon.classes[:len(classNames)] {
		if c&(1<<i) == 0 || doc.Exact {
			continue
		}
		for _, w := range doc.Members {
			if !strings.Contains(w, " ") && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// TextMembers returns the members of text class c as written in the data.
func TextMembers(c TextClass) []string { return lexicon.classes[len(classNames)+int(c)].Members }

// Members returns the members of class c as written in the data.
func Members(c Class) []string {
	return lexicon.classes[bits.TrailingZeros64(uint64(c))].Members
}

// lexTable is an open-addressing hash table of lowercase words, faster
// than a map for the many short lookups of tokenizing. Hashing folds ASCII
// case (c|0x20), so words differing only in case share a slot chain.
//
// A slot is 4 bytes: the top 16 bits of the word's hash and its index in
// words, plus one (0 marks an empty slot). There are two to four slots a
// member (16 KB for lexicon.txt's 1,300 words, which share the nearest
// cache with the rest of the check's tables), and a word not in
// the lexicon (most words of prose) is told apart by the hash bits alone,
// without reading any member.
//
// In front of the hash, shapes rejects most words of prose in a few
// instructions: bit n of shapes[shapeKey(first, last)] is set when some
// member, or a spelling of it with curly apostrophes, is n bytes long and
// starts and ends with those bytes (up to ASCII case).
type lexTable struct {
	slots  []uint32
	mask   uint32
	words  []lexSlot
	shapes *[1024]uint64
}

// shapeKey folds a word's first and last bytes into an index of
// lexTable.shapes. Folding with |0x20 keeps a word and its lowercase
// form on one key.
func shapeKey(first, last byte) int { return int((first|0x20)&31)<<5 | int((last|0x20)&31) }

// addShapes records the shapes of member w: as written, and with each
// choice of its straight apostrophes written curly ("’", three bytes).
func (t *lexTable) addShapes(w string) {
	var at []int
	for i := 0; i < len(w); i++ {
		if w[i] == '\'' {
			at = append(at, i)
		}
	}
	if len(at) > 6 {
		for k := range t.shapes {
			t.shapes[k] = math.MaxUint64 // too many spellings to list: no filter
		}
		return
	}
	for choice := 0; choice < 1<<len(at); choice++ {
		first, last, n := w[0], w[len(w)-1], len(w)
		for j, i := range at {
			if choice&(1<<j) == 0 {
				continue
			}
			n += 2
			if i == 0 {
				first = 0xE2
			}
			if i == len(w)-1 {
				last = 0x99
			}
		}
		if n < 64 {
			t.shapes[shapeKey(first, last)] |= 1 << n
		}
	}
}

type lexSlot struct {
	word  string
	entry Entry
}

// maxLexWords bounds the members a lexTable holds: the low 16 bits of a
// slot index them.
const maxLexWords = 1<<16 - 1

func newLexTable(m map[string]Entry) lexTable {
	if len(m) > maxLexWords {
		panic(fmt.Sprintf("prose: lexicon of %d words, more than the %d its table holds", len(m), maxLexWords))
	}
	size := 1
	for size < 2*len(m) {
		size *= 2
	}
	t := lexTable{slots: make([]uint32, size), mask: uint32(size - 1), words: make([]lexSlot, 0, len(m)), shapes: new([1024]uint64)}
	// The members' bytes are copied into one string, in table order: a
	// lookup that finds a member compares a few bytes of one small block
	// rather than of wherever each member was parsed (most are slices of
	// the whole embedded lexicon.txt).
	sorted := slices.Sorted(maps.Keys(m))
	n := 0
	for _, w := range sorted {
		n += len(w)
	}
	var all strings.Builder
	all.Grow(n)
	for _, w := range sorted {
		all.WriteString(w)
	}
	packed := all.String()
	for _, w := range sorted {
		w, packed = packed[:len(w)], packed[len(w):]
		t.addShapes(w)
		h := hashFold(w)
		i := h & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.words = append(t.words, lexSlot{w, m[w]})
		t.slots[i] = h>>16<<16 | uint32(len(t.words))
	}
	return t
}

// hashFold is FNV-1a over ASCII-case-folded bytes; a curly apostrophe
// hashes as a straight one.
func hashFold(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99 { // ’
			c = '\''
			i += 2
		}
		h = (h ^ uint32(c|0x20)) * 16777619
	}
	return h
}

func (t *lexTable) lookup(w string) Entry {
	if n := len(w); n == 0 || n < 64 && t.shapes[shapeKey(w[0], w[n-1])]&(1<<n) == 0 {
		return Entry{}
	}
	// The common case, an ASCII word, in one tight loop; a word with a
	// curly apostrophe ("don’t") takes the folding path.
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return t.lookupFold(w)
		}
		h = (h ^ uint32(c|0x20)) * 16777619
	}
	tag := h >> 16
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return Entry{}
		}
		if s>>16 == tag {
			if m := &t.words[s&0xFFFF-1]; len(m.word) == len(w) && equalLowerASCII(w, m.word) {
				return m.entry
			}
		}
	}
}

// index returns the index in words of the member w reads as, as lookup
// finds it, or -1. (lookup repeats the probe rather than call index: it
// runs on nearly every word of prose.)
func (t *lexTable) index(w string) int {
	if n := len(w); n == 0 || n < 64 && t.shapes[shapeKey(w[0], w[n-1])]&(1<<n) == 0 {
		return -1
	}
	h, ascii := uint32(2166136261), true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		h = (h ^ uint32(c|0x20)) * 16777619
	}
	if !ascii {
		h = hashFold(w)
	}
	tag := h >> 16
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if s>>16 == tag {
			k := int(s&0xFFFF) - 1
			if m := t.words[k].word; ascii && len(m) == len(w) && equalLowerASCII(w, m) || !ascii && equalFold(w, m) {
				return k
			}
		}
	}
}

// equalLowerASCII reports whether ASCII w, lowercased, equals lower (of
// the same length).
func equalLowerASCII(w, lower string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

func (t *lexTable) lookupFold(w string) Entry {
	h := hashFold(w)
	tag := h >> 16
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return Entry{}
		}
		if s>>16 == tag {
			if m := &t.words[s&0xFFFF-1]; equalFold(w, m.word) {
				return m.entry
			}
		}
	}
}

// equalFold reports whether w equals the lowercase ASCII word lower,
// ignoring ASCII case and reading ’ as '.
func equalFold(w, lower string) bool {
	j := 0
	for i := 0; i < len(w); i++ {
		if j >= len(lower) {
			return false
		}
		c := w[i]
		if c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99 {
			c = '\''
			i += 2
		} else if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[j] {
			return false
		}
		j++
	}
	return j == len(lower)
}
