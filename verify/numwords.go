package verify

import (
	"sync"

	"github.com/shopspring/decimal"
)

// wordKind says what a word can do in a figure. The scanner classifies each
// word once, when it tokenizes, so the parser compares small integers.
type wordKind uint8

const (
	wNone           wordKind = iota
	wCardinal                // one … ninety: value in wordInfo.n
	wHundred                 // hundred
	wScale                   // thousand, million, billion, trillion, dozen; bn, mn, tn
	wFraction                // half, third(s), quarter(s), fifth(s) …: denominator in n
	wArticle                 // a, an: "a hundred", "a third"
	wAnd                     // and: "a hundred and five", "one and a half"
	wPercent                 // percent, pct
	wPer                     // per: "per cent"
	wCent                    // cent: "per cent"
	wPercentage              // percentage: "percentage points"
	wPoint                   // point(s): "percentage points"
	wMultiplierVerb          // doubled, tripled, halved …: value num/den
	wTwice                   // twice, thrice: value in n
	wTimes                   // times: "three times"
	wFold                    // fold: "two-fold"
	wDuration                // day(s), week(s) …: seconds or months in n, months when month is set
	wCurrencyWord            // dollars, euros: ISO code in code
	wCurrencyCode            // USD, GBP, EUR
	wIn                      // in: "1 in 5"
	wOut                     // out: "3 out of 4"
	wOf                      // of: "out of"
	wEvery                   // every: "1 in every 5"
	wSuffix                  // a glued scale or multiplier suffix: 1.2m, 4.2bn, 300k, 3x
	wMeasure                 // a unit of measure: canonical unit in measure, dimension in n
	wSquare                  // square, sq: "square feet"
	wCubic                   // cubic, cu: "cubic metres"
	wMetric                  // metric: "metric tons" are tonnes
	wDigitCount              // single, double, triple, quadruple: "double-digit", n digits
)

// The dimensions of a measure that change how it is read (wordInfo.n of a
// wMeasure word): only a length can be squared or cubed ("square feet",
// "km²"), and only a power becomes energy with "hours" ("kilowatt hours").
const (
	dimOther int64 = iota
	dimLength
	dimPower
)

// wordInfo is what the number-word parser knows of one word.
type wordInfo struct {
	kind wordKind
	// n is the value of a cardinal, the scale of a scale word, the
	// denominator of a fraction, the factor of "twice", the length of a
	// duration unit in seconds (or in months when month is set).
	n int64
	// den divides n for multiplier verbs ("halved" is 1/2).
	den   int64
	month bool
	// measure names a duration unit in its singular ("year"), or a unit
	// of measure by its canonical name ("foot" for ft, feet and foot).
	measure string
	// code is the ISO 4217 code of a currency word.
	code string
	// glueOnly marks a suffix read only glued to digits: "1.2m" is a
	// million, "a 5 m drop" is five metres.
	glueOnly bool
}

// vocab is the number vocabulary and the tables made from it. It is built
// when a figure is first read, not at start-up: most runs check no cited
// page, and never read one.
type vocab struct {
	// words is the vocabulary (newNumberWords); table and index are its
	// entries by a small index, and that index by word (newWordTable).
	words map[string]wordInfo
	table []wordInfo
	index map[string]uint16
	// fractions holds the small fractions (newFractionTable).
	fractions *[fractionTableSize][fractionTableSize]decimal.Decimal
}

var vocabulary = sync.OnceValue(func() *vocab {
	v := &vocab{words: newNumberWords(), fractions: newFractionTable()}
	v.table, v.index = newWordTable(v.words)
	return v
})

