package verify

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Verdict says whether a source holds a quotation.
type Verdict int

// The verdicts. The zero value is Unchecked, so a match never decided is
// never taken for a misquotation.
const (
	// Unchecked: the question could not be answered within the limits
	// (QuoteMatch.Reason says why). Not a finding against the draft.
	Unchecked Verdict = iota
	// Verbatim: the source has the quotation's words in order.
	Verbatim
	// Near: the source has a passage close to the quotation but not the
	// same; QuoteMatch.Diffs lists the differences.
	Near
	// Absent: the source has nothing close to the quotation.
	Absent
)

// String returns the verdict's name in lower case.
func (v Verdict) String() string {
	switch v {
	case Verbatim:
		return "exact"
	case Near:
		return "near"
	case Absent:
		return "absent"
	}
	return "unchecked"
}

// Diff is one place where a near match differs from its quotation: words
// of the quotation the source does not have there (Quote), and the words
// the source has instead (Source). Either may be empty: a word dropped
// from the quotation, a word the quotation adds.
type Diff struct {
	Quote, Source string
}

// QuoteMatch is what MatchQuote found.
type QuoteMatch struct {
	Verdict Verdict
	// Start and End are the byte offsets in the original source of the
	// matching passage (Verbatim, Near) or, for Absent, of the passage
	// nearest to the quotation (to its longest piece, when ellipses split
	// it) with a similarity of at least NearestSimilarity; -1 when there
	// is none.
	Start, End int
	// Similarity is the word-level similarity of the passage to the
	// quotation, 2·same/(quotation words + passage words): 1 for Verbatim.
	Similarity float64
	// Diffs lists the differences of a Near match (and of the nearest
	// passage of an Absent one), in order.
	Diffs []Diff
	// Reason says why the verdict is Unchecked.
	Reason string
}

// The default limits and thresholds of QuoteOptions.
const (
	// DefaultMinSimilarity is the similarity from which a passage is a
	// near match.
	DefaultMinSimilarity = 0.9
	// DefaultNearestSimilarity is the similarity from which a passage is
	// reported as the nearest to an absent quotation.
	DefaultNearestSimilarity = 0.5
	// DefaultMaxQuoteBytes caps the quotation; a longer one is Unchecked.
	DefaultMaxQuoteBytes = 4 << 10
	// DefaultMaxSourceBytes caps the source; only its first
	// DefaultMaxSourceBytes bytes are searched.
	DefaultMaxSourceBytes = 8 << 20
	// DefaultMaxEllipsisGap is the most source words an ellipsis stands for.
	DefaultMaxEllipsisGap = 300
	// DefaultMaxBracketWords is the most source words a [bracketed]
	// insertion stands for: a writer's "[that will]" may stand for a
	// clause ("of Treasury, along with the Office of Management and
	// Budget (OMB), will").
	DefaultMaxBracketWords = 15
	// DefaultMaxAlignCells bounds the word-by-word comparisons (quotation
	// words × source words) one match may make in searching, and again in
	// reading back the alignments it found.
	DefaultMaxAlignCells = 20_000_000
)

const (
	// minNearWords: a quotation of fewer words is exact or absent, never
	// near; short quoted strings are mostly terms and titles, where one word
	// changed is a different thing.
	minNearWords = 4
	// maxBracketBytes is the longest [insertion] read as one; a longer
	// bracket is punctuation.
	maxBracketBytes = 120
	// maxOccurrences bounds the occurrences of one piece of a quotation
	// kept for joining pieces across ellipses.
	maxOccurrences = 1000
	// maxSourceLimit keeps offsets within int32.
	maxSourceLimit = 1 << 30
)

// QuoteOptions are the thresholds and limits of quotation matching. A
// zero field takes its default (DefaultMinSimilarity and so on).
type QuoteOptions struct {
	MinSimilarity     float64 // a near match from here (DefaultMinSimilarity)
	NearestSimilarity float64 // an absent quotation's nearest passage from here, at most MinSimilarity
	MaxQuoteBytes     int     // a longer quotation is Unchecked
	MaxSourceBytes    int     // only the first MaxSourceBytes of a source are searched (at most 1 GiB)
	MaxEllipsisGap    int     // source words an ellipsis stands for
	MaxBracketWords   int     // source words a [bracketed] insertion stands for
	MaxAlignCells     int     // word comparisons in searching, and again in reading back
}

