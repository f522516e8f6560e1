package verify

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/prose"
	"github.com/shopspring/decimal"
)

// Unit is the class of a quantity: what it counts, so that 45% is never
// matched with 45 people.
type Unit int

// The unit classes.
const (
	// Count is a plain number, perhaps with a noun: "1,200", "3.4 million
	// people", "a hundred and five".
	Count Unit = iota
	// Percent is a percentage: "45%", "45 per cent", "forty-five percent".
	// Value is in percent (45, not 0.45).
	Percent
	// Currency is an amount of money; Quantity.Currency holds its ISO 4217
	// code: "$4.2bn", "US$4.2 billion", "£300", "5 million dollars".
	Currency
	// Multiplier is a factor: "doubled" (2), "threefold", "3x", "three
	// times", "halved" (0.5).
	Multiplier
	// Duration is a span of time; Quantity.Measure names its unit:
	// "18 months", "a 10-year plan", "36 hours".
	Duration
	// Ratio is a proportion written as a fraction: "one-half", "a third",
	// "1 in 5", "½". Value is the fraction (0.5); it compares with Percent.
	Ratio
	// Measure is an amount in a unit of measure; Quantity.Measure holds the
	// unit's canonical name: "100 feet" and "100 ft" (foot), "a 3-mile
	// walk" (mile), "2 GB" (gigabyte), "500 sq ft" (square foot), "60 mph"
	// and "60 miles per hour" (mph). Two measures compare only in the same
	// unit: there are no conversions, so "1.5 km" is not "1,500 metres" (a
	// writer who converts a source's figure should cite the converted one).
	Measure
)

var unitNames = [...]string{"count", "percent", "currency", "multiplier", "duration", "ratio", "measure"}

// String names the unit class.
func (u Unit) String() string {
	if u < 0 || int(u) >= len(unitNames) {
		return "unknown"
	}
	return unitNames[u]
}

// Quantity is one figure in a text.
type Quantity struct {
	// Start and End are the figure's byte span in the text it was found
	// in, End exclusive; Text is that span.
	Start, End int
	Text       string
	// Value is the figure exactly as stated (1.2 million is 1200000; 45%
	// is 45; a third is 0.3333333333333333, to 16 places).
	Value decimal.Decimal
	Unit  Unit
	// Currency is the ISO 4217 code of a Currency amount.
	Currency string
	// Measure is the singular unit of a Duration ("day", "year"), with
	// its period when it is one per period ("hour per month"), or the
	// canonical unit of a Measure ("foot", "square metre", "km/h").
	Measure string
	// Noun is the lowercase counted noun after a Count, when the prose
	// lexicon knows it as one ("1,200 deaths"): for messages and to prefer
	// like with like, never to reject a match.
	Noun string
	// Counted is what a Count counts as the text words it ("68 different
	// languages": "different languages"): up to three words straight
	// after it, on its line, before a function word or a mark. It is
	// empty for a number standing alone ("12." or "12 of them"). A claim
	// and a source figure of the same value that both say what they count
	// must share a word (singular or plural): "68 countries" is not
	// supported by "68 different languages".
	Counted string
	// Change is +1 for a Percent stated as a rise ("rose 100%", "an
	// increase of 100%"), -1 for a fall ("fell 50%"), else 0. A Multiplier
	// can match a change: doubled is a rise of 100%, halved a fall of 50%.
	Change int
	// Step is the claim's own precision: the place of its last stated
	// digit. 1.2 million has step 100,000; 45% has step 1; 45.0% has step
	// 0.1. It is zero for exact forms (fractions, "doubled"), whose value
	// is not rounded.
	Step decimal.Decimal

	// Upper is, for a vague magnitude ("dozens", "several thousand",
	// "tens of thousands"), the end of the range it stands for, exclusive;
	// Value is the range's start. It is zero for every other figure. A
	// vague claim is supported by a source figure in its range or by the
	// same vague words; a vague source figure supports no exact claim.
	Upper decimal.Decimal

	// approx and approxStep are Value and Step as floats in the unit's
	// base, set (hasApprox) for the quantities Quantities finds: see
	// setApprox.
	approx, approxStep float64
	hasApprox          bool
}

// Support is how a source figure supports a claimed one.
type Support int