// newNumberWords returns the number vocabulary. The cardinal, hundred, scale and
// fraction words agree with the prose lexicon's [number], [hundred],
// [scale] and [fraction] classes (TestNumberWordsAgreeWithLexicon); they
// are repeated here because the lexicon stores float64 values, and a third
// needs its denominator to stay exact.
func newNumberWords() map[string]wordInfo {
	m := map[string]wordInfo{}
	cardinals := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range cardinals {
		m[w] = wordInfo{kind: wCardinal, n: int64(i)}
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		m[w] = wordInfo{kind: wCardinal, n: int64(20 + 10*i)}
	}
	m["hundred"] = wordInfo{kind: wHundred, n: 100}
	for w, n := range map[string]int64{"dozen": 12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
		"bn": 1e9, "mn": 1e6, "tn": 1e12} {
		m[w] = wordInfo{kind: wScale, n: n}
	}
	// Fractions by denominator. "second" and "first" are left out: they
	// are ordinals or a duration far more often than a fraction.
	for w, n := range map[string]int64{"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
		"fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
		"eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10} {
		m[w] = wordInfo{kind: wFraction, n: n}
	}
	m["a"] = wordInfo{kind: wArticle}
	m["an"] = wordInfo{kind: wArticle}
	m["and"] = wordInfo{kind: wAnd}
	m["percent"] = wordInfo{kind: wPercent}
	m["pct"] = wordInfo{kind: wPercent}
	m["per"] = wordInfo{kind: wPer}
	m["cent"] = wordInfo{kind: wCent}
	m["percentage"] = wordInfo{kind: wPercentage}
	m["point"] = wordInfo{kind: wPoint}
	m["points"] = wordInfo{kind: wPoint}
	for w, f := range map[string][2]int64{"doubled": {2, 1}, "doubles": {2, 1}, "doubling": {2, 1},
		"tripled": {3, 1}, "triples": {3, 1}, "tripling": {3, 1}, "trebled": {3, 1},
		"quadrupled": {4, 1}, "quadruples": {4, 1}, "quadrupling": {4, 1},
		"halved": {1, 2}, "halving": {1, 2}} {
		m[w] = wordInfo{kind: wMultiplierVerb, n: f[0], den: f[1]}
	}
	for w, n := range map[string]int64{"single": 1, "double": 2, "triple": 3, "quadruple": 4} {
		m[w] = wordInfo{kind: wDigitCount, n: n}
	}
	m["twice"] = wordInfo{kind: wTwice, n: 2}
	m["thrice"] = wordInfo{kind: wTwice, n: 3}
	m["times"] = wordInfo{kind: wTimes}
	m["fold"] = wordInfo{kind: wFold}
	type unit struct {
		n     int64
		month bool
	}
	for w, u := range map[string]unit{"second": {1, false}, "minute": {60, false}, "hour": {3600, false},
		"day": {86400, false}, "week": {7 * 86400, false},
		"month": {1, true}, "year": {12, true}, "decade": {120, true}, "century": {1200, true}} {
		m[w] = wordInfo{kind: wDuration, n: u.n, month: u.month, measure: w}
		plural := w + "s"
		if w == "century" {
			plural = "centuries"
		}
		m[plural] = m[w]
	}
	for w, c := range map[string]string{"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR"} {
		m[w] = wordInfo{kind: wCurrencyWord, code: c}
	}
	for _, c := range []string{"usd", "gbp", "eur", "jpy", "chf", "cad", "aud"} {
		m[c] = wordInfo{kind: wCurrencyCode, code: upperASCII(c)}
	}
	// "twofold" … "tenfold", "hundredfold": one word, one multiplier.
	for w, info := range m {
		if info.kind == wCardinal && info.n >= 2 && info.n <= 10 || info.kind == wHundred {
			m[w+"fold"] = wordInfo{kind: wMultiplierVerb, n: info.n, den: 1}
		}
	}
	for canonical, words := range measureWords {
		dim := dimOther
		switch canonical {
		case "inch", "foot", "yard", "mile", "millimetre", "centimetre", "metre", "kilometre":
			dim = dimLength
		case "kilowatt", "megawatt", "gigawatt":
			dim = dimPower
		}
		for _, w := range words {
			m[w] = wordInfo{kind: wMeasure, n: dim, measure: canonical}
		}
	}
	m["square"] = wordInfo{kind: wSquare}
	m["sq"] = wordInfo{kind: wSquare}
	m["cubic"] = wordInfo{kind: wCubic}
	m["cu"] = wordInfo{kind: wCubic}
	m["metric"] = wordInfo{kind: wMetric}
	m["in"] = wordInfo{kind: wIn}
	m["out"] = wordInfo{kind: wOut}
	m["of"] = wordInfo{kind: wOf}
	m["every"] = wordInfo{kind: wEvery}
	return m
}