func (o QuoteOptions) withDefaults() QuoteOptions {
	if o.MinSimilarity <= 0 || o.MinSimilarity > 1 {
		o.MinSimilarity = DefaultMinSimilarity
	}
	if o.NearestSimilarity <= 0 || o.NearestSimilarity > o.MinSimilarity {
		o.NearestSimilarity = min(DefaultNearestSimilarity, o.MinSimilarity)
	}
	if o.MaxQuoteBytes <= 0 {
		o.MaxQuoteBytes = DefaultMaxQuoteBytes
	}
	if o.MaxSourceBytes <= 0 {
		o.MaxSourceBytes = DefaultMaxSourceBytes
	}
	o.MaxSourceBytes = min(o.MaxSourceBytes, maxSourceLimit)
	if o.MaxEllipsisGap <= 0 {
		o.MaxEllipsisGap = DefaultMaxEllipsisGap
	}
	if o.MaxBracketWords <= 0 {
		o.MaxBracketWords = DefaultMaxBracketWords
	}
	if o.MaxAlignCells <= 0 {
		o.MaxAlignCells = DefaultMaxAlignCells
	}
	return o
}

// MatchQuote looks for quote in source with the default options; see
// QuoteOptions.Match.
func MatchQuote(quote, source string) QuoteMatch {
	return QuoteOptions{}.Match(quote, source)
}

// Match looks for quote in source. Both are normalised (see Normalize)
// and compared word by word, so case, spacing, typographic quotes and
// dashes, and punctuation do not count. An ellipsis ("...", "…", ". . .",
// "[…]") splits the quotation into pieces that must appear in order, at
// most MaxEllipsisGap words apart; a [bracketed] insertion stands for up to
// MaxBracketWords words of the source, and brackets inside a word
// ("[t]he") are dropped. When the words are not all there, the passage
// most like the quotation is a near match if its similarity is at least
// MinSimilarity and the quotation has at least four words.
//
// The search is near-linear: only stretches of the source holding enough
// of the quotation's words to reach the threshold are compared word by
// word, and at most MaxAlignCells comparisons are made.
func (o QuoteOptions) Match(quote, source string) QuoteMatch {
	return o.MatchPrepared(quote, o.Prepare(source))
}

// Prepared is a source read once for many quotations: normalised and cut
// to MaxSourceBytes, which is most of what a match costs on a long page.
type Prepared struct {
	source    string
	norm      Text
	truncated bool
	max       int
}

// Prepare reads a source for MatchPrepared. Its options' MaxSourceBytes
// must be the matching options' too.
func (o QuoteOptions) Prepare(source string) *Prepared {
	o = o.withDefaults()
	p := &Prepared{max: o.MaxSourceBytes}
	if len(source) > o.MaxSourceBytes {
		cut := o.MaxSourceBytes
		for cut > 0 && !utf8.RuneStart(source[cut]) {
			cut--
		}
		source, p.truncated = source[:cut], true
	}
	p.source, p.norm = source, Normalize(source)
	return p
}

// Len returns the bytes of the source that were read.
func (p *Prepared) Len() int { return len(p.source) }