// The degrees of support, weakest first.
const (
	// None: the figures differ, or cannot be compared (different units or
	// currencies).
	None Support = iota
	// Rounded: the source's figure rounds to the claim at the claim's
	// precision (1.2 million from 1,234,567), or the claim's exact
	// fraction rounds to the source's figure (a third from 33%).
	Rounded
	// Exact: the same value, in any form (1 in 5 and 20%; $4.2bn and
	// $4,200,000,000; doubled and an increase of 100%).
	Exact
)

// String names the degree of support.
func (s Support) String() string {
	switch s {
	case Exact:
		return "exact"
	case Rounded:
		return "rounded"
	}
	return "none"
}

// ParseFigure reads one figure as a draft states it: "45%", "45 per cent",
// "forty-five percent", "$4.2bn", "1.2m", "one-half", "1 in 5", "doubled",
// "2½". It reports false unless s holds exactly one figure. Spans are
// offsets into s.
func ParseFigure(s string) (Quantity, bool) {
	qs := QuantitiesLimit(s, DefaultMaxTextBytes)
	if len(qs) != 1 {
		return Quantity{}, false
	}
	return qs[0], true
}

// DefaultMaxTextBytes bounds the text Quantities reads: only its first 8
// MiB are scanned, which is more than any page's text and keeps a hostile
// page's cost to one linear pass over a fixed size.
const DefaultMaxTextBytes = 8 << 20

// Quantities returns every quantity in text, in order, with byte spans,
// reading at most DefaultMaxTextBytes of it. It reads the text once, with
// a fixed look-ahead, so its time is linear in the text's size.
//
// Digits are ASCII: fold fullwidth digits (NFKC) first. Digit groups are
// joined across commas and no-break or thin spaces ("1 234 567"), never
// across plain spaces, which in a table's or PDF's text separate numbers
// ("45 120 300" is three): a normaliser should leave the spaces between
// digits as they are. There is no decimal comma: "45,2" is a code.
func Quantities(text string) []Quantity {
	return QuantitiesLimit(text, DefaultMaxTextBytes)
}

// QuantitiesLimit is Quantities reading at most maxBytes of text (cut back
// to a rune boundary); figures past the limit are not returned.
func QuantitiesLimit(text string, maxBytes int) []Quantity {
	return quantitiesLimit(text, maxBytes, false)
}

// SourceQuantities is Quantities for a source's text, the figures a claim
// is looked for in: with them, the counts the text states by an ordinal
// that ends a series ("the third and final phase" is a count of three
// phases, whose Text is "third and final phase"). A draft's figures are read
// by Quantities: there such words are no claim of a count.
func SourceQuantities(text string) []Quantity {
	return quantitiesLimit(text, DefaultMaxTextBytes, true)
}

// IsVague reports whether q is a vague magnitude (Upper is set).
func (q Quantity) IsVague() bool { return q.Upper.Sign() > 0 }

func quantitiesLimit(text string, maxBytes int, implied bool) []Quantity {
	// Token offsets are 32-bit: no text near 2 GiB is read.
	maxBytes = max(0, min(maxBytes, 1<<30))
	if len(text) > maxBytes {
		n := maxBytes
		for n > 0 && !runeStart(text[n]) {
			n--
		}
		text = text[:n]
	}
	s := newScan(text)
	qs := s.quantities()
	shareRangeUnits(text, qs)
	extra := s.vagueMagnitudes(qs)
	if implied {
		extra = append(extra, s.seriesEnds()...)
	}
	if len(extra) > 0 {
		qs = append(qs, extra...)
		slices.SortStableFunc(qs, func(a, b Quantity) int { return a.Start - b.Start })
	}
	for i := range qs {
		qs[i].setApprox()
	}
	return qs
}

// shareRangeUnits gives the lower end of a range the unit of its upper
// end: in "five to 10 apps", "5 or 6 weeks", "between 5 and 10%", "5–10
// km" or "2-3 people" the first number is a count of apps, weeks, percent or km
// too, and a source must hold it as such. Only a bare number (a count
// that says nothing of what it counts) takes the unit, from the figure
// right after the joining word.
func shareRangeUnits(text string, qs []Quantity) {
	for i := 0; i+1 < len(qs); i++ {
		lo, hi := &qs[i], &qs[i+1]
		if lo.Unit != Count || lo.Counted != "" || lo.Noun != "" || hi.Unit == Count && hi.Counted == "" || hi.Unit == Ratio {
			continue
		}
		switch strings.TrimSpace(text[lo.End:hi.Start]) {
		case "to", "or", "–", "—", "-":
		case "and":
			if !strings.HasSuffix(strings.ToLower(strings.TrimSpace(text[:lo.Start])), "between") {
				continue
			}
		default:
			continue
		}
		lo.Unit, lo.Currency, lo.Measure, lo.Noun, lo.Counted = hi.Unit, hi.Currency, hi.Measure, hi.Noun, hi.Counted
		if lo.Unit == Currency && hi.Currency == "" {
			lo.Currency = ""
		}
	}
}