// measureWords are the units of measure by canonical name: each unit
// spelled out and abbreviated, singular and plural, US and UK spellings.
// Two measures compare only when their canonical names are equal, so
// units that differ (ton and tonne, gigabyte and gibibyte) have names of
// their own. Ambiguous abbreviations are left out: "m" (a million when
// glued, "1.2m"; a metre only as "m²" or "sq m"), "g" ("5G"), "in" ("1 in
// 5"), "t", "l", "B" ("$5B"), "st" ("21st"). "pound" is a weight: money
// in pounds is written "£" or "GBP".
var measureWords = map[string][]string{
	"inch":               {"inch", "inches"},
	"foot":               {"foot", "feet", "ft"},
	"yard":               {"yard", "yards", "yd", "yds"},
	"mile":               {"mile", "miles", "mi"},
	"millimetre":         {"millimetre", "millimetres", "millimeter", "millimeters", "mm"},
	"centimetre":         {"centimetre", "centimetres", "centimeter", "centimeters", "cm"},
	"metre":              {"metre", "metres", "meter", "meters"},
	"kilometre":          {"kilometre", "kilometres", "kilometer", "kilometers", "km", "kms"},
	"acre":               {"acre", "acres"},
	"hectare":            {"hectare", "hectares"},
	"square foot":        {"sqft"},
	"ounce":              {"ounce", "ounces", "oz"},
	"pound":              {"pound", "pounds", "lb", "lbs"},
	"milligram":          {"milligram", "milligrams", "milligramme", "milligrammes", "mg"},
	"gram":               {"gram", "grams", "gramme", "grammes"},
	"kilogram":           {"kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos", "kg", "kgs"},
	"ton":                {"ton", "tons"},
	"tonne":              {"tonne", "tonnes"},
	"gallon":             {"gallon", "gallons", "gal"},
	"millilitre":         {"millilitre", "millilitres", "milliliter", "milliliters", "ml"},
	"litre":              {"litre", "litres", "liter", "liters"},
	"barrel":             {"barrel", "barrels"},
	"calorie":            {"calorie", "calories"},
	"kilocalorie":        {"kilocalorie", "kilocalories", "kcal"},
	"mph":                {"mph"},
	"km/h":               {"kph", "kmh"},
	"mile per gallon":    {"mpg"},
	"byte":               {"byte", "bytes"},
	"kilobyte":           {"kilobyte", "kilobytes", "kb"},
	"megabyte":           {"megabyte", "megabytes", "mb"},
	"gigabyte":           {"gigabyte", "gigabytes", "gb"},
	"terabyte":           {"terabyte", "terabytes", "tb"},
	"petabyte":           {"petabyte", "petabytes", "pb"},
	"kibibyte":           {"kibibyte", "kibibytes", "kib"},
	"mebibyte":           {"mebibyte", "mebibytes", "mib"},
	"gibibyte":           {"gibibyte", "gibibytes", "gib"},
	"tebibyte":           {"tebibyte", "tebibytes", "tib"},
	"bit":                {"bit", "bits"},
	"kilobit":            {"kilobit", "kilobits"},
	"megabit":            {"megabit", "megabits"},
	"gigabit":            {"gigabit", "gigabits"},
	"kilobit per second": {"kbps"},
	"megabit per second": {"mbps"},
	"gigabit per second": {"gbps"},
	"kilowatt":           {"kilowatt", "kilowatts", "kw"},
	"megawatt":           {"megawatt", "megawatts", "mw"},
	"gigawatt":           {"gigawatt", "gigawatts", "gw"},
	"kilowatt hour":      {"kwh"},
	"megawatt hour":      {"mwh"},
	"gigawatt hour":      {"gwh"},
	// "a 3-digit code", "two-digit growth": how many digits a number has
	// (a magnitude, compared with figures by Compare).
	"digit": {"digit", "digits"},
}

// rateNames are the names of rates written as one unit: a measure per a
// duration or another measure is named "<unit> per <unit>" ("gallon per
// minute"), except these, named as they are usually written, so "60 mph",
// "60 miles per hour" and "60 miles an hour" are one unit.
var rateNames = map[string]string{"mile per hour": "mph", "kilometre per hour": "km/h"}

// durationAbbreviations are the durations written short after "/" or "per"
// in a rate ("km/h"); alone after a number they are not read ("5h" is a
// code).
var durationAbbreviations = map[string]string{"h": "hour", "hr": "hour", "s": "second", "sec": "second", "min": "minute"}

// newWordTable returns the vocabulary's entries by a small index, which
// each word token carries (index 0: not a number word), and the index of
// each lowercase word.
func newWordTable(numberWords map[string]wordInfo) ([]wordInfo, map[string]uint16) {
	table := []wordInfo{{}}
	index := map[string]uint16{}
	add := func(w string, info wordInfo) {
		index[w] = uint16(len(table))
		table = append(table, info)
	}
	for w, info := range numberWords {
		add(w, info)
	}
	for _, m := range []map[string]wordInfo{glueSuffixes, moneySuffixes} {
		for w, info := range m {
			if _, ok := index[w]; !ok {
				add(w, info)
			}
		}
	}
	if len(table) > 1<<16-1 {
		panic("verify: number vocabulary outgrew its index") // caught by every test
	}
	return table, index
}

// maxVocabWord is the longest word of the vocabulary: longer words are not
// looked up.
const maxVocabWord = 16

// glueSuffixes are the letters a figure may carry glued to its digits:
// scales ("1.2m", "4.2bn", "300k") and the multiplier "3x". Any other
// glued letters make the digits part of a name or code ("5G", "3D",
// "mp3", "21st"), which is not a figure.
var glueSuffixes = map[string]wordInfo{
	"m": {kind: wScale, n: 1e6, glueOnly: true}, "mn": {kind: wScale, n: 1e6}, "bn": {kind: wScale, n: 1e9},
	"tn": {kind: wScale, n: 1e12}, "k": {kind: wScale, n: 1e3, glueOnly: true}, "x": {kind: wSuffix, glueOnly: true},
}