// MatchPrepared is Match against a prepared source.
func (o QuoteOptions) MatchPrepared(quote string, p *Prepared) QuoteMatch {
	o = o.withDefaults()
	none := QuoteMatch{Verdict: Unchecked, Start: -1, End: -1}
	if len(quote) > o.MaxQuoteBytes {
		none.Reason = fmt.Sprintf("the quotation is longer than %d bytes", o.MaxQuoteBytes)
		return none
	}
	qt := Normalize(quote)
	q := parseQuote(&qt, o.MaxBracketWords, false)
	if q.literals == 0 {
		none.Reason = "the quotation has no words"
		return none
	}
	source, st := p.source, &p.norm
	m := matcher{o: o, q: q, src: tokenize(st.String(), q.vocab), budget: o.MaxAlignCells, alignBudget: o.MaxAlignCells}
	res := m.run()
	if res.Verdict != Verbatim && q.suffixes {
		// "empower[s]": letters added to a word's end inflect the
		// source's word, which may have none.
		q2 := parseQuote(&qt, o.MaxBracketWords, true)
		m2 := matcher{o: o, q: q2, src: tokenize(st.String(), q2.vocab), budget: o.MaxAlignCells, alignBudget: o.MaxAlignCells}
		if res2 := m2.run(); res2.Verdict == Verbatim {
			return m2.report(res2, quote, &qt, source, st)
		}
	}
	if res.Verdict == Verbatim {
		return m.report(res, quote, &qt, source, st)
	}
	if p.truncated {
		none.Reason = fmt.Sprintf("the source is longer than %d bytes; only its start was searched", p.max)
		return none
	}
	if res.cut {
		none.Reason = "the source repeats the quotation's words too often to search it within the limit"
		return none
	}
	return m.report(res, quote, &qt, source, st)
}

// wildcard is the vocabulary id of a [bracketed] insertion.
const wildcard = -1

// quoteWord is a word of a quotation, or a wildcard.
type quoteWord struct {
	id         int32
	start, end int // in the original quotation
}

type parsedQuote struct {
	pieces   [][]quoteWord
	vocab    map[string]int32
	literals int
	// suffixes tells that a bracket ends a word ("work[ed]").
	suffixes bool
}

// parseQuote reads the normalised quotation into pieces of words. With
// dropSuffixes, letters bracketed at a word's end are left out
// ("empower[s]" is "empower").
func parseQuote(qt *Text, maxBracketWords int, dropSuffixes bool) parsedQuote {
	s, at, suffixes := dropInnerBrackets(qt.String(), dropSuffixes)
	q := parsedQuote{vocab: map[string]int32{}, suffixes: suffixes}
	var cur []quoteWord
	flush := func() {
		// Wildcards at the edges of a piece can always match nothing.
		for len(cur) > 0 && cur[0].id == wildcard {
			cur = cur[1:]
		}
		for len(cur) > 0 && cur[len(cur)-1].id == wildcard {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			q.pieces = append(q.pieces, cur)
		}
		cur = nil
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			e := wordEnd(s, i)
			w := s[i:e]
			id, ok := q.vocab[w]
			if !ok {
				id = int32(len(q.vocab))
				q.vocab[w] = id
			}
			qs, qe := qt.Source(at[i], at[e])
			cur = append(cur, quoteWord{id: id, start: qs, end: qe})
			q.literals++
			i = e
		case r == '.':
			if e := ellipsisEnd(s, i); e > 0 {
				flush()
				i = e
			} else {
				i++
			}
		case r == '[':
			k := closingBracket(s, i)
			switch {
			case k < 0:
				i++
			case ellipsisEnd(strings.TrimSpace(s[i+1:k]), 0) > 0:
				flush()
				i = k + 1
			default:
				qs, qe := qt.Source(at[i], at[k+1])
				cur = append(cur, quoteWord{id: wildcard, start: qs, end: qe})
				i = k + 1
			}
		default:
			i += size
		}
	}
	flush()
	return q
}

