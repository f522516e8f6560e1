package verify

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text is a text normalised for matching, with the way back to the text it
// came from, so that what is found in it can be shown in the real source.
type Text struct {
	s string
	// segs cut the normalised text into stretches, in order; the last one
	// is a sentinel at the end of both texts. A copied stretch maps offset
	// for offset; any other stretch came from its source bytes as a whole
	// (a ligature, a run of spaces, a dropped soft hyphen) and maps only
	// its ends.
	segs []segment
	// srcLen is the length of the source text.
	srcLen int
}

type segment struct {
	norm, src int
	copied    bool
}

// String returns the normalised text.
func (t *Text) String() string { return t.s }

// Source returns the span of the original text that the normalised span
// [start, end) came from. A span that starts or ends inside a stretch
// that was rewritten as a whole (a ligature, a collapsed run of spaces)
// widens to cover it, so the result always lies on rune boundaries of the
// original when start and end lie on rune boundaries of the normalised
// text. Offsets out of range are clamped.
func (t *Text) Source(start, end int) (int, int) {
	start = min(max(start, 0), len(t.s))
	end = min(max(end, start), len(t.s))
	s := t.sourceStart(start)
	if end == start {
		return s, s
	}
	return s, max(t.sourceEnd(end), s)
}

func (t *Text) sourceStart(i int) int {
	if len(t.segs) == 0 {
		return 0
	}
	// The last stretch starting at or before i: zero-length stretches
	// (dropped characters) before i are passed over.
	k := sort.Search(len(t.segs), func(k int) bool { return t.segs[k].norm > i }) - 1
	k = max(k, 0)
	g := t.segs[k]
	if g.copied {
		return g.src + i - g.norm
	}
	if i == g.norm {
		return g.src
	}
	return g.src // inside a stretch rewritten as a whole: its start
}

func (t *Text) sourceEnd(i int) int {
	if len(t.segs) == 0 {
		return 0
	}
	// The stretch holding byte i-1.
	k := sort.Search(len(t.segs), func(k int) bool { return t.segs[k].norm >= i }) - 1
	k = max(k, 0)
	g := t.segs[k]
	if g.copied {
		return g.src + i - g.norm
	}
	if k+1 < len(t.segs) {
		return t.segs[k+1].src
	}
	return t.srcLen
}

// Normalize returns s normalised for matching quotations and figures:
//
//   - Unicode NFKC, which also spells out ligatures ("ﬁ" → "fi"), full-width
//     forms, superscript digits, "…" as "..." and vulgar fractions ("½" →
//     "1⁄2");
//   - then the fraction slash "⁄" becomes "/", and a fraction after a digit
//     is set apart from it ("1½" → "1 1/2", not "11/2");
//   - curly and angled quotes become ' and ", every dash and the minus sign
//     become "-";
//   - every kind of space, line break and control character becomes one
//     space, and runs of them collapse to one;
//   - invisible format characters (the soft hyphen, zero-width spaces and
//     joiners, direction marks, the byte order mark) are dropped;
//   - letters are lower-cased (final sigma folds to sigma).
//
// It runs in time linear in len(s).
func Normalize(s string) Text {
	n := normalizer{src: s}
	n.buf = make([]byte, 0, len(s)+len(s)/16)
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
			c = asciiFold[c]
			if c == ' ' && n.spaceBefore() {
				n.rewritten(i, nil) // a run of spaces collapses
			} else {
				if !n.open {
					n.copied(i)
				}
				n.buf = append(n.buf, c)
			}
			i++
			continue
		}
		// A stretch of non-ASCII text, up to an ASCII byte followed by
		// another (an ASCII character never composes with what comes
		// before it, and one followed by ASCII composes with nothing).
		j := i + 1
		for j < len(s) && !(s[j] < utf8.RuneSelf && (j+1 == len(s) || s[j+1] < utf8.RuneSelf)) {
			j++
		}
		n.unicode(i, j)
		i = j
	}
	n.segs = append(n.segs, segment{norm: len(n.buf), src: len(s)})
	return Text{s: string(n.buf), segs: n.segs, srcLen: len(s)}
}

