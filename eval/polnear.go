package eval

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// errHeldOut is returned for any attempt to use PolNeAR's test split.
var errHeldOut = errors.New("PolNeAR's data/test is held out for independent evaluation: the harness never opens, lists or scores it; use train or dev")

// polnearPath joins a path relative to the PolNeAR folder, refusing
// anything outside data/train and data/dev: data/test above all.
func polnearPath(root, rel string) (string, error) {
	clean := path.Clean(filepath.ToSlash(rel))
	if clean == "data/test" || strings.HasPrefix(clean, "data/test/") {
		return "", errHeldOut
	}
	if !strings.HasPrefix(clean, "data/train/") && !strings.HasPrefix(clean, "data/dev/") {
		return "", fmt.Errorf("PolNeAR path %q is outside data/train and data/dev", rel)
	}
	return filepath.Join(root, filepath.FromSlash(clean)), nil
}

// checkSplit accepts the PolNeAR splits the harness may read.
func checkSplit(split string) error {
	switch split {
	case "train", "dev":
		return nil
	case "test":
		return errHeldOut
	}
	return fmt.Errorf("unknown PolNeAR split %q: use train or dev", split)
}

// Attribution is one gold PolNeAR attribution, its spans in bytes of the
// normalised text (see PolnearDoc).
type Attribution struct {
	Source, Cue, Content []Span
	CueText              string
}

// PolnearDoc is one PolNeAR article read for scoring. Text is the article
// with two changes that give citelint the article as published. NYT
// articles in PolNeAR write quotation marks as two apostrophes (”) — an
// artefact of the corpus export — and Text has each such pair as the curly
// mark the published article had (“ after a space, an opening bracket or
// the start of a line; ” otherwise). And some publishers' files separate
// paragraphs by a single line break: Text separates every paragraph by a
// blank line, as plain text for citelint does. Raw is the file as read; RawToText maps its byte offsets
// into Text.
type PolnearDoc struct {
	Name         string // data/<split>/text/<file>.txt
	Raw, Text    []byte
	RawToText    []int
	Attributions []Attribution
	// AnnFile is the annotation file used: when an article was annotated
	// more than once, the first by name.
	AnnFile string
}

// annName matches an annotation file: the text's name, an underscore and
// the annotator's hash.
var annName = regexp.MustCompile(`^(.+)_[0-9a-f]+\.ann$`)

// PolnearDocs lists the articles of a split that have annotations, sorted
// by name, without reading them.
func PolnearDocs(root, split string) ([]string, error) {
	if err := checkSplit(split); err != nil {
		return nil, err
	}
	dir, err := polnearPath(root, "data/"+split+"/attributions/")
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("PolNeAR %s annotations: %w (run scripts/polnear.sh, or set CITELINT_POLNEAR)", split, err)
	}
	var names []string
	for _, e := range entries {
		if m := annName.FindStringSubmatch(e.Name()); m != nil {
			name := "data/" + split + "/text/" + m[1] + ".txt"
			if len(names) == 0 || names[len(names)-1] != name {
				names = append(names, name)
			}
		}
	}
	return slices.Compact(names), nil
}

// ReadPolnearDoc reads an article (data/<split>/text/<name>.txt) and its
// first annotation file.
func ReadPolnearDoc(root, name string) (*PolnearDoc, error) {
	textPath, err := polnearPath(root, name)
	if err != nil {
		return nil, err
	}
	raw, err := readBounded(textPath)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("%s is not UTF-8", name)
	}
	d := &PolnearDoc{Name: name, Raw: raw}
	d.Text, d.RawToText = normaliseText(raw)

	dir := path.Dir(path.Dir(name)) + "/attributions"
	base := strings.TrimSuffix(path.Base(name), ".txt")
	annDir, err := polnearPath(root, dir+"/")
	if err != nil {
		return nil, err
	}
	matches, err := filepath.Glob(filepath.Join(annDir, globEscape(base)+"_*.ann"))
	if err != nil {
		return nil, err
	}
	slices.Sort(matches)
	for _, m := range matches {
		if sub := annName.FindStringSubmatch(filepath.Base(m)); sub != nil && sub[1] == base {
			d.AnnFile = m
			break
		}
	}
	if d.AnnFile == "" {
		return d, nil // an article nobody annotated: no attributions
	}
	ann, err := readBounded(d.AnnFile)
	if err != nil {
		return nil, err
	}
	d.Attributions, err = parseAnn(ann, raw, d.RawToText)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.AnnFile, err)
	}
	return d, nil
}

