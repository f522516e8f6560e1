package eval

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Edit replaces the bytes [Start, End) of a text with New.
type Edit struct {
	Start, End int
	New        string
}

// RemoveAttribution returns the edits that take attributions out of one
// paragraph the way a writer cutting "he said" would, for measuring how
// many of the quotations left without a speaker unattributed-quote finds.
// dels are the gold Source and Cue spans to remove (those outside para
// are ignored); cueStarts marks where a cue begins, for the "that" rule.
//
// Exactly:
//  1. Spans that touch or are separated only by spaces and commas are
//     merged (callers join an attribution's source and cue, and the words
//     between them, when no content lies between: "Smith also said").
//  2. Each merged span grows over the spaces around it, and over a "that"
//     right after it ("said that …").
//  3. The join is tidied by what is left on either side:
//     - `"…," ⟨cut⟩.` and `"…," ⟨cut⟩, "…"` become `"…."` and `"…." "…"`:
//     the comma inside the closing mark turns into the full stop and the
//     orphaned stop or comma goes;
//     - `X, ⟨cut⟩, Y` becomes `X Y` (a parenthetical "he said");
//     - `X, ⟨cut⟩.` becomes `X.`;
//     - at the start of a paragraph or sentence the cut takes a leading
//     comma or colon after it with it (`He said: "…"` → `"…"`,
//     `According to X, "…"` → `"…"`) and an ASCII lower-case letter
//     that now starts the sentence is capitalised;
//     - otherwise the cut becomes one space.
//
// Words outside the gold spans stay (`told reporters` leaves `reporters`).
func RemoveAttribution(text []byte, para Span, dels []Span) []Edit {
	var spans []Span
	for _, d := range dels {
		d.Start, d.End = max(d.Start, para.Start), min(d.End, para.End)
		if d.Start < d.End {
			spans = append(spans, d)
		}
	}
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	var merged []Span
	for _, s := range spans {
		if n := len(merged); n > 0 && onlySpacesCommas(text[min(merged[n-1].End, s.Start):s.Start]) {
			merged[n-1].End = max(merged[n-1].End, s.End)
			continue
		}
		merged = append(merged, s)
	}

	var edits []Edit
	last := para.Start
	for _, s := range merged {
		if s.End <= last {
			continue
		}
		a, b := s.Start, s.End
		for a > max(para.Start, last) && (text[a-1] == ' ' || text[a-1] == '\t') {
			a--
		}
		b = skipSpaces(text, b, para.End)
		if w := b + len("that"); w < para.End && bytes.EqualFold(text[b:w], []byte("that")) && (text[w] == ' ' || text[w] == '\t') {
			b = skipSpaces(text, w, para.End)
		}
		if a < last {
			a = last
		}
		// Tidy only within what earlier cuts left alone.
		left := text[last:a]
		atStart := sentenceStart(text[para.Start:a])
		var next byte
		if b < para.End {
			next = text[b]
		}
		commaQuote := commaBeforeClosingMark(text, last, a)
		switch {
		case commaQuote >= 0 && (next == '.' || next == ',' || next == 0):
			edits = append(edits, Edit{commaQuote, commaQuote + 1, "."})
			if next == 0 {
				edits = append(edits, Edit{a, b, ""})
			} else {
				end := skipSpaces(text, b+1, para.End)
				sep := " "
				if end == para.End {
					sep = ""
				}
				edits = append(edits, Edit{a, end, sep})
			}
		case len(left) > 0 && left[len(left)-1] == ',' && next == ',':
			edits = append(edits, Edit{a - 1, skipSpaces(text, b+1, para.End), " "})
		case len(left) > 0 && left[len(left)-1] == ',' && (next == '.' || next == 0):
			edits = append(edits, Edit{a - 1, b, ""})
		case atStart && (next == ',' || next == ':'):
			end := skipSpaces(text, b+1, para.End)
			edits = append(edits, startEdit(text, a, end, para))
		case atStart:
			edits = append(edits, startEdit(text, a, b, para))
		case next == '.' || next == ',' || next == ';' || next == ':' || next == '!' || next == '?' || next == 0:
			edits = append(edits, Edit{a, b, ""})
		default:
			edits = append(edits, Edit{a, b, " "})
		}
		last = b
		if e := edits[len(edits)-1]; e.End > last {
			last = e.End
		}
	}
	return edits
}

// startEdit cuts [a, end) at the start of a sentence, capitalising an
// ASCII letter that now begins it.
func startEdit(text []byte, a, end int, para Span) Edit {
	sep := " "
	if a == para.Start {
		sep = ""
	}
	if end < para.End && text[end] >= 'a' && text[end] <= 'z' {
		return Edit{a, end + 1, sep + string(unicode.ToUpper(rune(text[end])))}
	}
	return Edit{a, end, sep}
}

func skipSpaces(text []byte, i, end int) int {
	for i < end && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

func onlySpacesCommas(b []byte) bool {
	return len(bytes.Trim(b, " \t,")) == 0
}

// sentenceStart reports whether text ends where a sentence may begin: it
// is empty, or ends with . ! ? (or one inside a closing mark).
func sentenceStart(text []byte) bool {
	t := bytes.TrimRight(text, " \t")
	if len(t) == 0 {
		return true
	}
	r, size := utf8.DecodeLastRune(t)
	if r == '"' || r == '”' || r == '’' || r == ')' {
		r, _ = utf8.DecodeLastRune(t[:len(t)-size])
	}
	return r == '.' || r == '!' || r == '?'
}

// commaBeforeClosingMark returns the offset of the comma in `,"` or `,”`
// ending text[start:a] (a single closing mark may sit between: `,’”`), or
// -1.
func commaBeforeClosingMark(text []byte, start, a int) int {
	t := text[start:a]
	r, size := utf8.DecodeLastRune(t)
	if r != '"' && r != '”' {
		return -1
	}
	t = t[:len(t)-size]
	if r, size := utf8.DecodeLastRune(t); r == '\'' || r == '’' {
		t = t[:len(t)-size]
	}
	if len(t) > 0 && t[len(t)-1] == ',' {
		return start + len(t) - 1
	}
	return -1
}

// ApplyEdits applies non-overlapping edits sorted by Start and returns the
// new text with a function mapping an old offset outside every edit (or at
// an edit's bounds) to the new text.
func ApplyEdits(text []byte, edits []Edit) ([]byte, func(int) int) {
	var out []byte
	prev := 0
	for _, e := range edits {
		out = append(out, text[prev:e.Start]...)
		out = append(out, e.New...)
		prev = e.End
	}
	out = append(out, text[prev:]...)
	mapOff := func(x int) int {
		shift := 0
		for _, e := range edits {
			if e.End <= x && e.Start < x || e.End <= x && e.Start == e.End {
				shift += len(e.New) - (e.End - e.Start)
			}
		}
		return x + shift
	}
	return out, mapOff
}
