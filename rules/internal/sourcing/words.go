package sourcing

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// Token is one word of prose: letters, digits and the marks inside them
// ("40,000", "U.S.", "CDC's", "two-thirds", "$4.2"), with the quotes,
// brackets and punctuation around it trimmed off.
type Token struct {
	Start, End int // the word in Block.Text
	// breakBefore and breakAfter mark punctuation, a dash or a non-prose
	// object between the word and its neighbour: phrases never run across.
	breakBefore, breakAfter bool
	// Joiner marks a word with a hyphen or dollar sign inside ("two-thirds",
	// "US$20"), which may make it a number.
	Joiner bool
	Lex    LexEntry
}

// tokenBuffers recycles token slices between documents: a rule tokenizes
// sentence after sentence into one buffer, and without the pool every
// document would grow a new one from nothing.
var tokenBuffers = sync.Pool{New: func() any { return new([]Token) }}

// GetTokens returns an empty token buffer; PutTokens gives it back.
func GetTokens() *[]Token { return tokenBuffers.Get().(*[]Token) }

// PutTokens gives back a buffer GetTokens returned.
func PutTokens(b *[]Token) {
	*b = (*b)[:0]
	tokenBuffers.Put(b)
}

// Tokenize appends the words of text[from:to] to buf and returns it. It
// allocates only when buf must grow, so callers reuse one buffer.
func Tokenize(buf []Token, text string, from, to int) []Token {
	pendingBreak := true // nothing joins the first word to what came before
	i := from
	for i < to {
		// Skip white space; a dash or an object between words breaks phrases.
		for i < to {
			c := text[i]
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				i++
				continue
			}
			if c < utf8.RuneSelf {
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:to])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			if isWordBreakRune(r) {
				pendingBreak = true
				if n := len(buf); n > 0 {
					buf[n-1].breakAfter = true
				}
				i += size
				continue
			}
			break
		}
		if i >= to {
			break
		}
		// A run of non-space characters, up to a breaking rune.
		j := i
		joiner := false
		for j < to {
			c := text[j]
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '[' && j > i {
				break // "deaths.[^1]": a bracket starts a new word
			}
			if c < utf8.RuneSelf {
				joiner = joiner || c == '-' || c == '$'
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[j:to])
			if unicode.IsSpace(r) || isWordBreakRune(r) {
				break
			}
			j += size
		}
		start, end := trimLeading(text, i, j), j
		end = TrimTrailing(text, start, end)
		if start == end {
			// Punctuation standing alone: "-", "&", "…".
			pendingBreak = true
			if n := len(buf); n > 0 {
				buf[n-1].breakAfter = true
			}
		} else {
			var lex LexEntry
			if ByteKinds[text[start]] == LetterByte { // every lexicon word starts with a letter
				lex = Lookup(text[start:end])
			}
			buf = append(buf, Token{
				Start:       start,
				End:         end,
				breakBefore: pendingBreak || start > i,
				breakAfter:  end < j,
				Joiner:      joiner,
				Lex:         lex,
			})
			pendingBreak = end < j
			if n := len(buf); n > 1 && buf[n-1].breakBefore {
				buf[n-2].breakAfter = true
			}
		}
		i = j
	}
	return buf
}

// isWordBreakRune reports whether r separates words even without spaces
// around it: an em dash, or the object standing for a code span, image or
// link without text.
func isWordBreakRune(r rune) bool {
	return r == '—' || r == lint.ObjectRune
}

// trimLeading skips opening marks at the start of text[i:j].
func trimLeading(text string, i, j int) int {
	for i < j {
		c := text[i]
		if c < utf8.RuneSelf {
			switch c {
			case '(', '[', '{', '"', '\'', '*', '_', '~', '<':
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:j])
		switch r {
		case '“', '‘', '«', '¿', '¡':
			i += size
			continue
		}
		return i
	}
	return i
}