// dropInnerBrackets removes brackets that touch a word ("[t]he",
// "work[ed]"), which mark letters the writer changed, and returns the text
// with, for each of its bytes (and its end), the offset in s, and whether
// a bracket ended a word. With dropSuffixes, the letters of a bracket
// ending a word go too.
func dropInnerBrackets(s string, dropSuffixes bool) (string, []int, bool) {
	b := make([]byte, 0, len(s))
	at := make([]int, 0, len(s)+1)
	suffixes := false
	for i := 0; i < len(s); {
		if s[i] == '[' {
			if k := closingBracket(s, i); k > 0 && (wordBefore(s, i) || wordAt(s, k+1)) && ellipsisEnd(strings.TrimSpace(s[i+1:k]), 0) < 0 {
				suffix := wordBefore(s, i) && !wordAt(s, k+1)
				suffixes = suffixes || suffix
				if suffix && dropSuffixes {
					i = k + 1
					continue
				}
				for j := i + 1; j < k; j++ {
					b = append(b, s[j])
					at = append(at, j)
				}
				i = k + 1
				continue
			}
		}
		b = append(b, s[i])
		at = append(at, i)
		i++
	}
	at = append(at, len(s))
	return string(b), at, suffixes
}

// closingBracket returns the index of the "]" closing the "[" at i, or -1
// when there is none near or another "[" opens first.
func closingBracket(s string, i int) int {
	end := min(len(s), i+1+maxBracketBytes)
	for j := i + 1; j < end; j++ {
		switch s[j] {
		case ']':
			return j
		case '[':
			return -1
		}
	}
	return -1
}

// ellipsisEnd returns the end of an ellipsis ("...", ". . .") starting at
// i, or -1.
func ellipsisEnd(s string, i int) int {
	dots, j := 0, i
	for j < len(s) {
		if s[j] == '.' {
			dots++
			j++
		} else if s[j] == ' ' && dots > 0 && j+1 < len(s) && s[j+1] == '.' {
			j++
		} else {
			break
		}
	}
	if dots < 3 {
		return -1
	}
	return j
}

func wordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && isWordRune(r)
}

func wordAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && isWordRune(r)
}

// wordBytes marks the ASCII bytes that make up words: letters, digits and
// the signs that belong to a figure.
var wordBytes = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '%' || c == '$'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return wordBytes[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.Sc, r)
}