// moneySuffixes are glued scales that only money takes: "$5B" is five
// billion dollars, "5B" a code ("Form 5B").
var moneySuffixes = map[string]wordInfo{"b": {kind: wScale, n: 1e9, glueOnly: true}}

// currencyPrefixes maps the letters glued before "$" to the dollar they
// mean; a bare "$" is the US dollar.
var currencyPrefixes = map[string]string{"us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD",
	"hk": "HKD", "nz": "NZD", "s": "SGD"}

func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// wordsValue is the value of a run of number words and where it ends.
type wordsValue struct {
	value decimal.Decimal
	// step is the place of the last group stated: "three million" is
	// stated to the million, "a hundred and five" to the unit.
	step decimal.Decimal
	next int // the token after the last word used
}

// The states of the number-word parser: what the last word read was.
const (
	nwStart = iota
	nwSmall // a cardinal under twenty
	nwTens  // twenty, thirty … ninety
	nwHundred
	nwScale
	nwAnd
	nwDone // "zero", "dozen": nothing may follow
)

// maxWordsValue bounds a number said in words; nobody writes more, and it
// keeps the sums far from overflowing.
const maxWordsValue = 1e15

// parseNumberWords reads cardinal number words from token i: "forty-five",
// "a hundred and five", "three million two hundred thousand", "a dozen".
// It stops where the words stop making one number ("one two" is one),
// leaves a trailing "and" unread, and reads no ordinals: the vocabulary has
// none but the fraction words, which the figure parser handles.
func (s *scan) parseNumberWords(i int) (wordsValue, bool) {
	var (
		total, group int64 // finished scale groups; the group being read
		lastScale    int64 // scales must fall: "a million thousand" is not a number
		step         int64 = 1
		state              = nwStart
		end                = -1
	)
	j := i
	if s.word(j) == wArticle {
		// "a" counts as one only before a hundred or a scale.
		k := s.nextWord(j)
		if k < 0 || (s.word(k) != wHundred && s.word(k) != wScale) || s.info(k).glueOnly || s.info(k).n < 12 && s.word(k) == wScale {
			return wordsValue{}, false
		}
		group, state, j = 1, nwSmall, k
	}
loop:
	for j >= 0 && j < len(s.toks) {
		info := s.info(j)
		switch info.kind {
		case wCardinal:
			n := info.n
			switch {
			case n == 0:
				if state != nwStart {
					break loop
				}
				state = nwDone
			case state == nwStart || state == nwHundred || state == nwScale || state == nwAnd:
				if group%100 != 0 {
					break loop
				}
				group += n
				if n >= 20 {
					state = nwTens
				} else {
					state = nwSmall
				}
			case state == nwTens && n < 10:
				group += n
				state = nwSmall
			default:
				break loop
			}
			step = 1
		case wHundred:
			if (state != nwSmall && state != nwTens) || group >= 100 {
				break loop
			}
			group *= 100
			state, step = nwHundred, 1
		case wScale:
			if info.glueOnly || (state != nwSmall && state != nwTens && state != nwHundred) || group == 0 {
				break loop
			}
			if info.n == 12 { // "a dozen", "two dozen"
				if lastScale != 0 || group >= 100 {
					break loop
				}
				group *= 12
				state, step = nwDone, 1
				break
			}
			if lastScale != 0 && info.n >= lastScale {
				break loop
			}
			total += group * info.n
			group, lastScale, step, state = 0, info.n, info.n, nwScale
		case wAnd:
			k := s.nextWord(j)
			if (state != nwHundred && state != nwScale) || k < 0 || s.word(k) != wCardinal || s.info(k).n == 0 {
				break loop
			}
			state = nwAnd
			j = k
			continue
		default:
			break loop
		}
		end = j + 1
		if state == nwDone || total > maxWordsValue {
			break
		}
		j = s.nextWord(j)
	}
	if end < 0 || total > maxWordsValue {
		return wordsValue{}, false
	}
	return wordsValue{
		value: decimal.NewFromInt(total + group),
		step:  decimal.NewFromInt(step),
		next:  end,
	}, true
}

// fallingWords are the words of the prose lexicon's [change-verb] class
// that say a figure fell: they give a percent change its sign, which the
// lexicon does not record (TestFallingWordsAreChangeVerbs).
var fallingWords = map[string]bool{
	"fell": true, "fallen": true, "fall": true, "falls": true, "dropped": true, "drop": true, "drops": true,
	"declined": true, "decline": true, "declines": true, "decreased": true, "decrease": true,
	"decreases": true, "shrank": true, "shrunk": true, "plummeted": true, "plunged": true, "slid": true,
	"slipped": true, "sank": true, "tumbled": true, "cut": true, "reduced": true, "down": true,
}