// TrimTrailing drops closing marks and punctuation at the end of text[i:j].
func TrimTrailing(text string, i, j int) int {
	for j > i {
		c := text[j-1]
		if c < utf8.RuneSelf {
			switch c {
			case ')', ']', '}', '"', '\'', ',', '.', ';', ':', '!', '?', '*', '_', '>':
				j--
				continue
			}
			return j
		}
		r, size := utf8.DecodeLastRuneInString(text[i:j])
		switch r {
		case '”', '’', '»', '…':
			j -= size
			continue
		}
		return j
	}
	return j
}

// WordClass says what a word can do in a figure or an attribution; a word
// may have several classes.
type WordClass uint32

// The word classes.
const (
	NumberWord   WordClass = 1 << iota // one … ninety: value in LexEntry
	HundredWord                        // hundred: multiplies a number word
	ScaleWord                          // thousand, million, billion, trillion, dozen
	PluralScale                        // thousands, millions …: a figure of their own
	PluralCount                        // tens, hundreds, dozens: a figure with "of" and a noun
	FractionWord                       // half, third, thirds, quarter …
	PercentWord                        // percent, pct
	UnitWord                           // kilos, tons, miles, dollars …
	SingularUnit                       // kilo, ton, mile …: the singular of a unit
	CountNoun                          // people, deaths, users …
	RateBase                           // year, person, capita …: what a rate is "per"
	ChangeVerb                         // rose, fell, dropped …
	MultiplyVerb                       // doubled, tripled, halved …
	Comparative                        // more, higher, larger …: after "times"
	Superlative                        // highest, lowest …: before "since 1990"
	ReportVerb                         // reported, found, estimated …
	SourceNoun                         // report, survey, study, data …
	MonthName                          // January … December, Jan … Dec
	LabelWord                          // section, chapter, version …: a number after it is a name
	LeadWord                           // about, nearly, over …: may start a sentence before a figure
	firstPerson                        // we, our, us, I, my …
	FunctionWord                       // of, the, and …: never a modifier of a noun
	GroupNoun                          // team, staff, crew: "a team of 40"
	VagueSubject                       // studies, experts, officials …: vague-source subjects
	VagueVerb                          // show, say, believe …: vague-source verbs
	ModalWord                          // can, could, may, might, will, would, should
	ReaderWord                         // you, your, you're …: speaking to the reader
	AimWord                            // aim, hope, want, target …: what one wants, not what is
)

// LexEntry is what the lexicon knows of a word.
type LexEntry struct {
	Class WordClass
	Value float64 // of number words, scale words and fractions
}

// Is reports whether the word has class c.
func (e LexEntry) Is(c WordClass) bool { return e.Class&c != 0 }

// MaxLexWord bounds the words the lexicon is asked about.
const MaxLexWord = 24

// Lookup returns the lexicon entry of a word, case-insensitively. It does
// not allocate.
func Lookup(w string) LexEntry {
	if len(w) > MaxLexWord || len(w) == 0 {
		return LexEntry{}
	}
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return LexEntry{}
		}
		h = (h ^ uint32(c|0x20)) * 16777619
	}
	for i := h & lexicon.mask; ; i = (i + 1) & lexicon.mask {
		slot := &lexicon.slots[i]
		if slot.word == "" {
			return LexEntry{}
		}
		if len(slot.word) == len(w) && equalLower(w, slot.word) {
			return slot.entry
		}
	}
}