// setApprox records the quantity's value and step as floats in their
// unit's base (a percentage as a fraction, a duration in seconds or
// months), so that FindFigure can pass over the figures of a long page
// that are nowhere near a claim without exact arithmetic.
func (q *Quantity) setApprox() {
	v, _ := q.Value.Float64()
	st, _ := q.Step.Float64()
	switch q.Unit {
	case Percent:
		v, st = v/100, st/100
	case Duration:
		base, _ := durationBase(q.Measure)
		v, st = v*float64(base), st*float64(base)
	}
	q.approx, q.approxStep, q.hasApprox = v, st, true
}

// near reports, from the floats setApprox recorded, whether a source
// figure may support a claim: false only when their values are further
// apart than either's precision allows (with room for float error), so
// that Compare decides every case that may match. It answers true
// whenever it cannot tell: no floats, or a multiplier against a percent
// change, whose bases differ.
func mayMatch(claim, source *Quantity) bool {
	if !claim.hasApprox || !source.hasApprox || claim.Unit == Multiplier || source.Unit == Multiplier || isDigitCount(*claim) || claim.IsVague() {
		return true
	}
	tol := max(claim.approxStep, source.approxStep) + 1e-9*max(math.Abs(claim.approx), math.Abs(source.approx), 1)
	return math.Abs(claim.approx-source.approx) <= tol
}

func runeStart(b byte) bool { return b&0xC0 != 0x80 }

// compareVague compares figures one of which is a vague magnitude: a
// vague claim is supported by the same range (Exact), by a narrower one
// or by an amount in its range (Rounded: "dozens" by 48, "several
// thousand" by 4,200); an exact claim is never supported by a vague
// source ("13 agencies" is not "dozens of agencies").
func compareVague(claim, source Quantity) Support {
	if !claim.IsVague() || !isAmount(claim.Unit) || !isAmount(source.Unit) {
		return None
	}
	if source.IsVague() {
		switch {
		case source.Value.Equal(claim.Value) && source.Upper.Equal(claim.Upper):
			return Exact
		case source.Value.GreaterThanOrEqual(claim.Value) && source.Upper.LessThanOrEqual(claim.Upper):
			return Rounded
		}
		return None
	}
	if source.Value.GreaterThanOrEqual(claim.Value) && source.Value.LessThan(claim.Upper) {
		return Rounded
	}
	return None
}

// approximateRatioStep is the precision of an approximated ratio: "about
// two in five" is 40% give or take two and a half points (41.4% is
// about two in five; 30% is not about a third).
var approximateRatioStep = decimal.New(5, -2)

// Approximate returns q as a writer states it with an approximator
// ("approximately 30%", "about 500 people"): precise only to its last
// digit that is not zero, so that "approximately 30%" is supported by a
// third (33.3%) and "about 500" by 480, as they round to it. A figure
// whose last digit is not zero ("about 45%") or that is exact ("doubled")
// keeps its precision. A ratio or fraction ("about two in five", "roughly
// a third") is supported within approximateRatioStep/2 of its value.
func (q Quantity) Approximate() Quantity {
	if q.Unit == Ratio && q.Step.IsZero() {
		// "about two in five", "roughly a third"
		q.Step = approximateRatioStep
		if q.hasApprox {
			q.setApprox()
		}
		return q
	}
	if q.Step.Sign() <= 0 || !q.Value.IsInteger() || q.Value.IsZero() || q.Unit == Multiplier {
		return q
	}
	ten := decimal.NewFromInt(10)
	step := q.Step
	for v := q.Value.Div(step); v.Mod(ten).IsZero() && !v.IsZero(); v = v.Div(ten) {
		step = step.Mul(ten)
	}
	if step.Equal(q.Step) {
		return q
	}
	q.Step = step
	if q.hasApprox {
		q.setApprox()
	}
	return q
}