type normalizer struct {
	src     string
	buf     []byte
	segs    []segment
	open    bool // the last stretch is a copied one
	scratch []byte
}

// asciiFold is what each ASCII character becomes: capitals lower-cased,
// control characters spaces.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c + 'a' - 'A')
		case c < ' ' || c == 0x7f:
			t[c] = ' '
		default:
			t[c] = byte(c)
		}
	}
	return t
}()

func (n *normalizer) spaceBefore() bool {
	return len(n.buf) > 0 && n.buf[len(n.buf)-1] == ' '
}

// copied opens a copied stretch at source offset i unless one is open.
func (n *normalizer) copied(i int) {
	if !n.open {
		n.segs = append(n.segs, segment{norm: len(n.buf), src: i, copied: true})
		n.open = true
	}
}

// rewritten records that the source bytes from i up to the next stretch
// became out as a whole.
func (n *normalizer) rewritten(i int, out []byte) {
	n.segs = append(n.segs, segment{norm: len(n.buf), src: i})
	n.open = false
	n.buf = append(n.buf, out...)
}

// unicode normalises s[i:j], one NFKC segment (a character with its
// combining marks) at a time, so each maps back to its own source bytes.
func (n *normalizer) unicode(i, j int) {
	var it norm.Iter
	it.InitString(norm.NFKC, n.src[i:j])
	from := i
	var seg []byte // NFKC's output for the source bytes from "from" on
	for !it.Done() {
		seg = append(seg, it.Next()...)
		to := i + it.Pos()
		if to == from && !it.Done() {
			continue // one character decomposed into several segments: keep them whole
		}
		orig := n.src[from:to]
		out := n.scratch[:0]
		if bytesContainRune(seg, '⁄') && !strings.ContainsRune(orig, '⁄') && n.lastIsDigit() {
			out = append(out, ' ') // "1½" reads 1 1/2
		}
		for k := 0; k < len(seg); {
			r, size := utf8.DecodeRune(seg[k:])
			k += size
			out = foldRune(out, r, n.spaceBefore() && len(out) == 0 || len(out) > 0 && out[len(out)-1] == ' ')
		}
		n.scratch = out
		if string(out) == orig || len(out) == len(orig) && utf8.RuneCount(out) == 1 && utf8.RuneCountInString(orig) == 1 {
			n.copied(from)
			n.buf = append(n.buf, out...)
		} else {
			n.rewritten(from, out)
		}
		from, seg = to, seg[:0]
	}
}

func (n *normalizer) lastIsDigit() bool {
	return len(n.buf) > 0 && '0' <= n.buf[len(n.buf)-1] && n.buf[len(n.buf)-1] <= '9'
}

func bytesContainRune(b []byte, r rune) bool {
	for _, c := range string(b) {
		if c == r {
			return true
		}
	}
	return false
}

// foldRune appends what r becomes after NFKC; afterSpace says whether the
// text so far ends with a space, which absorbs another.
func foldRune(out []byte, r rune, afterSpace bool) []byte {
	switch r {
	case '‘', '’', '‚', '‛', '‹', '›', '′', '‵':
		return append(out, '\'')
	case '“', '”', '„', '‟', '«', '»', '″', '‶':
		return append(out, '"')
	case '−', '⁃': // minus sign, hyphen bullet
		return append(out, '-')
	case '⁄', '∕': // fraction slash, division slash
		return append(out, '/')
	case 'ς':
		return utf8.AppendRune(out, 'σ')
	}
	switch {
	case r < utf8.RuneSelf:
		c := byte(r)
		if c = asciiFold[c]; c == ' ' && afterSpace {
			return out
		}
		return append(out, c)
	case unicode.Is(unicode.Pd, r):
		return append(out, '-')
	case unicode.IsSpace(r), unicode.Is(unicode.Zs, r), unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r), unicode.IsControl(r):
		if afterSpace {
			return out
		}
		return append(out, ' ')
	case unicode.Is(unicode.Cf, r):
		return out
	}
	return utf8.AppendRune(out, unicode.ToLower(r))
}