func globEscape(s string) string {
	r := strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`)
	return r.Replace(s)
}

// parseAnn reads brat standoff annotations. Offsets in .ann files count
// code points; they are turned into byte offsets of the normalised text.
func parseAnn(ann, raw []byte, rawToText []int) ([]Attribution, error) {
	// cpToRaw[i] is the byte offset of code point i.
	cpToRaw := make([]int, 0, len(raw)+1)
	for i := range string(raw) {
		cpToRaw = append(cpToRaw, i)
	}
	cpToRaw = append(cpToRaw, len(raw))
	type textBound struct {
		kind  string
		spans []Span
		text  string
	}
	tb := map[string]textBound{}
	var events [][]string
	sc := bufio.NewScanner(bytes.NewReader(ann))
	sc.Buffer(nil, int(MaxDocumentBytes))
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 {
			continue
		}
		switch fields[0][0] {
		case 'T':
			head := strings.Fields(fields[1])
			if len(head) < 3 {
				return nil, fmt.Errorf("line %d: text-bound annotation without a span", line)
			}
			var spans []Span
			for _, frag := range strings.Split(strings.Join(head[1:], " "), ";") {
				se := strings.Fields(frag)
				if len(se) != 2 {
					return nil, fmt.Errorf("line %d: span %q is not two offsets", line, frag)
				}
				a, err1 := strconv.Atoi(se[0])
				b, err2 := strconv.Atoi(se[1])
				if err1 != nil || err2 != nil || a < 0 || b < a || b >= len(cpToRaw) {
					return nil, fmt.Errorf("line %d: span %q is outside the text", line, frag)
				}
				spans = append(spans, Span{rawToText[cpToRaw[a]], rawToText[cpToRaw[b]]})
			}
			text := ""
			if len(fields) > 2 {
				text = fields[2]
			}
			tb[fields[0]] = textBound{head[0], spans, text}
		case 'E':
			events = append(events, strings.Fields(fields[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []Attribution
	for _, ev := range events {
		if len(ev) == 0 || !strings.HasPrefix(ev[0], "Attribution") {
			continue
		}
		var a Attribution
		for _, arg := range ev[1:] {
			role, id, ok := strings.Cut(arg, ":")
			t, known := tb[id]
			if !ok || !known {
				continue
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Source":
				a.Source = append(a.Source, t.spans...)
			case "Cue":
				a.Cue = append(a.Cue, t.spans...)
				a.CueText = strings.TrimSpace(a.CueText + " " + t.text)
			case "Content":
				a.Content = append(a.Content, t.spans...)
			}
		}
		if len(a.Cue) > 0 && len(a.Content) > 0 {
			out = append(out, a)
		}
	}
	return out, nil
}

// normaliseText turns each ” into “ or ” and each single line break into
// a blank line, and returns the new text and the map from raw byte offsets
// (0..len(raw)) to the new text's.
func normaliseText(raw []byte) ([]byte, []int) {
	out := make([]byte, 0, len(raw)+len(raw)/16)
	m := make([]int, len(raw)+1)
	for i := 0; i < len(raw); {
		m[i] = len(out)
		switch {
		case raw[i] == '\'' && i+1 < len(raw) && raw[i+1] == '\'':
			m[i+1] = len(out)
			if opensHere(raw, i) {
				out = append(out, "“"...)
			} else {
				out = append(out, "”"...)
			}
			i += 2
			continue
		case raw[i] == '\n' && (i+1 == len(raw) || raw[i+1] != '\n') && (i == 0 || raw[i-1] != '\n'):
			out = append(out, '\n')
		}
		out = append(out, raw[i])
		i++
	}
	m[len(raw)] = len(out)
	return out, m
}

// opensHere reports whether a quotation mark at i opens a quotation: it
// starts a line or follows a space or an opening bracket or dash.
func opensHere(text []byte, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRune(text[:i])
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-“", r)
}

// Paragraphs returns the spans of the text's paragraphs: runs of lines
// between blank lines, as citelint reads plain text.
func Paragraphs(text []byte) []Span {
	var out []Span
	start := -1
	for i := 0; i <= len(text); {
		end := bytes.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		line := text[i:end]
		if len(bytes.TrimSpace(line)) == 0 {
			if start >= 0 {
				out = append(out, Span{start, lastNonSpace(text, start, i)})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i = end + 1
	}
	if start >= 0 {
		out = append(out, Span{start, lastNonSpace(text, start, len(text))})
	}
	return out
}

func lastNonSpace(text []byte, start, end int) int {
	for end > start && (text[end-1] == '\n' || text[end-1] == '\r' || text[end-1] == ' ' || text[end-1] == '\t') {
		end--
	}
	return end
}

// HarnessQuote is a quotation found by the harness's own pairing of double
// quotation marks in a paragraph, independent of citelint's: “…”, or
// straight "…" alternating open and close. A quotation still open at the
// paragraph's end runs to it (the multi-paragraph convention). Single
// quotation marks are not read: in this corpus they nest inside double
// ones or stand for apostrophes.
type HarnessQuote struct {
	Span        // marks included
	Inner  Span // the quoted words, marks and edge punctuation left out
	Words  int
	Closed bool
}

// FindQuotes pairs the double quotation marks of one paragraph.
func FindQuotes(text []byte, para Span) []HarnessQuote {
	var out []HarnessQuote
	open := -1
	openLen := 0
	emit := func(end, innerEnd int, closed bool) {
		q := HarnessQuote{Span: Span{open, end}, Closed: closed}
		q.Inner = trimEdges(text, open+openLen, innerEnd)
		q.Words = countWords(text[q.Inner.Start:q.Inner.End])
		out = append(out, q)
		open = -1
	}
	for i := para.Start; i < para.End; {
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == '“' && open < 0:
			open, openLen = i, size
		case r == '”' && open >= 0:
			emit(i+size, i, true)
		case r == '"' && open < 0 && i+size < para.End && !unicode.IsSpace(rune(text[i+size])):
			open, openLen = i, size
		case r == '"' && open >= 0 && text[open] == '"':
			emit(i+size, i, true)
		}
		i += size
	}
	if open >= 0 {
		emit(para.End, para.End, false)
	}
	return out
}

// trimEdges narrows [start, end) past spaces and punctuation at both ends.
func trimEdges(text []byte, start, end int) Span {
	for start < end {
		r, size := utf8.DecodeRune(text[start:end])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRune(text[start:end])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			break
		}
		end -= size
	}
	return Span{start, end}
}

func countWords(b []byte) int {
	n := 0
	for _, f := range bytes.Fields(b) {
		if bytes.ContainsFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			n++
		}
	}
	return n
}

// covered reports whether the words of text[s] lie in the spans: bytes
// outside every span may only be spaces and punctuation (PolNeAR splits a
// content into fragments at sentence gaps, such as a no-break space).
func covered(text []byte, s Span, spans []Span) bool {
	for at := s.Start; at < s.End; {
		next := at
		for _, c := range spans {
			if c.Start <= at && c.End > next {
				next = c.End
			}
		}
		if next > at {
			at = next
			continue
		}
		r, size := utf8.DecodeRune(text[at:])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			return false
		}
		at += size
	}
	return true
}

// speechCues are the cue words (every form) that make a PolNeAR
// attribution one of speech or report, the kind that attributes a
// quotation or sources a figure. PolNeAR also tags beliefs, intentions and
// wishes (think, want, hope, plan, support): those are left out. A cue
// counts when any of its words is here; ":" and dashes are the colon and
// dash-line cues.
var speechCues = func() map[string]bool {
	m := map[string]bool{":": true, "—": true, "―": true, "–": true, "--": true}
	irregular := []string{
		"say", "says", "said", "saying", "tell", "tells", "told", "telling",
		"write", "writes", "wrote", "writing", "written", "find", "finds", "found", "finding", "findings",
		"show", "shows", "showed", "showing", "shown", "according", "forecast", "forecasts",
		"speak", "speaks", "spoke", "speaking", "spoken", "quote", "quoted", "quoting",
	}
	for _, w := range irregular {
		m[w] = true
	}
	regular := []string{
		"add", "ask", "report", "announce", "note", "argue", "explain", "declare", "tweet", "post",
		"state", "claim", "reply", "respond", "continue", "acknowledge", "insist", "warn", "recall",
		"conclude", "reveal", "testify", "estimate", "boast", "project", "unveil", "admit", "concede",
		"deny", "quip", "joke", "comment", "remark", "complain", "charge", "allege", "contend",
		"assert", "emphasize", "stress", "point", "predict", "cite", "describe", "indicate", "confirm",
		"suggest", "accuse", "criticize", "praise", "urge", "mention", "observe", "shout", "yell",
		"exclaim", "answer", "recount", "disclose", "proclaim", "vow", "promise", "pledge", "question",
		"retort", "counter", "interject", "scoff", "blast", "slam", "lament", "concur", "agree",
		"repeat", "reiterate", "characterize", "summarize", "publish", "release", "tally", "count",
		"survey", "poll", "measure", "calculate", "document", "record", "read",
		"call", "refer", "express", "mock", "dismiss", "attack", "blame", "assure", "denounce",
		"talk", "discuss", "defend", "reject", "remind", "decry",
	}
	for _, v := range regular {
		for _, f := range inflect(v) {
			m[f] = true
		}
	}
	for _, n := range []string{"statement", "statements", "interview", "speech", "remarks", "tweet",
		"letter", "memo", "report", "reports", "study", "survey", "poll", "data", "figures", "testimony",
		"announcement", "release", "op-ed", "column", "email", "video", "post", "criticism", "reportedly"} {
		m[n] = true
	}
	return m
}()

// inflect returns a regular verb's forms.
func inflect(v string) []string {
	switch {
	case strings.HasSuffix(v, "e"):
		return []string{v, v + "s", v + "d", v[:len(v)-1] + "ing"}
	case strings.HasSuffix(v, "y") && !strings.ContainsAny(v[len(v)-2:len(v)-1], "aeiou"):
		stem := v[:len(v)-1]
		return []string{v, stem + "ies", stem + "ied", v + "ing"}
	case v == "quip" || v == "admit" || v == "refer":
		last := v[len(v)-1:]
		return []string{v, v + "s", v + last + "ed", v + last + "ing"}
	}
	return []string{v, v + "s", v + "ed", v + "ing"}
}

// SpeechCue reports whether a cue's text is a speech or report cue.
func SpeechCue(cue string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(cue), func(r rune) bool {
		return unicode.IsSpace(r) || (unicode.IsPunct(r) && !strings.ContainsRune(":—―–-", r))
	}) {
		if speechCues[w] || speechCues[strings.TrimRight(w, ":")] || speechCues[strings.Trim(w, "-")] {
			return true
		}
	}
	return false
}