// comparable puts a claim and a source figure on one scale: proportions as
// fractions, durations in seconds or months, a multiplier's percent change
// as a factor. It reports false when the two cannot be compared.
func comparable(c, s Quantity) (cv, cstep, sv, sstep decimal.Decimal, ok bool) {
	cv, cstep, sv, sstep = c.Value, c.Step, s.Value, s.Step
	hundred := decimal.NewFromInt(100)
	switch {
	case isProportion(c.Unit) && isProportion(s.Unit):
		if c.Unit == Percent {
			cv, cstep = cv.Div(hundred), cstep.Div(hundred)
		}
		if s.Unit == Percent {
			sv, sstep = sv.Div(hundred), sstep.Div(hundred)
		}
		return cv, cstep, sv, sstep, true
	case isAmount(c.Unit) && isAmount(s.Unit):
		if c.Currency != "" && s.Currency != "" && c.Currency != s.Currency {
			return cv, cstep, sv, sstep, false
		}
		return cv, cstep, sv, sstep, true
	case c.Unit == Multiplier && s.Unit == Multiplier:
		return cv, cstep, sv, sstep, true
	case c.Unit == Multiplier && s.Unit == Percent && s.Change != 0:
		sv, sstep = changeFactor(sv, s.Change), sstep.Div(hundred)
		return cv, cstep, sv, sstep, true
	case c.Unit == Percent && c.Change != 0 && s.Unit == Multiplier:
		cv, cstep = changeFactor(cv, c.Change), cstep.Div(hundred)
		return cv, cstep, sv, sstep, true
	case c.Unit == Measure && s.Unit == Measure:
		// One unit, one scale: converting would hide a writer's conversion
		// error, and rounding would differ with the unit.
		return cv, cstep, sv, sstep, c.Measure == s.Measure
	case c.Unit == Duration && s.Unit == Duration:
		cu, cm := durationBase(c.Measure)
		su, sm := durationBase(s.Measure)
		if cm != sm || cu == 0 || su == 0 || !periodsAgree(c.Measure, s.Measure) {
			return cv, cstep, sv, sstep, false
		}
		cf, sf := decimal.NewFromInt(cu), decimal.NewFromInt(su)
		return cv.Mul(cf), cstep.Mul(cf), sv.Mul(sf), sstep.Mul(sf), true
	}
	return cv, cstep, sv, sstep, false
}

// unitsCompare reports whether comparable compares two quantities' units
// at all, without their values: the cheap half of its question.
func unitsCompare(c, s Quantity) bool {
	switch {
	case isProportion(c.Unit) && isProportion(s.Unit):
		return true
	case isAmount(c.Unit) && isAmount(s.Unit):
		return c.Currency == "" || s.Currency == "" || c.Currency == s.Currency
	case c.Unit == Multiplier && s.Unit == Multiplier,
		c.Unit == Multiplier && s.Unit == Percent && s.Change != 0,
		c.Unit == Percent && c.Change != 0 && s.Unit == Multiplier:
		return true
	case c.Unit == Measure && s.Unit == Measure:
		return c.Measure == s.Measure
	case c.Unit == Duration && s.Unit == Duration:
		cu, cm := durationBase(c.Measure)
		su, sm := durationBase(s.Measure)
		return cm == sm && cu != 0 && su != 0 && periodsAgree(c.Measure, s.Measure)
	}
	return false
}

// changeFactor is the factor of a percent change: a rise of 100% is 2, a
// fall of 50% is 0.5.
func changeFactor(percent decimal.Decimal, direction int) decimal.Decimal {
	change := percent.Div(decimal.NewFromInt(100))
	if direction < 0 {
		change = change.Neg()
	}
	return decimal.NewFromInt(1).Add(change)
}

func isProportion(u Unit) bool { return u == Percent || u == Ratio }

// isAmount: a count may match money, since a draft's "4.2 billion" names
// no currency to disagree with.
func isAmount(u Unit) bool { return u == Count || u == Currency }

// periodsAgree reports whether two durations' periods agree: "73 hours
// a week" is not "73 hours a month", but a duration that states no period
// ("73 hours") may be either's, as a writer drops a period the page gives
// as often as a page drops the one it gave a sentence before.
func periodsAgree(a, b string) bool {
	_, pa, _ := strings.Cut(a, " per ")
	_, pb, _ := strings.Cut(b, " per ")
	return pa == "" || pb == "" || pa == pb
}