// equalLower reports whether ASCII w, lowercased, equals lower.
func equalLower(w, lower string) bool {
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

// lexTable is an open-addressing hash table of lowercase words, faster
// than a map for the many short lookups of tokenize. Hashing folds ASCII
// case (c|0x20), so words differing only in case share a slot chain.
type lexTable struct {
	slots []lexSlot
	mask  uint32
}

type lexSlot struct {
	word  string
	entry LexEntry
}

// lexicon is the read-only table of words the rules know, lowercased.
var lexicon = newLexTable(buildLexicon())

func newLexTable(m map[string]LexEntry) *lexTable {
	size := 1
	for size < 4*len(m) {
		size *= 2
	}
	t := &lexTable{slots: make([]lexSlot, size), mask: uint32(size - 1)}
	for w, e := range m {
		h := uint32(2166136261)
		for i := 0; i < len(w); i++ {
			h = (h ^ uint32(w[i]|0x20)) * 16777619
		}
		i := h & t.mask
		for t.slots[i].word != "" {
			i = (i + 1) & t.mask
		}
		t.slots[i] = lexSlot{w, e}
	}
	return t
}

func buildLexicon() map[string]LexEntry {
	m := map[string]LexEntry{}
	add := func(c WordClass, words ...string) {
		for _, w := range words {
			e := m[w]
			e.Class |= c
			m[w] = e
		}
	}
	addValue := func(c WordClass, v float64, words ...string) {
		for _, w := range words {
			e := m[w]
			e.Class |= c
			e.Value = v
			m[w] = e
		}
	}
	small := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for v, w := range small {
		addValue(NumberWord, float64(v), w)
	}
	for v, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		addValue(NumberWord, float64(20+10*v), w)
	}
	addValue(HundredWord, 100, "hundred")
	addValue(ScaleWord, 12, "dozen")
	addValue(ScaleWord, 1e3, "thousand")
	addValue(ScaleWord, 1e6, "million")
	addValue(ScaleWord, 1e9, "billion")
	addValue(ScaleWord, 1e12, "trillion")
	addValue(PluralScale, 1e3, "thousands")
	addValue(PluralScale, 1e6, "millions")
	addValue(PluralScale, 1e9, "billions")
	addValue(PluralScale, 1e12, "trillions")
	addValue(PluralCount, 10, "tens")
	addValue(PluralCount, 12, "dozens")
	addValue(PluralCount, 100, "hundreds")
	addValue(FractionWord, 0.5, "half", "halves")
	addValue(FractionWord, 1.0/3, "third", "thirds")
	addValue(FractionWord, 0.25, "quarter", "quarters", "fourth", "fourths")
	addValue(FractionWord, 0.2, "fifth", "fifths")
	addValue(FractionWord, 0.1, "tenth", "tenths")
	add(PercentWord, "percent", "pct")
	add(UnitWord,
		"kilo", "kilos", "kilogram", "kilograms", "kg", "gram", "grams", "pound", "pounds", "lb", "lbs",
		"ounce", "ounces", "oz", "ton", "tons", "tonne", "tonnes",
		"liter", "liters", "litre", "litres", "gallon", "gallons", "barrel", "barrels",
		"mile", "miles", "kilometer", "kilometers", "kilometre", "kilometres", "km", "meter", "meters",
		"metre", "metres", "foot", "feet", "acre", "acres", "hectare", "hectares",
		"degree", "degrees", "calorie", "calories", "megawatt", "megawatts", "gigawatt", "gigawatts",
		"kwh", "mw", "gw", "mph",
		"dollar", "dollars", "euro", "euros", "yen", "cent", "cents", "usd", "eur", "gbp")
	// A singular unit after a number other than one makes an adjective: "a
	// 5 mile walk", "360 degree video".
	add(SingularUnit, "kilo", "kilogram", "gram", "pound", "ounce", "ton", "tonne", "liter", "litre",
		"gallon", "barrel", "mile", "kilometer", "kilometre", "meter", "metre", "foot", "acre",
		"hectare", "degree", "calorie", "megawatt", "gigawatt", "dollar", "euro", "cent")
	add(CountNoun,
		"people", "persons", "individuals", "residents", "citizens", "americans", "adults", "children",
		"kids", "teens", "teenagers", "youths", "students", "teachers", "workers", "employees", "jobs",
		"users", "visitors", "visits", "customers", "consumers", "members", "subscribers", "followers",
		"downloads", "views", "pageviews", "impressions", "clicks", "signups", "registrations",
		"respondents", "participants", "attendees", "applicants", "applications", "complaints", "calls",
		"requests", "inquiries", "patients", "deaths", "cases", "infections", "hospitalizations",
		"injuries", "fatalities", "casualties", "victims", "births", "voters", "votes", "households",
		"families", "homes", "veterans", "seniors", "women", "men", "girls", "boys", "babies", "infants",
		"immigrants", "refugees", "migrants", "arrests", "crimes", "murders", "homicides", "shootings",
		"incidents", "accidents", "crashes", "vehicles", "cars", "flights", "passengers", "meals", "doses",
		"vaccinations", "beds", "businesses", "companies", "firms", "farms", "schools", "hospitals",
		"countries", "nations", "times", "species", "trees", "animals", "transactions", "payments",
		"claims", "searches", "queries", "tweets", "likes", "shares", "retweets", "messages")
	add(RateBase, "year", "month", "week", "day", "hour", "minute", "second", "person", "capita",
		"household", "resident", "student", "patient")
	add(ChangeVerb, "rose", "risen", "rise", "rises", "grew", "grown", "grow", "grows", "increased",
		"increase", "increases", "jumped", "climbed", "soared", "surged", "fell", "fallen", "fall", "falls",
		"dropped", "drop", "drops", "declined", "decline", "declines", "decreased", "decrease",
		"decreases", "shrank", "shrunk", "plummeted", "plunged", "slid", "slipped", "sank", "tumbled",
		"cut", "reduced", "down", "up")
	add(MultiplyVerb, "doubled", "tripled", "trebled", "quadrupled", "halved")
	add(Comparative, "more", "less", "fewer", "higher", "lower", "larger", "smaller", "bigger",
		"greater", "faster", "slower", "likelier", "cheaper", "costlier", "longer", "shorter")
	add(Superlative, "highest", "lowest", "largest", "smallest", "biggest", "most", "fewest", "least",
		"greatest", "worst", "best", "deadliest", "hottest", "coldest", "wettest", "driest", "strongest",
		"weakest", "fastest", "slowest")
	add(ReportVerb, "reported", "reports", "found", "finds", "estimated", "estimates", "said", "says",
		"counted", "projected", "calculated", "calculates", "showed", "shows", "show", "recorded",
		"published", "announced", "announces", "noted", "stated", "concluded", "concludes", "told",
		"wrote", "writes", "tallied", "documented", "reveals", "revealed", "indicate", "indicates",
		"indicated", "confirmed", "projects", "predicted", "predicts", "forecast", "forecasts",
		"measured", "surveyed", "polled", "reporting", "estimating", "forecasting", "projecting",
		"stating", "noting")
	add(SourceNoun, "report", "reports", "survey", "surveys", "study", "studies", "data", "analysis",
		"figures", "estimate", "estimates", "census", "poll", "polls", "audit", "review", "research",
		"statistics", "numbers", "count", "paper", "dashboard", "database", "dataset", "index", "tally",
		"figure", "number", "statistic", "assessment", "evaluation", "records")
	add(MonthName, "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec")
	add(LabelWord, "section", "sections", "chapter", "title", "version", "phase", "step", "part",
		"table", "room", "suite", "article", "route", "interstate", "highway", "rule", "item", "form",
		"no", "nos", "vol", "volume", "issue", "page", "pp", "episode", "season", "fy", "rfc", "iso",
		"wcag", "level", "tier")
	add(LeadWord, "about", "nearly", "almost", "over", "under", "some", "only", "just", "more", "less",
		"fewer", "roughly", "approximately", "around", "exactly", "fully", "another", "all", "at",
		"by", "in", "of", "for", "with", "from", "to", "and", "but", "or", "the", "these", "those",
		"its", "their", "our", "we", "they", "it", "there", "since", "after", "before", "during", "last",
		"this", "that", "each", "every", "up", "down", "today", "yesterday", "now", "still", "yet",
		"even", "least", "most", "an", "a", "than", "as", "so", "then", "while", "when", "if",
		"although", "though", "because", "nationwide", "overall", "altogether", "together", "annually",
		"currently", "already", "almost", "well", "upward", "upwards", "close", "better", "below",
		"above", "between", "among", "across", "through", "within", "without", "per")
	add(ModalWord, "can", "could", "may", "might", "will", "would", "should")
	add(ReaderWord, "you", "your", "you're", "you'll", "you'd", "you've")
	add(AimWord, "aim", "aiming", "aims", "hope", "hoping", "want", "target", "goal", "imagine", "suppose")
	add(firstPerson, "we", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll", "my", "mine",
		"me", "i'm", "i've", "i'd", "i'll")
	add(FunctionWord, "of", "the", "a", "an", "and", "or", "but", "to", "in", "on", "at", "by", "for",
		"with", "from", "that", "this", "these", "those", "than", "as", "per", "is", "are", "was",
		"were", "be", "been", "being", "have", "has", "had", "who", "which", "whom", "whose", "it",
		"its", "their", "they", "them", "he", "she", "his", "her", "we", "our", "you", "your", "not",
		"no", "if", "so", "into", "onto", "over", "under", "about", "after", "before", "since", "until",
		"while", "will", "would", "can", "could", "may", "might", "should", "must", "do", "does", "did",
		"each", "every", "all", "any", "some", "both", "also", "only", "just", "up", "down", "out")
	add(GroupNoun, "team", "staff", "crew", "workforce", "class", "group", "force", "army", "network")
	add(VagueSubject, "studies", "research", "experts", "scientists", "critics", "analysts",
		"researchers", "observers", "sources", "reports", "officials", "people", "some", "many",
		"insiders", "economists", "doctors", "others", "evidence")
	add(VagueVerb, "show", "shows", "shown", "suggest", "suggests", "suggested", "indicate",
		"indicates", "find", "finds", "found", "prove", "proves", "proven", "say", "says", "said",
		"believe", "believes", "agree", "warn", "argue", "argued", "contend", "claim", "claimed",
		"estimate", "confirmed", "told", "reported", "acknowledged", "demonstrate", "demonstrates",
		"demonstrated")
	return m
}