// wordEnd returns the end of the word starting at i. An apostrophe inside
// a word ("don't") and a point, comma or slash between digits ("3.5",
// "1,000", "1/2") belong to it; hyphens and other signs do not, so
// "well-known" and "well known" read alike.
func wordEnd(s string, i int) int {
	var prev rune
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r < utf8.RuneSelf {
			if wordBytes[r] {
				prev = r
				i++
				continue
			}
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isWordRune(r) {
			prev = r
			i += size
			continue
		}
		if i+size < len(s) && (r == '\'' || r == '.' || r == ',' || r == '/') {
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if r == '\'' && isWordRune(next) || isDigitRune(prev) && isDigitRune(next) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

func isDigitRune(r rune) bool { return '0' <= r && r <= '9' }

// tokens are the words of a normalised source: where each starts and
// which word of the quotation it is (-1: none).
type tokens struct {
	start []int32
	id    []int32
}

// end returns the end of the i-th word of s.
func (t *tokens) end(s string, i int) int { return wordEnd(s, int(t.start[i])) }

// tokenize splits a normalised text into words, naming those of vocab.
func tokenize(s string, vocab map[string]int32) tokens {
	// Most words are not the quotation's: a word whose length and first,
	// middle and last bytes no word of the quotation has is not looked up.
	var seen [1 << 12]bool
	for w := range vocab {
		seen[wordKey(w)] = true
	}
	var t tokens
	n := len(s)/4 + 1
	t.start, t.id = make([]int32, 0, n), make([]int32, 0, n)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && !wordBytes[c] {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				i += size
				continue
			}
		}
		e := wordEnd(s, i)
		id := int32(-1)
		if seen[wordKey(s[i:e])] {
			if v, ok := vocab[s[i:e]]; ok {
				id = v
			}
		}
		t.start = append(t.start, int32(i))
		t.id = append(t.id, id)
		i = e
	}
	return t
}

// wordKey is a cheap hash of a word, for tokenize's filter.
func wordKey(w string) int {
	return (len(w)*0x9e5 ^ int(w[0])<<5 ^ int(w[len(w)/2])<<2 ^ int(w[len(w)-1])*7) & (1<<12 - 1)
}

// found is a passage of the source matching a piece of the quotation.
type found struct {
	piece               int
	from, to            int // source words [from, to)
	same, qOnly, sOnly  int
	runs                []diffRun
	prev                *found // the match of the piece before, across an ellipsis
	totSame, totQ, totS int    // counts over this piece and those before it
}

// diffRun is a difference: quotation words [q0, q1) of the piece against
// source words [s0, s1).
type diffRun struct{ q0, q1, s0, s1 int }

func (f *found) similarity() float64 {
	return dice(f.totSame, f.totQ, f.totS)
}

func dice(same, qOnly, sOnly int) float64 {
	if same == 0 {
		return 0
	}
	return float64(2*same) / float64(2*same+qOnly+sOnly)
}

type matcher struct {
	o      QuoteOptions
	q      parsedQuote
	src    tokens
	budget int // comparisons left; negative once exceeded
	// alignBudget bounds the alignments read back, apart, so that a
	// search stopped by budget still reports what it found.
	alignBudget int
	mat         []int32 // align's matrix, kept for the next alignment
	ring        []int32 // compare's columns, kept likewise
}

// result is the best chain of piece matches and its verdict.
type result struct {
	Verdict Verdict
	last    *found
	// cut says the search for exact and near matches ran out of budget,
	// so that Absent is not a finding.
	cut bool
}

func (m *matcher) run() result {
	// Verbatim: every piece found as it is, in order.
	chains := make([][]found, len(m.q.pieces))
	limit := maxOccurrences
	if len(m.q.pieces) == 1 {
		limit = 1 // nothing to join: the first occurrence will do
	}
	for k, p := range m.q.pieces {
		chains[k] = m.find(k, p, 1, limit, false)
	}
	if last := m.chain(chains); last != nil {
		return result{Verdict: Verbatim, last: last}
	}
	// Near: the pieces of four words or more may differ.
	if m.q.literals >= minNearWords {
		for k, p := range m.q.pieces {
			if len(chains[k]) == 0 && literalCount(p) >= minNearWords {
				chains[k] = m.find(k, p, m.o.MinSimilarity, maxOccurrences, len(m.q.pieces) == 1)
			}
		}
		if last := m.chain(chains); last != nil && last.similarity() >= m.o.MinSimilarity {
			return result{Verdict: Near, last: last}
		}
		cut := m.budget < 0
		// The passage nearest to the longest piece, as evidence.
		k := 0
		for i, p := range m.q.pieces {
			if literalCount(p) > literalCount(m.q.pieces[k]) {
				k = i
			}
		}
		var best *found
		for _, f := range m.find(k, m.q.pieces[k], m.o.NearestSimilarity, maxOccurrences, true) {
			if best == nil || f.similarity() > best.similarity() {
				best = &f
			}
		}
		return result{Verdict: Absent, last: best, cut: cut}
	}
	return result{Verdict: Absent, cut: m.budget < 0}
}

func literalCount(p []quoteWord) int {
	n := 0
	for _, w := range p {
		if w.id != wildcard {
			n++
		}
	}
	return n
}

// chain joins matches of consecutive pieces no more than MaxEllipsisGap
// words apart, and returns the last match of the most similar complete
// chain, or nil.
func (m *matcher) chain(chains [][]found) *found {
	var reach []*found
	for i := range chains[0] {
		f := &chains[0][i]
		f.prev, f.totSame, f.totQ, f.totS = nil, f.same, f.qOnly, f.sOnly
		reach = append(reach, f)
	}
	for k := 1; k < len(chains) && len(reach) > 0; k++ {
		sort.Slice(reach, func(a, b int) bool { return reach[a].to < reach[b].to })
		var next []*found
		for i := range chains[k] {
			f := &chains[k][i]
			// The closest match of the piece before that ends before f.
			j := sort.Search(len(reach), func(j int) bool { return reach[j].to > f.from }) - 1
			if j < 0 || f.from-reach[j].to > m.o.MaxEllipsisGap {
				continue
			}
			p := reach[j]
			f.prev = p
			f.totSame, f.totQ, f.totS = p.totSame+f.same, p.totQ+f.qOnly, p.totS+f.sOnly
			next = append(next, f)
		}
		reach = next
	}
	var best *found
	for _, f := range reach {
		if best == nil || f.similarity() > best.similarity() || f.similarity() == best.similarity() && f.from < best.from {
			best = f
		}
	}
	return best
}

// find returns the passages of the source matching piece p (the k-th)
// with a similarity of at least t, at most limit of them: every exact
// occurrence when t is 1, else the best passage of each stretch of the
// source worth comparing (with bestOnly, of those better than the ones
// before: the last is the best).
func (m *matcher) find(k int, p []quoteWord, t float64, limit int, bestOnly bool) []found {
	lits := literalCount(p)
	wild := len(p) - lits
	// A passage W with similarity ≥ t has at least minSame of the piece's
	// words and at most maxLen words (plus what wildcards stand for).
	minSame := int(math.Ceil(t*float64(lits)/(2-t) - 1e-9))
	maxLen := int(math.Floor(float64(lits)*(2-t)/t+1e-9)) + wild*m.o.MaxBracketWords
	minSame = max(minSame, 1)

	mult := make([]int32, len(m.q.vocab))
	for _, w := range p {
		if w.id != wildcard {
			mult[w.id]++
		}
	}
	if m.budget -= len(m.src.id); m.budget < 0 {
		return nil
	}
	n := 0
	for _, id := range m.src.id {
		if id >= 0 && mult[id] > 0 {
			n++
		}
	}
	pos := make([]int32, 0, n) // where the piece's words are in the source
	for i, id := range m.src.id {
		if id >= 0 && mult[id] > 0 {
			pos = append(pos, int32(i))
		}
	}
	// Slide a window of maxLen words from each such word, counting the
	// piece's words in it (each at most as often as the piece has it):
	// stretches reaching minSame are compared word by word.
	cnt := make([]int32, len(m.q.vocab))
	var out []found
	score, b := 0, 0
	spanFrom, spanTo := -1, -1
	// A long stretch is compared in parts, so that the search can stop
	// once enough is found or the budget is spent; parts overlap by a
	// passage's length.
	maxSpan := 16*maxLen + 4096
	// Only the best passage is wanted: a stretch is read back only when
	// its lowest alignment cost beats the best read back so far.
	var bound *int32
	if bestOnly {
		none := int32(math.MaxInt32)
		bound = &none
	}
	for a := range pos {
		if len(out) >= limit || m.budget < 0 {
			return out
		}
		for b < len(pos) && int(pos[b]) < int(pos[a])+maxLen {
			id := m.src.id[pos[b]]
			cnt[id]++
			if cnt[id] <= mult[id] {
				score++
			}
			b++
		}
		if score >= minSame {
			from, to := int(pos[a]), min(int(pos[a])+maxLen, len(m.src.id))
			if from <= spanTo && spanTo-spanFrom < maxSpan {
				spanTo = max(spanTo, to)
			} else {
				if spanFrom >= 0 {
					out = m.compare(out, k, p, spanFrom, spanTo, t, maxLen, limit, bound)
				}
				spanFrom, spanTo = from, to
			}
		}
		id := m.src.id[pos[a]]
		if cnt[id] <= mult[id] {
			score--
		}
		cnt[id]--
	}
	if spanFrom >= 0 && len(out) < limit {
		out = m.compare(out, k, p, spanFrom, spanTo, t, maxLen, limit, bound)
	}
	return out
}

// compare aligns piece p with source words [from, to) and appends what
// matches: for t = 1 every exact occurrence, else the best passage if its
// similarity reaches t.
func (m *matcher) compare(out []found, k int, p []quoteWord, from, to int, t float64, maxLen, limit int, bound *int32) []found {
	lits := literalCount(p)
	if len(out) >= limit || m.budget < 0 {
		return out
	}
	rows := len(p) + 1
	lastEnd := -1 // parts of a stretch overlap: an occurrence is kept once
	if len(out) > 0 {
		lastEnd = out[len(out)-1].to
	}
	// Distances column by column, keeping as many columns as a wildcard
	// reaches back.
	keep := m.o.MaxBracketWords + 1
	if cap(m.ring) < keep*rows {
		m.ring = make([]int32, keep*rows)
	}
	ring := m.ring[:keep*rows] // each column is written before it is read
	col := func(c int) []int32 { i := c % keep; return ring[i*rows : (i+1)*rows] }
	edit := editCost(p)
	firstColumn(p, edit, col(0))
	bestEnd, best := -1, int32(math.MaxInt32)
	var ends []int
	for c := 1; c <= to-from && len(out)+len(ends) < limit; c++ {
		if m.budget -= rows; m.budget < 0 {
			break // what was found so far stands
		}
		cur := col(c)
		step(p, m.o.MaxBracketWords, edit, m.src.id[from+c-1], c, col, cur)
		d := cur[rows-1]
		if t == 1 && d == -int32(lits) && from+c > lastEnd { // every word shared, none dropped or added
			ends = append(ends, from+c)
		}
		// The passage ends at the lowest distance; one word for another at
		// the end costs as much as a word dropped, and is kept as a
		// difference, as it is at the start.
		if d < best || d == best && bestEnd == from+c-1 {
			best, bestEnd = d, from+c
		}
	}
	if t < 1 {
		ends = []int{bestEnd}
		if bound != nil && best >= *bound {
			return out // no better than a passage kept before
		}
	}
	for _, end := range ends {
		if end <= lastEnd || len(out) >= limit {
			break
		}
		start := max(from, end-maxLen)
		if m.alignBudget -= rows * (end - start + 1); m.alignBudget < 0 {
			break
		}
		f := m.align(p, start, end)
		f.piece = k
		if bound != nil {
			// The passage of lowest cost is the one judged, kept or not.
			*bound = best
		}
		if f.same == 0 || dice(f.same, f.qOnly, f.sOnly) < t {
			continue
		}
		out = append(out, f)
	}
	return out
}

// editCost is what one word dropped, added or replaced costs in the
// distances, while a shared word earns 1: more than the most words a piece
// can share, so that the fewest edits win and, among them, the most shared
// words.
func editCost(p []quoteWord) int32 { return int32(len(p) + 1) }

func firstColumn(p []quoteWord, edit int32, cur []int32) {
	cur[0] = 0
	for i, w := range p {
		cur[i+1] = cur[i]
		if w.id != wildcard {
			cur[i+1] += edit
		}
	}
}

// step computes column c of the distances of piece p against the source:
// cur[i] is the cost of turning p[:i] into the best passage of the source
// ending at source word c: a word-level Levenshtein distance (words
// dropped, added or replaced) counted in units of edit, less one per word
// shared; a wildcard matches up to maxWild words for free. col(c-k)
// returns an earlier column.
func step(p []quoteWord, maxWild int, edit, sid int32, c int, col func(int) []int32, cur []int32) {
	prev := col(c - 1)
	cur[0] = 0 // a passage may start anywhere
	for i := 1; i < len(cur); i++ {
		w := p[i-1]
		v := prev[i] + edit // a source word the quotation does not have
		if w.id == wildcard {
			v = min(v, cur[i-1])
			for k := 1; k <= maxWild && k <= c; k++ {
				v = min(v, col(c - k)[i-1])
			}
		} else {
			v = min(v, cur[i-1]+edit) // a quotation word the source does not have
			if w.id == sid {
				v = min(v, prev[i-1]-1)
			} else {
				v = min(v, prev[i-1]+edit) // one word for another
			}
		}
		cur[i] = v
	}
}

// align aligns piece p with the best passage ending at source word end
// and starting at or after from, and reads the alignment back.
func (m *matcher) align(p []quoteWord, from, end int) found {
	rows, cols := len(p)+1, end-from+1
	if cap(m.mat) < rows*cols {
		m.mat = make([]int32, rows*cols)
	}
	mat := m.mat[:rows*cols] // every cell is written before it is read
	col := func(c int) []int32 { return mat[c*rows : (c+1)*rows] }
	edit := editCost(p)
	firstColumn(p, edit, col(0))
	for c := 1; c < cols; c++ {
		step(p, m.o.MaxBracketWords, edit, m.src.id[from+c-1], c, col, col(c))
	}
	type op struct {
		kind byte // '=' same, 'q' quotation only, 's' source only, '*' wildcard
		q, s int
	}
	var ops []op
	i, c := len(p), cols-1
	for i > 0 {
		w, v := p[i-1], col(c)[i]
		switch {
		case w.id != wildcard && c > 0 && m.src.id[from+c-1] == w.id && col(c - 1)[i-1]-1 == v:
			ops = append(ops, op{'=', i - 1, from + c - 1})
			i, c = i-1, c-1
			continue
		case w.id != wildcard && c > 0 && col(c - 1)[i-1]+edit == v:
			ops = append(ops, op{'q', i - 1, -1}, op{'s', -1, from + c - 1})
			i, c = i-1, c-1
			continue
		case w.id != wildcard && col(c)[i-1]+edit == v:
			ops = append(ops, op{'q', i - 1, -1})
			i--
			continue
		case w.id == wildcard:
			k := 0
			for k <= m.o.MaxBracketWords && k <= c && col(c - k)[i-1] != v {
				k++
			}
			if k <= m.o.MaxBracketWords && k <= c {
				ops = append(ops, op{'*', i - 1, -1})
				i, c = i-1, c-k
				continue
			}
		}
		// A source word the quotation does not have.
		ops = append(ops, op{'s', -1, from + c - 1})
		c--
	}
	f := found{from: from + c, to: end}
	var run *diffRun
	for j := len(ops) - 1; j >= 0; j-- {
		o := ops[j]
		switch o.kind {
		case '=':
			f.same++
		case 'q':
			f.qOnly++
		case 's':
			f.sOnly++
		}
		if o.kind != 'q' && o.kind != 's' {
			run = nil
			continue
		}
		if run == nil {
			f.runs = append(f.runs, diffRun{q0: -1, s0: -1})
			run = &f.runs[len(f.runs)-1]
		}
		if o.kind == 'q' {
			if run.q0 < 0 {
				run.q0 = o.q
			}
			run.q1 = o.q + 1
		} else {
			if run.s0 < 0 {
				run.s0 = o.s
			}
			run.s1 = o.s + 1
		}
	}
	f.totSame, f.totQ, f.totS = f.same, f.qOnly, f.sOnly
	return f
}

// report turns a result into a QuoteMatch with offsets and words of the
// original texts.
func (m *matcher) report(res result, quote string, qt *Text, source string, st *Text) QuoteMatch {
	out := QuoteMatch{Verdict: res.Verdict, Start: -1, End: -1}
	if res.last == nil {
		return out
	}
	first := res.last
	for first.prev != nil {
		first = first.prev
	}
	out.Start, _ = st.Source(int(m.src.start[first.from]), int(m.src.start[first.from]))
	_, out.End = st.Source(int(m.src.start[res.last.to-1]), m.src.end(st.String(), res.last.to-1))
	out.Similarity = res.last.similarity()
	if res.Verdict == Verbatim {
		out.Similarity = 1
		return out
	}
	var chain []*found
	for f := res.last; f != nil; f = f.prev {
		chain = append(chain, f)
	}
	for j := len(chain) - 1; j >= 0; j-- {
		f := chain[j]
		p := m.q.pieces[f.piece]
		for _, r := range f.runs {
			var d Diff
			if r.q0 >= 0 {
				d.Quote = quote[p[r.q0].start:p[r.q1-1].end]
			}
			if r.s0 >= 0 {
				s, _ := st.Source(int(m.src.start[r.s0]), int(m.src.start[r.s0]))
				_, e := st.Source(int(m.src.start[r.s1-1]), m.src.end(st.String(), r.s1-1))
				d.Source = source[s:e]
			}
			out.Diffs = append(out.Diffs, d)
		}
	}
	return out
}