// durationBase returns a duration unit's length in seconds, or in months
// (month true): months and years convert exactly, days and months do not.
func durationBase(measure string) (n int64, month bool) {
	measure, _, _ = strings.Cut(measure, " per ")
	info := vocabulary().words[measure]
	if info.kind != wDuration {
		return 0, false
	}
	return info.n, info.month
}

// Compare reports how a source figure supports a claimed one: Exact when
// the values are equal in any form, Rounded when the source rounds to the
// claim at the claim's precision (or the claim's exact fraction rounds to
// the source's figure), else None. Units must be comparable: percent with
// ratio, count with currency, a multiplier with a percent change; two
// stated currencies must agree, and two measures must be in the same unit
// (a measure never matches a count).
func Compare(claim, source Quantity) Support {
	if isDigitCount(claim) && source.Unit == Percent {
		// "double-digit growth" is supported by a percentage of two
		// digits ("12%"), as its rounding. Only a percentage: the words
		// qualify rates and changes, and a long page has counts of every
		// length.
		if digits(source.Value) == claim.Value.IntPart() {
			return Rounded
		}
		return None
	}
	if claim.IsVague() || source.IsVague() {
		return compareVague(claim, source)
	}
	cv, cstep, sv, sstep, ok := comparable(claim, source)
	if !ok {
		return None
	}
	if cv.Equal(sv) {
		return Exact
	}
	if cstep.Sign() > 0 && roundTo(sv, cstep).Equal(cv) {
		return Rounded
	}
	if claim.Unit == Ratio && cstep.Sign() > 0 && cv.Sub(sv).Abs().LessThanOrEqual(cstep.Div(decimal.NewFromInt(2))) {
		return Rounded // "about a third" for 35%: a third is no multiple of its step
	}
	if cstep.Sign() == 0 && sstep.Sign() > 0 && roundTo(cv, sstep).Equal(sv) {
		return Rounded
	}
	return None
}

// MeetsBound reports whether a source figure meets a claim stated as a
// bound at the claim's own precision (dir 1 after "more than", -1 after
// "under"; the claim as Approximate makes it): "more than 7.2 million" is
// met by 7,259,407, which the writer rounded down to say it, as by
// anything from 7.2 million up to 7.3 million, and "under 300" by 291 but
// not by 250. Compare rounds to the nearest, which a bound need not: the
// writer of "more than 7.2 million" did not round 7,259,407 to 7.3 million.
// Counted things must agree as CountedAgree asks, and the units must be
// the same (a percentage and a ratio are one): a bound is looser than a
// rounding, so a count is not met by an amount of money.
func MeetsBound(claim, source Quantity, dir int) bool {
	if dir == 0 || claim.IsVague() || source.IsVague() || !CountedAgree(claim, source) {
		return false
	}
	if claim.Unit != source.Unit && !(isProportion(claim.Unit) && isProportion(source.Unit)) {
		return false // "more than 3,000 members" is not met by "$3,500"
	}
	cv, cstep, sv, _, ok := comparable(claim, source)
	if !ok || cstep.Sign() <= 0 {
		return false
	}
	if dir > 0 {
		return sv.GreaterThanOrEqual(cv) && sv.LessThan(cv.Add(cstep))
	}
	return sv.LessThanOrEqual(cv) && sv.GreaterThan(cv.Sub(cstep))
}