// WordTrigger tells cheaply whether a sentence may hold one of a few
// words, so that the rules split only those sentences into tokens. It first
// checks the word's shape — its first and last letters and its length —
// and looks a word up only when the shape matches.
type WordTrigger struct {
	shapes  [26 * 26]uint32 // for each first and last letter, a bit per length
	classes WordClass       // lexicon words of these classes trigger
	Words   []string        // and these lowercase words
}

// newWordTrigger returns a trigger for the lexicon words of classes c and
// for the given lowercase words.
func newWordTrigger(c WordClass, words ...string) *WordTrigger {
	t := &WordTrigger{classes: c}
	for _, slot := range lexicon.slots {
		if slot.entry.Is(c) {
			t.addShape(slot.word)
		}
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
	}
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
// below ten triggers only in a rate, "one in five": its other figures
// ("three million", "two thirds", "five percent", "six tons", "three times
// as many", "three out of four") hold a trigger word of their own.
func (t *WordTrigger) holds(text string, start, end int) bool {
	return t.holdsEntry(Lookup(text[start:end]), text, start, end)
}

// holdsEntry is holds with the word's lexicon entry already looked up.
func (t *WordTrigger) holdsEntry(e LexEntry, text string, start, end int) bool {
	w := text[start:end]
	if e.Is(t.classes) {
		return !e.Is(NumberWord) || e.Value >= 10 || strings.HasPrefix(text[end:], " in ") || strings.HasPrefix(text[end:], " out of ")
	}
	for _, x := range t.Words {
		if len(x) == len(w) && equalLower(w, x) {
			return true
		}
	}
	return false
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
)

// MentionsAnalysis is the analysis behind SentenceMentions: one slot per
// block, filled when a rule first asks about the block.
var MentionsAnalysis = &lint.Analysis[[][]uint8]{Name: "sentence mentions", Run: func(doc *lint.Document) [][]uint8 {
	return make([][]uint8, len(doc.Blocks))
}}

// SentenceMentions says, for every sentence of block b, which rules'
// trigger words it may hold. One pass over the prose serves
// uncited-number and vague-source, which would otherwise each read every
// byte; blocks no rule asks about are never read. all is the pass's
// MentionsAnalysis result, looked up once per rule run.
func SentenceMentions(all [][]uint8, b *lint.Block) []uint8 {
	if all[b.Index] == nil {
		flags := make([]uint8, len(b.Sentences), max(len(b.Sentences), 1))
		for si, s := range b.Sentences {
			flags[si] = mentions(b.Text[s.Start:s.End])
		}
		all[b.Index] = flags
	}
	return all[b.Index]
}

// mentions scans text once for both triggers: FigureWords (and digits and
// currency signs) and VagueWords.
func mentions(text string) uint8 {
	var m uint8
	n := len(text)
	for i := 0; i < n && m != MentionsFigure|MentionsVague; i++ {
		kind := ByteKinds[text[i]]
		if kind == 0 {
			continue
		}
		if kind != LetterByte {
			if kind == figureByte || isCurrencyLead(text, i) {
				m |= MentionsFigure
			}
			continue
		}
		start := i
		i = letterRunEnd(text, i) - 1
		size := i + 1 - start
		if size >= 32 {
			continue
		}
		// One shape, and at most one lookup, serve both triggers.
		k, bit := int((text[start]|0x20)-'a')*26+int((text[i]|0x20)-'a'), uint32(1)<<size
		figure := m&MentionsFigure == 0 && figureWords.shapes[k]&bit != 0
		vague := m&MentionsVague == 0 && VagueWords.shapes[k]&bit != 0
		if !figure && !vague {
			continue
		}
		e := Lookup(text[start : i+1])
		if figure && figureWords.holdsEntry(e, text, start, i+1) {
			m |= MentionsFigure
		}
		if vague && VagueWords.holdsEntry(e, text, start, i+1) {
			m |= MentionsVague
		}
	}
	return m
}

// wordMatches reports whether the letters text[start:end] are a trigger
// word: its shape first, then the word itself.
func (t *WordTrigger) wordMatches(text string, start, end int) bool {
	size := end - start
	if size >= 32 {
		return false
	}
	k := int((text[start]|0x20)-'a')*26 + int((text[end-1]|0x20)-'a')
	return t.shapes[k]&(1<<size) != 0 && t.holds(text, start, end)
}

// letterRunEnd returns the end of the run of ASCII letters that starts at
// text[i]. It tests eight bytes at a time: words are short, so most runs
// end within the first eight.
func letterRunEnd(text string, i int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	for i+8 <= len(text) {
		// Little-endian load; the compiler merges the byte loads into one.
		x := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
			uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
		y := x | 0x20*ones // fold upper case onto lower case
		// Bytes are letters when 'a' <= y <= 'z' and x is ASCII: with each
		// byte's high bit set, the subtractions cannot borrow across bytes.
		atLeastA := (y | highs) - 'a'*ones
		pastZ := (y | highs) - ('z'+1)*ones
		letters := atLeastA &^ pastZ &^ x & highs
		if nonLetters := ^letters & highs; nonLetters != 0 {
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
// number words, scale words, fractions, units, "percent", "doubled",
// "twice", "record" and "times". A number word below ten triggers itself
// before "in" or "out of" (see WordTrigger.holds), so "out" need not.
var figureWords = newWordTrigger(NumberWord|HundredWord|ScaleWord|PluralScale|PluralCount|FractionWord|
	PercentWord|UnitWord|MultiplyVerb, "percentage", "twice", "record", "times")

// VagueWords are the verbs and words of which every built-in phrase holds
// one.
var VagueWords = func() *WordTrigger {
	t := newWordTrigger(VagueVerb, "according")
	for _, w := range ImpersonalParticiples {
		t.Add(w)
	}
	return t
}()

// ImpersonalParticiples end "it is widely believed" and "it has been
// reported"; "known", "held" and "thought" only after an adverb or before
// "that".
var ImpersonalParticiples = []string{"believed", "said", "reported", "accepted", "acknowledged",
	"estimated", "claimed", "rumored", "suggested", "argued", "shown", "alleged", "known", "held",
	"thought"}
