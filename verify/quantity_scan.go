package verify

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/prose"
	"github.com/shopspring/decimal"
)

// The scanner reads a text in two linear passes over the same tokens: one
// splits the text into numbers, words and symbols and marks the numbers
// that are parts of codes; the other tries a figure at each token with a
// fixed look-ahead (a number said in words is at most a few dozen words,
// since its scales must fall). Tokens are small (16 bytes), so a page of
// text costs a few times its size in memory.

type tokKind uint8

const (
	tSym tokKind = iota
	tNum
	tWord
)

// Token flags.
const (
	fCode   uint8 = 1 << iota // a number that is part of a code, date or name: "COVID-19", "2020-01-02", "5G"
	fSuffix                   // a word glued to the digits before it as their scale or "x": "1.2m", "3x"
	fCap                      // a word starting with a capital letter
	fLong                     // a number too long to be a figure
)

type token struct {
	start, end int32
	r          rune // a symbol's rune
	kind       tokKind
	flags      uint8
	word       uint16 // index into vocab.table
}

type scan struct {
	text string
	toks []token
}

// maxNumberBytes bounds the digits of one figure: a longer run of digits
// is an identifier, and decimals that long would cost more than they tell.
const maxNumberBytes = 40

func newScan(text string) *scan {
	// A token per four bytes is generous for prose; hostile text grows the
	// slice by doubling, still linear.
	s := &scan{text: text, toks: make([]token, 0, len(text)/4+1)}
	s.tokenize()
	s.markCodes()
	return s
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// groupSeparator reports whether r separates digit groups: a comma, or one
// of the no-break and thin spaces tables use ("1 234 567"). A plain space
// does not: "in 2020 123 people" is two numbers.
func groupSeparator(r rune) bool {
	return r == ',' || r == '\u00a0' || r == '\u2009' || r == '\u202f' || r == '\u2007'
}

func (s *scan) tokenize() {
	t := s.text
	for i := 0; i < len(t); {
		b := t[i]
		switch {
		case isDigit(b) || b == '.' && i+1 < len(t) && isDigit(t[i+1]) && !s.gluedAfterAlnum(i):
			i = s.number(i)
		case b < utf8.RuneSelf && (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'):
			i = s.wordAt(i)
		default:
			r, w := utf8.DecodeRuneInString(t[i:])
			switch {
			case unicode.IsSpace(r):
			case unicode.IsLetter(r):
				i = s.wordAt(i)
				continue
			default:
				s.toks = append(s.toks, token{start: int32(i), end: int32(i + w), r: r, kind: tSym})
			}
			i += w
		}
	}
}

// gluedAfterAlnum reports whether the byte before i is a letter or digit
// (ASCII suffices: it decides only whether ".5" starts a number).
func (s *scan) gluedAfterAlnum(i int) bool {
	if i == 0 {
		return false
	}
	b := s.text[i-1]
	return isDigit(b) || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '.'
}

// number reads digits from i: groups of three after a separator, then a
// decimal part.
func (s *scan) number(i int) int {
	t := s.text
	start := i
	j := i
	for j < len(t) && isDigit(t[j]) {
		j++
	}
	if j-i <= 3 && j > i {
		for {
			r, w := utf8.DecodeRuneInString(t[j:])
			if !groupSeparator(r) {
				break
			}
			k := j + w
			n := 0
			for k+n < len(t) && isDigit(t[k+n]) {
				n++
			}
			if n != 3 {
				break
			}
			j = k + 3
		}
	}
	if j+1 < len(t) && t[j] == '.' && isDigit(t[j+1]) {
		j++
		for j < len(t) && isDigit(t[j]) {
			j++
		}
	}
	tok := token{start: int32(start), end: int32(j), kind: tNum}
	if j-start > maxNumberBytes {
		tok.flags |= fLong
	}
	s.toks = append(s.toks, tok)
	return j
}

// wordAt reads a run of letters from i and classifies it once.
func (s *scan) wordAt(i int) int {
	t := s.text
	j := i
	for j < len(t) {
		if b := t[j]; b < utf8.RuneSelf {
			if b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' {
				j++
				continue
			}
			break
		}
		r, w := utf8.DecodeRuneInString(t[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += w
	}
	tok := token{start: int32(i), end: int32(j), kind: tWord}
	if r, _ := utf8.DecodeRuneInString(t[i:]); unicode.IsUpper(r) {
		tok.flags |= fCap
	}
	if j-i <= maxVocabWord {
		var buf [maxVocabWord]byte
		ascii := true
		for k := i; k < j; k++ {
			c := t[k]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k-i] = c
		}
		if ascii {
			tok.word = vocabulary().index[string(buf[:j-i])]
		}
	}
	s.toks = append(s.toks, tok)
	return j
}

// isConnector reports whether r joins the parts of a code: "COVID-19",
// "2020-01-02", "3-2-1", "1/2/2020", "10:30", "1.2.3", "5,10".
func isConnector(r rune) bool {
	return r == '-' || r == '/' || r == ':' || r == '.' || r == ',' || r == '−' || r == '_' || r == '\''
}

// smallRange reports whether the tokens from a are a range of small
// whole numbers written with a hyphen, "2-3" or "18-34": two numbers of at
// most three digits, the first the smaller, that no other part or glued
// word continues (a score "3-2", a date "2020-01-02", a phone number
// "555-1234" and a code "1-2-3" are not).
func (s *scan) smallRange(a int) bool {
	toks := s.toks
	if a < 0 || a+2 >= len(toks) || toks[a].kind != tNum || toks[a+2].kind != tNum || s.sym(a+1) != '-' ||
		!s.glued(a, a+1) || !s.glued(a+1, a+2) || s.glued(a-1, a) || s.glued(a+2, a+3) && toks[a+3].kind != tSym ||
		s.glued(a+2, a+3) && isConnector(toks[a+3].r) && s.glued(a+3, a+4) {
		return false
	}
	lo, hi := s.text[toks[a].start:toks[a].end], s.text[toks[a+2].start:toks[a+2].end]
	if len(lo) > 3 || len(hi) > 3 || lo[0] == '0' || hi[0] == '0' || !allDigits(lo) || !allDigits(hi) {
		return false
	}
	return len(lo) < len(hi) || len(lo) == len(hi) && lo < hi
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

func (s *scan) glued(a, b int) bool {
	return a >= 0 && b < len(s.toks) && s.toks[a].end == s.toks[b].start
}

// markCodes marks the numbers that are parts of names, codes, dates and
// scores rather than figures, and the letters glued to digits that are a
// figure's scale ("1.2m") rather than a name's ("5G", "21st").
func (s *scan) markCodes() {
	toks := s.toks
	alnum := func(k int) bool { return k >= 0 && k < len(toks) && toks[k].kind != tSym }
	for k := range toks {
		if toks[k].kind != tNum {
			continue
		}
		switch {
		case s.smallRange(k-2) || s.smallRange(k):
			// "2-3 people", "ages 18-34": a range, both ends figures.
		case s.glued(k-1, k) && toks[k-1].kind == tWord:
			toks[k].flags |= fCode // H1N1, COVID19
		case s.glued(k-1, k) && toks[k-1].kind == tSym && isConnector(toks[k-1].r) && s.glued(k-2, k-1) && alnum(k-2):
			toks[k].flags |= fCode // COVID-19, the 01 of 2020-01
		case s.glued(k, k+1) && toks[k+1].kind == tSym && isConnector(toks[k+1].r) && s.glued(k+1, k+2) && toks[k+2].kind == tNum:
			toks[k].flags |= fCode // the 2020 of 2020-01, the 3 of 3-2
		case s.glued(k, k+1) && toks[k+1].kind == tWord:
			_, money := moneySuffixes[s.lower(k+1)]
			money = money && s.glued(k-1, k) && currencySymbols[s.sym(k-1)] != ""
			if _, ok := glueSuffixes[s.lower(k+1)]; ok || money || vocabulary().table[toks[k+1].word].kind == wMeasure {
				toks[k+1].flags |= fSuffix
				// "3x4" and "5m2" are dimensions and codes, not figures.
				if s.glued(k+1, k+2) && alnum(k+2) {
					toks[k].flags |= fCode
				}
			} else {
				toks[k].flags |= fCode // 5G, 3D, 21st, mp3's 3 (already glued before)
			}
		}
	}
}

// lower returns a word token's text in lowercase (allocating only for
// words with capitals).
func (s *scan) lower(k int) string {
	w := s.text[s.toks[k].start:s.toks[k].end]
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

func (s *scan) info(k int) wordInfo {
	if k < 0 || k >= len(s.toks) || s.toks[k].kind != tWord {
		return wordInfo{}
	}
	return vocabulary().table[s.toks[k].word]
}

func (s *scan) word(k int) wordKind { return s.info(k).kind }

func (s *scan) sym(k int) rune {
	if k < 0 || k >= len(s.toks) || s.toks[k].kind != tSym {
		return 0
	}
	return s.toks[k].r
}

func (s *scan) isHyphen(k int) bool { r := s.sym(k); return r == '-' || r == '‐' }

// nextWord returns the word token after word k, stepping over a hyphen
// glued on both sides ("forty-five"), or -1.
func (s *scan) nextWord(k int) int {
	switch {
	case k+1 < len(s.toks) && s.toks[k+1].kind == tWord:
		return k + 1
	case s.isHyphen(k+1) && s.glued(k, k+1) && s.glued(k+1, k+2) && s.toks[k+2].kind == tWord:
		return k + 2
	}
	return -1
}

// vulgarFractions are the single-rune fractions, as numerator and
// denominator.
var vulgarFractions = map[rune][2]int64{
	'½': {1, 2}, '⅓': {1, 3}, '⅔': {2, 3}, '¼': {1, 4}, '¾': {3, 4}, '⅕': {1, 5}, '⅖': {2, 5}, '⅗': {3, 5},
	'⅘': {4, 5}, '⅙': {1, 6}, '⅚': {5, 6}, '⅐': {1, 7}, '⅛': {1, 8}, '⅜': {3, 8}, '⅝': {5, 8}, '⅞': {7, 8},
	'⅑': {1, 9}, '⅒': {1, 10},
}

var currencySymbols = map[rune]string{'$': "USD", '£': "GBP", '€': "EUR", '¥': "JPY", '₹': "INR"}

// fraction returns num/den to 16 places, the precision of a third. The
// small fractions of words and vulgar fractions come from a table made
// once (decimals are immutable, so sharing them is safe).
func fraction(num, den int64) decimal.Decimal {
	if num >= 0 && num < fractionTableSize && den > 0 && den < fractionTableSize {
		return vocabulary().fractions[num][den]
	}
	return decimal.NewFromInt(num).DivRound(decimal.NewFromInt(den), 16)
}

const fractionTableSize = 11

func newFractionTable() *[fractionTableSize][fractionTableSize]decimal.Decimal {
	var t [fractionTableSize][fractionTableSize]decimal.Decimal
	for n := range int64(fractionTableSize) {
		for d := int64(1); d < fractionTableSize; d++ {
			t[n][d] = decimal.NewFromInt(n).DivRound(decimal.NewFromInt(d), 16)
		}
	}
	return &t
}

// pow10 returns 10^exp, from a table for the places figures are written
// to.
func pow10(exp int32) decimal.Decimal {
	if exp >= -pow10Places && exp <= pow10Places {
		return pow10Table[exp+pow10Places]
	}
	return decimal.New(1, exp)
}

const pow10Places = 18

var pow10Table = func() (t [2*pow10Places + 1]decimal.Decimal) {
	for i := range t {
		t[i] = decimal.New(1, int32(i-pow10Places))
	}
	return t
}()

// figure is a figure being read: its value, precision and the token after
// it.
type figure struct {
	value decimal.Decimal
	// step is zero for a figure stated exactly: a fraction, "doubled".
	step decimal.Decimal
	next int
	unit Unit
	// measure is the unit of a Measure read from words: "double-digit".
	measure string
	// digits marks a figure written in digits: only those can be labels
	// ("page 45") or days of a date.
	digits bool
}

// numeral reads digits at k, with a glued vulgar fraction ("2½"), a
// fraction slash ("1⁄2") or a scale ("1.2m", "4.2 billion").
func (s *scan) numeral(k int) (figure, bool) {
	if k < 0 || k >= len(s.toks) {
		return figure{}, false
	}
	tok := s.toks[k]
	if tok.kind != tNum {
		if f, ok := vulgarFractions[s.sym(k)]; ok {
			return figure{value: fraction(f[0], f[1]), next: k + 1, unit: Ratio, digits: true}, true
		}
		return figure{}, false
	}
	if tok.flags&fLong != 0 {
		return figure{}, false
	}
	v, decimals, ok := parseDigits(s.text[tok.start:tok.end])
	if !ok {
		return figure{}, false
	}
	// "1/3" is marked as a code's part with its denominator: read before
	// codes are left out.
	if f, ok := s.slashFraction(k, v, decimals); ok {
		return f, true
	}
	if tok.flags&fCode != 0 {
		return figure{}, false
	}
	f := figure{value: v, step: pow10(-decimals), next: k + 1, unit: Count, digits: true}
	j := k + 1
	if vf, ok := vulgarFractions[s.sym(j)]; ok && s.glued(k, j) && decimals == 0 {
		return figure{value: v.Add(fraction(vf[0], vf[1])), next: j + 1, unit: Count, digits: true}, true
	}
	if s.sym(j) == '⁄' && s.glued(k, j) && s.glued(j, j+1) && decimals == 0 && s.toks[j+1].kind == tNum && s.toks[j+1].flags&(fCode|fLong) == 0 {
		den, _, ok := parseDigits(s.text[s.toks[j+1].start:s.toks[j+1].end])
		if !ok || den.Sign() == 0 || !den.IsInteger() {
			return figure{}, false
		}
		return figure{value: v.DivRound(den, 16), next: j + 2, unit: Ratio, digits: true}, true
	}
	info := s.info(j)
	// "5m²" is five square metres, not five million.
	metres := info.glueOnly && s.glued(j, j+1) && s.power(j+1) != 0
	if info.kind == wScale && info.n >= 1000 && (s.toks[j].flags&fSuffix != 0 || !info.glueOnly) && !metres {
		scale := decimal.NewFromInt(info.n)
		f.value, f.step, f.next = v.Mul(scale), f.step.Mul(scale), j+1
	}
	return f, true
}

// maxSlashDenominator bounds the denominator of a fraction written with
// a slash ("about 1/3"): larger ones are more often dates, scores or
// names ("9/11", "24/7").
const maxSlashDenominator = 10

// slashFraction reads a proper fraction written with an ASCII slash from
// the digits at k, whose value v has no decimals: "1/3", "3/4". A date
// ("1/3/2020", "on 2/3" after another slash) is none.
func (s *scan) slashFraction(k int, v decimal.Decimal, decimals int32) (figure, bool) {
	j := k + 1
	if decimals != 0 || s.sym(j) != '/' || !s.glued(k, j) || !s.glued(j, j+1) || j+1 >= len(s.toks) ||
		s.toks[j+1].kind != tNum || s.toks[j+1].flags&fLong != 0 || k > 0 && s.sym(k-1) == '/' && s.glued(k-1, k) ||
		j+2 < len(s.toks) && s.sym(j+2) == '/' && s.glued(j+1, j+2) {
		return figure{}, false
	}
	if k > 0 && s.toks[k-1].kind == tWord && prose.Lookup(s.text[s.toks[k-1].start:s.toks[k-1].end]).Is(prose.LabelWord) {
		return figure{}, false // "pages 3/4"
	}
	den, dd, ok := parseDigits(s.text[s.toks[j+1].start:s.toks[j+1].end])
	if !ok || dd != 0 || v.Sign() <= 0 || !den.GreaterThan(v) || den.GreaterThan(decimal.NewFromInt(maxSlashDenominator)) {
		return figure{}, false
	}
	return figure{value: fraction(v.IntPart(), den.IntPart()), next: j + 2, unit: Ratio, digits: true}, true
}

// parseDigits reads a number token: digits, group separators and one
// decimal point. Up to 18 digits it builds the value from an int64 (one
// allocation); longer numbers go through the decimal parser.
func parseDigits(raw string) (v decimal.Decimal, decimals int32, ok bool) {
	var (
		m         int64
		n         int
		seenPoint bool
		digits    = make([]byte, 0, 24)
	)
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c == '.':
			seenPoint = true
			digits = append(digits, '.')
		case isDigit(c):
			m = m*10 + int64(c-'0')
			n++
			digits = append(digits, c)
			if seenPoint {
				decimals++
			}
		}
	}
	if n == 0 {
		return decimal.Decimal{}, 0, false
	}
	if n <= 18 {
		return decimal.New(m, -decimals), decimals, true
	}
	if digits[0] == '.' {
		digits = append([]byte{'0'}, digits...)
	}
	v, err := decimal.NewFromString(string(digits))
	return v, decimals, err == nil
}

// quantities tries a figure at each token in turn.
func (s *scan) quantities() []Quantity {
	// Size the result once from the tokens that can start a figure:
	// growing a slice of large structs by append moves them many times.
	starts := 0
	for k := range s.toks {
		switch t := s.toks[k]; {
		case t.kind == tNum, t.kind == tSym && (t.r == '$' || t.r >= utf8.RuneSelf):
			starts++
		case t.kind == tWord:
			switch vocabulary().table[t.word].kind {
			case wCardinal, wArticle, wFraction, wMultiplierVerb, wTwice, wCurrencyCode, wDigitCount:
				starts++
			}
		}
	}
	out := make([]Quantity, 0, starts)
	for k := 0; k < len(s.toks); {
		q, next, ok := s.figureAt(k)
		if !ok {
			k++
			continue
		}
		out = append(out, q)
		k = next
	}
	return out
}

// figureAt reads one figure starting at token k: an optional currency or
// sign, a number in digits or words, a fraction or multiplier word, then a
// unit.
func (s *scan) figureAt(k int) (Quantity, int, bool) {
	first := k
	currency := ""
	j := k
	// A currency before the number: "$", "US$", "£", "€", "USD ".
	if code, ok := currencyPrefixes[s.lowerIf(j, 2)]; ok && s.sym(j+1) == '$' && s.glued(j, j+1) && !s.glued(j-1, j) {
		currency, j = code, j+2
	} else if code, ok := currencySymbols[s.sym(j)]; ok {
		currency, j = code, j+1
	} else if info := s.info(j); info.kind == wCurrencyCode && j+1 < len(s.toks) && s.toks[j+1].kind == tNum {
		currency, j = info.code, j+1
	}
	negative := false
	if r := s.sym(j); (r == '−' || r == '-') && s.glued(j, j+1) && !(s.glued(j-1, j) && s.toks[j-1].kind != tSym) && j+1 < len(s.toks) && s.toks[j+1].kind == tNum {
		negative, j = true, j+1
	}
	var f figure
	ok := false
	if currency != "" || negative {
		f, ok = s.numeral(j)
		if ok && f.unit == Ratio {
			ok = false
		}
	} else {
		f, ok = s.wordFigure(j)
		if !ok {
			f, ok = s.numeral(j)
		}
	}
	if !ok {
		return Quantity{}, 0, false
	}
	if negative {
		f.value = f.value.Neg()
	}
	q := Quantity{Value: f.value, Step: f.step, Unit: f.unit, Measure: f.measure}
	end := f.next
	if currency != "" {
		q.Unit, q.Currency = Currency, currency
		if info := s.info(end); info.kind == wCurrencyWord && info.code == currency || info.kind == wCurrencyCode && info.code == currency {
			end++
		}
	} else if f.unit == Count {
		end, ok = s.unitAfter(&q, f, end)
		if !ok {
			return Quantity{}, 0, false
		}
	}
	if q.Unit == Percent {
		q.Change = s.changeBefore(first)
	}
	q.Start, q.End = int(s.toks[first].start), int(s.toks[end-1].end)
	q.Text = s.text[q.Start:q.End]
	return q, end, true
}

// lowerIf returns word k in lowercase when it is at most n bytes long.
func (s *scan) lowerIf(k, n int) string {
	if k < 0 || k >= len(s.toks) || s.toks[k].kind != tWord || s.toks[k].end-s.toks[k].start > int32(n) {
		return ""
	}
	return s.lower(k)
}

// wordFigure reads a figure that starts with a word: number words ("forty
// -five", "a hundred and five"), fractions ("one-half", "a third", "half"),
// multiplier words ("doubled", "twice", "threefold").
func (s *scan) wordFigure(k int) (figure, bool) {
	if k >= len(s.toks) || s.toks[k].kind != tWord {
		return figure{}, false
	}
	info := s.info(k)
	switch info.kind {
	case wMultiplierVerb:
		return figure{value: fraction(info.n, info.den), next: k + 1, unit: Multiplier}, true
	case wTwice:
		return figure{value: decimal.NewFromInt(info.n), next: k + 1, unit: Multiplier}, true
	case wDigitCount:
		// "double-digit growth": a number of two digits.
		if s.isHyphen(k+1) && s.glued(k, k+1) && s.glued(k+1, k+2) && s.info(k+2).measure == "digit" {
			return figure{value: decimal.NewFromInt(info.n), next: k + 3, unit: Measure, measure: "digit"}, true
		}
		return figure{}, false
	case wFraction:
		if info.n == 2 && s.lower(k) == "half" {
			return figure{value: fraction(1, 2), next: k + 1, unit: Ratio}, true
		}
		return figure{}, false
	case wArticle:
		// "a third", "a quarter", "a half"; "a hundred" is number words.
		if j := s.nextWord(k); j == k+1 && s.word(j) == wFraction && !strings.HasSuffix(s.lower(j), "s") {
			return figure{value: fraction(1, s.info(j).n), next: j + 1, unit: Ratio}, true
		}
	}
	wv, ok := s.parseNumberWords(k)
	if !ok {
		return figure{}, false
	}
	f := figure{value: wv.value, step: wv.step, next: wv.next, unit: Count}
	// A numerator before a fraction word: "one-half", "two-thirds", "three
	// quarters".
	last := wv.next - 1
	if j := s.nextWord(last); j >= 0 && s.word(j) == wFraction && wv.value.IsInteger() && wv.value.Sign() > 0 && wv.value.LessThan(decimal.NewFromInt(100)) {
		return figure{value: fraction(wv.value.IntPart(), s.info(j).n), next: j + 1, unit: Ratio}, true
	}
	// "two and a half", "one and a half million": stated to the half (of
	// the scale after it).
	n := wv.next
	if wv.step.Equal(pow10(0)) && s.word(n) == wAnd && s.word(n+1) == wArticle && s.word(n+2) == wFraction && s.lower(n+2) == "half" {
		f.value, f.step, f.next = f.value.Add(fraction(1, 2)), fraction(1, 2), n+3
		if info := s.info(n + 3); info.kind == wScale && info.n >= 1000 && !info.glueOnly {
			scale := decimal.NewFromInt(info.n)
			f.value, f.step, f.next = f.value.Mul(scale), f.step.Mul(scale), n+4
		}
	}
	return f, true
}

// unitAfter reads what follows a number: a percent sign or word, "times",
// "-fold", a duration, a currency word, "in 5" or "out of 5", or a counted
// noun. It reports false for a number that is a label or a day of a date.
func (s *scan) unitAfter(q *Quantity, f figure, j int) (int, bool) {
	if name, end, ok := s.measureAt(j); ok {
		q.Unit, q.Measure = Measure, name
		return end, true
	}
	// "a 3-mile walk", "a 100-foot tower".
	if s.isHyphen(j) && s.glued(j-1, j) && s.glued(j, j+1) {
		if name, end, ok := s.measureAt(j + 1); ok {
			q.Unit, q.Measure = Measure, name
			return end, true
		}
	}
	info := s.info(j)
	switch {
	case s.sym(j) == '%':
		q.Unit = Percent
		return j + 1, true
	case info.kind == wPercent:
		q.Unit = Percent
		return j + 1, true
	case info.kind == wPer && s.word(j+1) == wCent:
		q.Unit = Percent
		return j + 2, true
	case info.kind == wPercentage && s.word(j+1) == wPoint:
		q.Unit = Percent
		return j + 2, true
	case info.kind == wTimes:
		q.Unit = Multiplier
		return j + 1, true
	case info.kind == wSuffix && s.toks[j].flags&fSuffix != 0, s.sym(j) == '×' && s.glued(j-1, j):
		q.Unit = Multiplier
		return j + 1, true
	case s.isHyphen(j) && s.glued(j-1, j) && s.glued(j, j+1) && s.word(j+1) == wFold:
		q.Unit = Multiplier
		return j + 2, true
	case info.kind == wDuration:
		q.Unit, q.Measure = Duration, vocabulary().words[s.lower(j)].measure
		return s.durationPeriod(q, j+1), true
	case s.isHyphen(j) && s.glued(j-1, j) && s.glued(j, j+1) && s.word(j+1) == wDuration:
		q.Unit, q.Measure = Duration, vocabulary().words[s.lower(j+1)].measure
		return j + 2, true
	case info.kind == wCurrencyWord, info.kind == wCurrencyCode:
		q.Unit, q.Currency = Currency, info.code
		return j + 1, true
	case info.kind == wIn || info.kind == wOut && s.word(j+1) == wOf:
		if end, ok := s.ratio(q, f, j); ok {
			return end, true
		}
	}
	if f.digits && s.isLabelOrDate(j) {
		return 0, false
	}
	if j < len(s.toks) && s.toks[j].kind == tWord && prose.Lookup(s.text[s.toks[j].start:s.toks[j].end]).Is(prose.CountNoun) {
		q.Noun = s.lower(j)
	}
	q.Counted = s.countedWords(j)
	return j, true
}

// vagueMagnitudes returns the vague magnitudes of the text that qs, the
// figures read already, do not hold: a plural count or scale of the prose
// lexicon ("dozens", "hundreds of", "thousands"), two of them joined by
// "of" ("tens of thousands"), or "several" (the lexicon's vague-number
// class) before a scale ("several thousand"). A plural count of n stands
// for 2n up to 10n ("dozens": 24 to 119, "hundreds": 200 to 999), a plural
// scale for 2n up to the next scale ("thousands": 2,000 to 999,999, as
// "thousands of people" may be 20,000), "several" for 3n up to 10n. What
// it counts is said after "of" ("dozens of apps") or, after "several",
// straight after ("several thousand people"); "dozens installed" says
// nothing of it.
func (s *scan) vagueMagnitudes(qs []Quantity) []Quantity {
	var out []Quantity
	taken := func(start, end int) bool {
		i, _ := slices.BinarySearchFunc(qs, start, func(q Quantity, t int) int { return q.End - t - 1 })
		return i < len(qs) && qs[i].Start < end
	}
	for k := 0; k < len(s.toks); k++ {
		if s.toks[k].kind != tWord {
			continue
		}
		first, lowMul, highMul, several := k, int64(2), int64(10), false
		e := prose.Lookup(s.lower(k))
		n := e.Value
		switch {
		case e.Is(prose.PluralScale):
			highMul = 1000
		case e.Is(prose.PluralCount):
		case prose.Has(s.lower(k), prose.VagueNumber) && k+1 < len(s.toks) && s.toks[k+1].kind == tWord &&
			prose.Lookup(s.lower(k+1)).Is(prose.ScaleWord|prose.HundredWord) && !strings.HasSuffix(s.lower(k+1), "s"):
			// "several thousand"
			k++
			n, lowMul, several = prose.Lookup(s.lower(k)).Value, 3, true
		default:
			continue
		}
		if n < 10 || n > 1e12 {
			continue
		}
		// "tens of thousands", "hundreds of millions".
		if k+2 < len(s.toks) && s.word(k+1) == wOf {
			if e2 := prose.Lookup(s.lower(k + 2)); e2.Is(prose.PluralScale) && e2.Value > n {
				n *= e2.Value
				k += 2
				highMul = 10
			}
		}
		start, end := int(s.toks[first].start), int(s.toks[k].end)
		if taken(start, end) {
			continue
		}
		counted := ""
		switch {
		case k+2 < len(s.toks) && s.word(k+1) == wOf:
			counted = s.countedWords(k + 2)
		case several && k+1 < len(s.toks):
			counted = s.countedWords(k + 1)
		}
		nd := decimal.NewFromFloat(n)
		out = append(out, Quantity{Start: start, End: end, Text: s.text[start:end], Value: nd.Mul(decimal.NewFromInt(lowMul)),
			Unit: Count, Counted: counted, Upper: nd.Mul(decimal.NewFromInt(highMul))})
	}
	return out
}

// seriesEnds returns the counts the text states by an ordinal, "and" and
// a word of the prose lexicon's series-end class before what it counts:
// "the third and final phase" (three phases), "the second and last day".
// The ordinal is a word ("second" to "tenth"); what it counts must follow,
// and the figure's text runs to its end ("third and final phase").
func (s *scan) seriesEnds() []Quantity {
	var out []Quantity
	for k := 0; k+3 < len(s.toks); k++ {
		if s.toks[k].kind != tWord || s.word(k+1) != wAnd || s.toks[k+2].kind != tWord {
			continue
		}
		n := ordinalWords[s.lower(k)]
		if n == 0 || !prose.Has(s.lower(k+2), prose.SeriesEnd) {
			continue
		}
		counted := s.countedWords(k + 3)
		if counted == "" {
			continue
		}
		// The figure spans what it counts: "third and final phase" is
		// the count, "third and final" alone is none.
		from := int(s.toks[k+3].start)
		start, end := int(s.toks[k].start), from+strings.Index(s.text[from:], counted)+len(counted)
		out = append(out, Quantity{Start: start, End: end, Text: s.text[start:end], Value: decimal.NewFromInt(n),
			Unit: Count, Counted: counted, Step: decimal.NewFromInt(1)})
	}
	return out
}

// ordinalWords are the ordinals that can end a series, by their number.
var ordinalWords = map[string]int64{"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10}

// maxCountedWords is how many words after a count say what it counts:
// "68 different languages", "40 federal agency staff".
const maxCountedWords = 3

// countedWords returns the words from token k that say what a count
// counts (Quantity.Counted), as the text writes them: up to
// maxCountedWords words in a row, on the count's line (a table's or a
// PDF's next line is another cell), ending at a mark, a number or a
// function word of the prose lexicon. A noun followed by "of" names a
// kind or a group of what follows ("three types of metrics", "four
// panels of experts"), so the words after "of" count too, and so do
// nouns joined by "and" ("a Top 25 list of towns and cities"). A word
// glued to the count by a hyphen starts them ("a 5-part series": "part
// series"), and so does a hashtag ("12 #lostapps": "lostapps").
func (s *scan) countedWords(k int) string {
	first, last := -1, -1
	sawOf := false
	if s.isHyphen(k) && s.glued(k-1, k) && s.glued(k, k+1) && k+1 < len(s.toks) && s.toks[k+1].kind == tWord {
		// "a 5-part series", "a 6,000-person agency": the compound's
		// word is what it counts.
		k++
	} else if s.sym(k) == '#' && s.glued(k, k+1) && k+1 < len(s.toks) && s.toks[k+1].kind == tWord {
		// "12 #lostapps": a hashtag names what it counts.
		k++
	}
	for n := 0; n < maxCountedWords && k < len(s.toks); n, k = n+1, k+1 {
		t := s.toks[k]
		if s.isHyphen(k) && first >= 0 && s.glued(k-1, k) && s.glued(k, k+1) && k+1 < len(s.toks) && s.toks[k+1].kind == tWord {
			// "cross-agency goals": a compound's parts are words of it.
			n--
			continue
		}
		if t.kind != tWord || strings.ContainsAny(s.text[s.toks[k-1].end:t.start], "\n\r") {
			break
		}
		if prose.Lookup(s.text[t.start:t.end]).Is(prose.FunctionWord) {
			if first >= 0 && s.word(k) == wAnd && k+1 < len(s.toks) && s.toks[k+1].kind == tWord &&
				!prose.Lookup(s.text[s.toks[k+1].start:s.toks[k+1].end]).Is(prose.FunctionWord) {
				// "a list of towns and cities": both nouns are what it
				// counts, and "and" takes no word of the budget.
				n--
				continue
			}
			if first < 0 || sawOf || s.word(k) != wOf {
				break
			}
			sawOf, n = true, -1 // as many words again after one "of"
			continue
		}
		if first < 0 {
			first = int(t.start)
		}
		last = int(t.end)
	}
	if first < 0 || s.runsOn(k) {
		// A run of words longer than the budget ("100 top open
		// innovation efforts") holds its noun past it: what the count
		// counts is not known, so it names nothing.
		return ""
	}
	return s.text[first:last]
}

// runsOn reports whether token k, right after the words countedWords
// took, continues them: a word on the same line that no mark, number or
// function word of the prose lexicon ends them before.
func (s *scan) runsOn(k int) bool {
	if k >= len(s.toks) || s.toks[k].kind != tWord || strings.ContainsAny(s.text[s.toks[k-1].end:s.toks[k].start], "\n\r") {
		return false
	}
	return !prose.Lookup(s.text[s.toks[k].start:s.toks[k].end]).Is(prose.FunctionWord)
}

// measureAt reads a unit of measure from token j: "feet", "ft", "sq ft",
// "square metres", "km²", "km2", "m³", "metric tons", "kilowatt hours",
// "miles per hour", "km/h", "gallons a day", "pounds of food per person
// each month". It returns the unit's canonical name, the token after it,
// and false when j starts no unit. It looks at most eleven tokens ahead.
func (s *scan) measureAt(j int) (string, int, bool) {
	if j >= len(s.toks) || s.toks[j].kind != tWord {
		return "", 0, false
	}
	prefix, metric := "", false
	switch s.word(j) {
	case wSquare, wCubic:
		prefix = "square "
		if s.word(j) == wCubic {
			prefix = "cubic "
		}
		j++
		if s.sym(j) == '.' && s.glued(j-1, j) { // "sq. ft."
			j++
		}
	case wMetric:
		metric = true
		j++
	}
	info := s.info(j)
	name, dim := info.measure, info.n
	switch {
	case info.kind == wMeasure:
	case s.lowerIf(j, 1) == "m" && (prefix != "" || s.glued(j, j+1) && s.power(j+1) != 0):
		// "m" is a metre only where it cannot be a million: "sq m", "m²".
		name, dim = "metre", dimLength
	default:
		return "", 0, false
	}
	end := j + 1
	if prefix == "" && dim == dimLength && s.glued(j, end) {
		switch s.power(end) {
		case 2:
			prefix, end = "square ", end+1
		case 3:
			prefix, end = "cubic ", end+1
		}
	}
	switch {
	case prefix != "" && dim != dimLength, metric && name != "ton":
		return "", 0, false
	case prefix != "":
		name = prefix + name
	case metric:
		name = "tonne"
	}
	if dim == dimPower { // "kilowatt hours", "kilowatt-hours"
		h := end
		if s.isHyphen(h) && s.glued(h-1, h) && s.glued(h, h+1) {
			h++
		}
		if s.word(h) == wDuration && s.info(h).measure == "hour" {
			name, end = name+" hour", h+1
		}
	}
	if per, next, ok := s.rateAfter(end); ok {
		name, end = name+" per "+per, next
		if r, ok := rateNames[name]; ok {
			name = r
		}
	} else if per, next, ok := s.periodAfter(end); ok {
		name, end = name+" per "+per, next
	}
	return name, end, true
}

// durationPeriod reads the period after a duration at token k ("73 hours
// a month", "5 days per week", "2 hours of exercise each day"), adding it
// to the duration's unit ("hour per month"), and returns the token after
// the figure.
func (s *scan) durationPeriod(q *Quantity, k int) int {
	if per, next, ok := s.periodAfter(k); ok {
		q.Measure += " per " + per
		return next
	}
	return k
}

// periodAfter reads the period of a measure's rate set off from it by
// what is measured and by whom it is shared, from token k: "of food per
// person each month", "of water every day", "per household each week".
// It returns the duration unit and the token after it; without a period
// at the end nothing is read, so that "36 pounds of food" stays a
// weight.
func (s *scan) periodAfter(k int) (string, int, bool) {
	if s.word(k) == wOf && s.word(k+1) == wNone && k+1 < len(s.toks) && s.toks[k+1].kind == tWord {
		k += 2 // "of food"
	}
	if s.word(k) == wPer && s.word(k+1) == wNone && k+1 < len(s.toks) && s.toks[k+1].kind == tWord {
		k += 2 // "per person"
	}
	if s.word(k) != wEvery && s.word(k) != wPer && s.word(k) != wArticle && s.lowerIf(k, 4) != "each" {
		return "", 0, false
	}
	if info := s.info(k + 1); info.kind == wDuration {
		return info.measure, k + 2, true
	}
	return "", 0, false
}

// power reads a square or cube mark glued after a unit: "²" or "2", "³" or
// "3"; else 0.
func (s *scan) power(k int) int {
	switch {
	case k >= len(s.toks):
		return 0
	case s.sym(k) == '²':
		return 2
	case s.sym(k) == '³':
		return 3
	case s.toks[k].kind == tNum && s.toks[k].end-s.toks[k].start == 1 && !s.glued(k, k+1):
		switch s.text[s.toks[k].start] {
		case '2':
			return 2
		case '3':
			return 3
		}
	}
	return 0
}

// rateAfter reads what makes a measure a rate, from token k: "per hour",
// "an hour", "/h", "per gallon". It returns the singular unit per which,
// and the token after it.
func (s *scan) rateAfter(k int) (string, int, bool) {
	slash := s.sym(k) == '/' && s.glued(k-1, k) && s.glued(k, k+1)
	article := s.word(k) == wArticle
	if !slash && !article && s.word(k) != wPer || k+1 >= len(s.toks) || s.toks[k+1].kind != tWord {
		return "", 0, false
	}
	j := k + 1
	info := s.info(j)
	switch {
	case info.kind == wDuration:
		return info.measure, j + 1, true
	case article:
		return "", 0, false // "5 miles a week" is a rate; "5 miles a mile" is not
	case info.kind == wMeasure:
		return info.measure, j + 1, true
	}
	if d, ok := durationAbbreviations[s.lowerIf(j, 3)]; ok {
		return d, j + 1, true
	}
	return "", 0, false
}

// ratio reads "1 in 5", "one in every five", "3 out of 4" from the "in" or
// "out" at j. A four-digit denominator from 1800 to 2100 without a comma is
// a year ("5 in 2020"), not a ratio.
func (s *scan) ratio(q *Quantity, f figure, j int) (int, bool) {
	k := j + 1
	if s.word(j) == wOut {
		k = j + 2
	}
	if s.word(k) == wEvery {
		k++
	}
	var den figure
	ok := false
	if k < len(s.toks) && s.toks[k].kind == tNum {
		den, ok = s.numeral(k)
		if ok {
			raw := s.text[s.toks[k].start:s.toks[k].end]
			if len(raw) == 4 && den.value.IntPart() >= 1800 && den.value.IntPart() <= 2100 {
				return 0, false
			}
		}
	} else {
		den, ok = s.wordFigure(k)
	}
	if !ok || den.unit != Count || den.value.Sign() <= 0 || !den.value.IsInteger() || !f.value.IsInteger() ||
		f.value.GreaterThan(den.value) || f.step.GreaterThan(decimal.NewFromInt(1)) || den.step.GreaterThan(decimal.NewFromInt(1)) {
		return 0, false
	}
	q.Unit, q.Value, q.Step = Ratio, f.value.DivRound(den.value, 16), decimal.Zero
	return den.next, true
}

// isLabelOrDate reports whether the number before token j names a thing
// ("page 45", "section 508": the prose lexicon's label words) or is a day
// or year beside a month ("5 March", "march 5, 2020"; "may" only as
// "May"). Such numbers are not figures. Other years stay counts: the
// matcher compares them by unit.
func (s *scan) isLabelOrDate(j int) bool {
	n := j - 1 // the number's last token
	for n > 0 && s.toks[n].kind != tNum {
		n--
	}
	b := n - 1
	if b >= 0 && s.toks[b].kind == tWord && prose.Lookup(s.text[s.toks[b].start:s.toks[b].end]).Is(prose.LabelWord) {
		return true
	}
	month := func(k int) bool {
		if k < 0 || k >= len(s.toks) || s.toks[k].kind != tWord {
			return false
		}
		w := s.text[s.toks[k].start:s.toks[k].end]
		// "may" is a month only capitalised: "prices may 5" is rare, "may
		// rise 5%" is not.
		return prose.Lookup(w).Is(prose.MonthName) && (s.toks[k].flags&fCap != 0 || w != "may")
	}
	if month(b) || month(j) {
		return true
	}
	// "March 5, 2020": the year after a day after a month.
	return s.sym(b) == ',' && b-2 >= 0 && s.toks[b-1].kind == tNum && month(b-2)
}

// changeBefore returns the direction of a change stated just before token
// k: +1 after a verb or noun of change from the prose lexicon ("rose
// 100%", "up 5%", "an increase of 100%", "grew by 5%"), -1 when that word
// is one of falling ("fell 50%"), else 0. "rose to 45%" is a level, not a
// change.
//
// A word that rounds the figure may stand between ("rose nearly 50%"),
// and after "by" one that bounds it ("grew by more than 100%"); a bound
// straight after the verb makes a level ("rose to 45%", "rose above 45%").
// A verb of change in its -ing form counts as the verb ("growing by
// 100%", "falling 5%").
func (s *scan) changeBefore(k int) int {
	i := k - 1
	if i >= 0 && k < len(s.toks) {
		start := int(s.toks[k].start)
		lo := max(0, start-maxChangeBound)
		before := strings.TrimRight(s.text[lo:start], " ")
		if b, ok := prose.EndsWith(before, prose.Approximator); ok {
			i = s.tokenBefore(lo+b, i)
		} else if b, ok := prose.EndsWith(before, prose.Bound); ok {
			if j := s.tokenBefore(lo+b, i); s.lowerIf(j, 2) == "by" {
				i = j
			}
		}
	}
	if i >= 0 && s.toks[i].kind == tWord && s.word(i) == wOf || s.lowerIf(i, 2) == "by" {
		i--
	}
	if i < 0 || s.toks[i].kind != tWord {
		return 0
	}
	w := changeVerb(s.lower(i))
	if w == "" {
		return 0
	}
	if fallingWords[w] {
		return -1
	}
	return 1
}

// maxChangeBound bounds the bytes before a figure that a bound or an
// approximator between it and a verb of change is looked for in ("no
// more than", "approximately").
const maxChangeBound = 24

// tokenBefore returns the last token before byte offset at, looking back
// from token i.
func (s *scan) tokenBefore(at, i int) int {
	for i >= 0 && int(s.toks[i].start) >= at {
		i--
	}
	return i
}

// changeVerb returns w as the prose lexicon's verb of change it is, or
// the one whose -ing form it is ("growing" grow, "rising" rise,
// "dropping" drop), or "" when it is none.
func changeVerb(w string) string {
	if prose.Lookup(w).Is(prose.ChangeVerb) {
		return w
	}
	stem, ok := strings.CutSuffix(w, "ing")
	if !ok || len(stem) < 2 {
		return ""
	}
	cands := []string{stem, stem + "e"}
	if n := len(stem); stem[n-1] == stem[n-2] {
		cands = append(cands, stem[:n-1]) // "dropping"
	}
	for _, c := range cands {
		if prose.Lookup(c).Is(prose.ChangeVerb) {
			return c
		}
	}
	return ""
}