// CountedAgree reports whether two counts count the same thing, as far
// as their words say: true unless both say what they count (Counted) and
// share no word, singular and plural alike. A count that names nothing
// (a table cell, "12 of them") agrees with any: its noun is elsewhere.
// So does a claimed one, which is as often an article as a number ("one
// great example"), a claim whose words start with a name ("two
// Securities and Exchange Commission projects"), whose noun comes after
// the name, and one whose words end in a word of counted-pronoun ("seven
// good ones").
func CountedAgree(claim, source Quantity) bool {
	if claim.Unit != Count || source.Unit != Count || claim.Counted == "" || source.Counted == "" ||
		claim.Value.Equal(decimal.NewFromInt(1)) {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(claim.Counted); unicode.IsUpper(r) {
		return true
	}
	if w := claim.Counted[strings.LastIndexByte(claim.Counted, ' ')+1:]; prose.Has(strings.ToLower(w), prose.CountedPronoun) {
		return true // "seven good ones", "269 itself": the noun is elsewhere
	}
	for _, c := range strings.FieldsFunc(claim.Counted, notWordRune) {
		if prose.Lookup(c).Is(prose.FunctionWord) {
			continue // the "of" of "types of metrics"
		}
		c = singular(strings.ToLower(c))
		for _, w := range strings.FieldsFunc(source.Counted, notWordRune) {
			if singular(strings.ToLower(w)) == c {
				return true
			}
		}
	}
	return false
}

// notWordRune splits counted words at spaces and hyphens
// ("cross-agency goals").
func notWordRune(r rune) bool { return !unicode.IsLetter(r) }

// singular is a lowercase English word's singular, by its ending only:
// "agencies" agency, "boxes" box, "panels" panel. Both sides go through
// it, so a wrong guess ("news" new) is the same wrong guess.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// isDigitCount reports whether a quantity is a number of digits
// ("double-digit", "a 3-digit code").
func isDigitCount(q Quantity) bool { return q.Unit == Measure && q.Measure == "digit" }

// digits is how many digits the whole part of v has (0 for |v| < 1).
func digits(v decimal.Decimal) int64 {
	w := v.Abs().Truncate(0)
	if w.Sign() == 0 {
		return 0
	}
	return int64(len(w.String()))
}

// roundTo rounds v to the nearest multiple of step, halves away from zero.
func roundTo(v, step decimal.Decimal) decimal.Decimal {
	return v.DivRound(step, 0).Mul(step)
}

// maxNearest is how many nearest figures FindFigure offers.
const maxNearest = 2

// FindFigure looks for the claim in a source's figures. It returns the
// supporting figure (the first exact match, else the first rounded one,
// preferring one with the claim's noun) and how it supports the claim;
// without one, it returns up to two figures of the claim's unit class
// (percent and ratio are one class; a currency must agree) nearest to the
// claim in value, nearest first and distinct in value, for a message such
// as `"45%" is not in the cited page (it has 54% and 44.8%)`.
func FindFigure(claim Quantity, source []Quantity) (match *Quantity, how Support, nearest []Quantity) {
	type near struct {
		i    int
		dist float64
		v    float64
	}
	var nears []near
	for i := range source {
		s := &source[i]
		if s.IsVague() && !claim.IsVague() {
			// "dozens" neither supports nor is a near miss for 13.
			continue
		}
		// Nearest figures are of the claim's own unit (a percentage may
		// be offered a fraction): a year is no near miss for an amount.
		sameClass := claim.Unit == s.Unit || isProportion(claim.Unit) && isProportion(s.Unit)
		if !mayMatch(&claim, s) {
			// Too far to match: only a near miss, by the floats. Most of
			// a long page's figures end here, with no exact arithmetic.
			if match == nil && sameClass && unitsCompare(claim, *s) {
				nears = append(nears, near{i: i, dist: math.Abs(claim.approx - s.approx), v: s.approx})
			}
			continue
		}
		sup := Compare(claim, *s)
		if sup != None && !CountedAgree(claim, *s) {
			// The same number of something else: the nearest miss of all.
			if match == nil {
				nears = append(nears, near{i: i, dist: -1, v: s.approx})
			}
			continue
		}
		better := sup > how || sup == how && sup != None && claim.Noun != "" &&
			s.Noun == claim.Noun && match.Noun != claim.Noun
		if better {
			match, how = s, sup
		}
		if match != nil {
			continue
		}
		cv, _, sv, _, ok := comparable(claim, *s)
		if ok && sameClass {
			d, _ := cv.Sub(sv).Abs().Float64()
			v, _ := sv.Float64()
			nears = append(nears, near{i: i, dist: d, v: v})
		}
	}
	if match != nil {
		return match, how, nil
	}
	// Figures written the claim's way come first: "it has 41.2%" reads
	// better for a claimed 45% than "it has half", though half is nearer.
	// Only the best few are wanted: select them rather than sort a long
	// page's figures for every claim.
	less := func(a, b near) bool {
		ua, ub := source[a.i].Unit == claim.Unit, source[b.i].Unit == claim.Unit
		if ua != ub {
			return ua
		}
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		return a.i < b.i
	}
	var picked []near
	for len(nearest) < maxNearest {
		best := -1
		for k, n := range nears {
			if slices.ContainsFunc(picked, func(p near) bool { return p.v == n.v }) {
				continue
			}
			if best < 0 || less(n, nears[best]) {
				best = k
			}
		}
		if best < 0 {
			break
		}
		picked = append(picked, nears[best])
		nearest = append(nearest, source[nears[best].i])
	}
	return nil, None, nearest
}
