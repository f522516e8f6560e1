package lint

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// templateDelims are the template directives that site generators leave in
// Markdown (Hugo's {{< … >}} and {{% … %}}, Liquid's {% … %}, and output
// tags written with a space or a "-" inside the braces, as Liquid and Go
// templates write them: {{ "ana" | team_link }}, {{- .Title }}, or opening
// on a quoted string, {{"ana" | team_link }}): markup, not prose. {{…}}
// opening on a word is not one of them: "{{citation needed}}" is a
// placeholder that a rule reports.
var templateDelims = [...]struct{ open, close string }{
	{"{{<", ">}}"},
	{"{{%", "%}}"},
	{"{%", "%}"},
	{"{{ ", "}}"},
	{"{{-", "}}"},
	{"{{\"", "}}"},
	{"{{'", "}}"},
}

// span is a half-open range of offsets. link marks a template directive
// written as a link destination, target the destination's own span; the
// span starts at the "]" that closes the link's text. drop marks the "["
// that opens that text: the prose leaves both brackets out, as it does a
// Markdown link's.
type span struct {
	start, end int
	link, drop bool
	target     [2]int
}

// templateSpans appends the template directives in src[start:end], in
// order, to out and returns it. An unclosed directive runs to end.
func templateSpans(out []span, src []byte, start, end int) []span {
	for i := start; i < end; {
		j := bytes.IndexByte(src[i:end], '{')
		if j < 0 {
			break
		}
		i += j
		matched := false
		for _, d := range templateDelims {
			if !bytes.HasPrefix(src[i:end], []byte(d.open)) {
				continue
			}
			k := bytes.Index(src[i+len(d.open):end], []byte(d.close))
			stop := end
			if k >= 0 {
				stop = i + len(d.open) + k + len(d.close)
			}
			if tagStart, tagEnd, ok := htmlLinkAround(src, i, stop, end); ok {
				// <a href="{{< ref "x" >}}">: the whole opening tag is a
				// link to a page of the site.
				out = append(out, span{start: tagStart, end: tagEnd, link: true, target: [2]int{i, stop}})
				i, matched = tagEnd, true
				break
			}
			if i >= 2 && src[i-2] == ']' && src[i-1] == '(' {
				// A directive as a link destination, which the Markdown
				// parser cannot read: [text]({{< ref "x" >}} "title").
				// Its title is markup too, and so are the brackets.
				if tail := linkTail(src, stop, end); tail > stop {
					if lb := openingBracket(src, i-2, start); lb >= 0 && (len(out) == 0 || out[len(out)-1].end <= lb) {
						out = append(out, span{start: lb, end: lb + 1, drop: true})
					}
					out = append(out, span{start: i - 2, end: tail, link: true, target: [2]int{i, tail - 1}})
					i, matched = tail, true
					break
				}
			}
			out = append(out, span{start: i, end: stop})
			i, matched = stop, true
			break
		}
		if !matched {
			i++
		}
	}
	return out
}

// htmlLinkAround reports whether the directive [start, stop) is the href
// value of an HTML <a> tag, which the Markdown parser leaves as text since
// the directive holds quotes; it returns the tag's span.
func htmlLinkAround(src []byte, start, stop, end int) (int, int, bool) {
	const maxTag = 128
	lo := max(0, start-maxTag)
	before := src[lo:start]
	open := bytes.LastIndexByte(before, '<')
	if open < 0 || bytes.IndexByte(before[open:], '>') >= 0 {
		return 0, 0, false
	}
	tag := bytes.ToLower(before[open:])
	if !bytes.HasPrefix(tag, []byte("<a ")) && !bytes.HasPrefix(tag, []byte("<a\t")) {
		return 0, 0, false
	}
	if t := bytes.TrimRight(tag, " \t"); !bytes.HasSuffix(t, []byte(`href="`)) && !bytes.HasSuffix(t, []byte(`href='`)) {
		return 0, 0, false
	}
	closeAt := bytes.IndexByte(src[stop:min(end, stop+maxTag)], '>')
	if closeAt < 0 {
		return 0, 0, false
	}
	return lo + open, stop + closeAt + 1, true
}

// linkTail returns the offset after the ")" that ends a link destination
// at or after from, skipping a quoted title, or from when there is none on
// the line. The "(" before the directive is masked with it.
func linkTail(src []byte, from, end int) int {
	var quote byte
	for i := from; i < end && src[i] != '\n'; i++ {
		switch c := src[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == ')':
			return i + 1
		}
	}
	return from
}

// maxLinkTextLines bounds the lines a link's text may wrap over before
// its "]": the search for its "[" reads no further back, so a paragraph of
// many template links is read in time linear in its length, as before.
const maxLinkTextLines = 4

// openingBracket returns the offset of the "[" that the "]" at close
// closes, in the same paragraph (link text may wrap onto the lines before,
// at most maxLinkTextLines: "[Elaine\nKamlley]({{ … }})", but not over a
// blank line) and not before from, or -1.
func openingBracket(src []byte, close, from int) int {
	depth, lines := 0, 1
	for i := close; i >= from; i-- {
		if src[i] == '\n' {
			if lines++; lines > maxLinkTextLines || blankLineBefore(src, i, from) {
				return -1
			}
		}
		switch src[i] {
		case ']':
			depth++
		case '[':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// blankLineBefore reports whether the line break at i ends a blank line:
// only spaces, tabs or ">" markers lie between it and the line break
// before it (not before from).
func blankLineBefore(src []byte, i, from int) bool {
	for k := i - 1; k >= from; k-- {
		switch src[k] {
		case '\n':
			return true
		case ' ', '\t', '\r', '>':
			continue
		}
		return false
	}
	return false
}

// addMasked appends src[start:stop] to t, replacing each template
// directive that overlaps it with one ObjectRune (once per directive,
// however many text nodes it spans).
func (w *walker) addMasked(t *textBuilder, start, stop int, add func(from, to int)) {
	for start < stop {
		for w.mask < len(w.masks) && w.masks[w.mask].end <= start {
			w.mask++
			w.maskShown = false
		}
		if w.mask == len(w.masks) || w.masks[w.mask].start >= stop {
			add(start, stop)
			return
		}
		m := w.masks[w.mask]
		if m.start > start {
			add(start, m.start)
		}
		if !w.maskShown {
			switch {
			case m.drop: // the "[" of a template link: no prose
			case m.link:
				w.templateLink(m, t)
			default:
				t.addAtomic(string(ObjectRune), w.base+m.start, w.base+m.end)
			}
			w.maskShown = true
		}
		if m.end >= stop {
			return
		}
		start = m.end
		w.mask++
		w.maskShown = false
	}
}

// templateLink records a link whose destination is a template directive,
// [text]({{< ref "page" >}}), as a citation: the link's text is already
// in the prose, and the destination stands as one ObjectRune.
func (w *walker) templateLink(m span, t *textBuilder) {
	start := m.start
	// The "[" that opens the link text; an HTML link's directive spans
	// its whole tag already.
	if w.src[m.start] == ']' {
		if lb := openingBracket(w.src, m.start, 0); lb >= 0 {
			start = lb
		}
	}
	c := w.newCitation(Citation{
		Kind:        TemplateLink,
		Target:      string(bytes.TrimSpace(w.src[m.target[0]:m.target[1]])),
		Start:       w.base + start,
		End:         w.base + m.end,
		TargetStart: w.base + m.target[0],
		TargetEnd:   w.base + m.target[1],
	})
	w.objectCitation(c, t, w.current)
}

// inMask reports whether the offset lies in a template directive.
func (w *walker) inMask(off int) bool {
	for _, m := range w.masks {
		if m.start <= off && off < m.end {
			return true
		}
	}
	return false
}

// htmlLink records an HTML link: <a href="…"> opens a citation whose text
// runs to the matching </a>. raw is the tag as written, at [start, stop)
// of the parser's input.
func (w *walker) htmlLink(raw []byte, start, stop int, t *textBuilder, b *Block) {
	if isEndTag(raw, "a") {
		w.endHTMLLink(t, w.base+stop)
		return
	}
	target, vs, ve, ok := htmlHref(raw)
	if !ok {
		return
	}
	w.openHTMLLink(target, w.base+start, w.base+stop, w.base+start+vs, w.base+start+ve, t, b)
}

// isEndTag reports whether raw is the end tag </name>.
func isEndTag(raw []byte, name string) bool {
	return len(raw) > 2 && raw[1] == '/' && strings.EqualFold(strings.TrimSpace(string(raw[2:len(raw)-1])), name)
}

// htmlHref reads the start tag raw as an HTML link, <a href="…">: it
// returns the target (decoded, as a browser follows it) and the span of
// the value as written in raw (the whole tag when the value cannot be
// placed). ok is false for any other tag, and for an empty href.
func htmlHref(raw []byte) (target string, vs, ve int, ok bool) {
	if len(raw) < 3 || raw[1]|0x20 != 'a' || (raw[2] != ' ' && raw[2] != '\t' && raw[2] != '\n' && raw[2] != '\r') {
		return "", 0, 0, false // not an <a …> tag: leave the tokenizer (and its buffer) out
	}
	if val, found, sure := plainHref(raw); sure {
		if !found {
			return "", 0, 0, false
		}
		vs, ve := hrefSpan(raw)
		return string(val), vs, ve, true
	}
	return tokenizedHref(raw)
}

// tokenizedHref is htmlHref read by golang.org/x/net/html's tokenizer,
// for the tags plainHref leaves to it.
func tokenizedHref(raw []byte) (target string, vs, ve int, ok bool) {
	z := html.NewTokenizer(bytes.NewReader(raw))
	if z.Next() != html.StartTagToken {
		return "", 0, 0, false
	}
	name, hasAttr := z.TagName()
	if string(name) != "a" || !hasAttr {
		return "", 0, 0, false
	}
	for {
		key, val, more := z.TagAttr()
		if string(key) == "href" && len(val) > 0 {
			vs, ve := hrefSpan(raw)
			return string(val), vs, ve, true
		}
		if !more {
			return "", 0, 0, false
		}
	}
}

// hrefSpan places the href value in the tag raw as written, or else
// spans the whole tag.
func hrefSpan(raw []byte) (int, int) {
	vs, ve, found := attrValueSpan(raw, "href")
	if !found {
		return 0, len(raw)
	}
	return vs, ve
}

// plainHref reads the <a …> start tag raw (its "<a" and the white space
// after it checked already) as golang.org/x/net/html's tokenizer reads
// it, without the tokenizer: each tokenizer allocates a 4 KB buffer, and
// drafts exported from a CMS hold thousands of links. It returns the
// first href attribute's value and whether it is a start tag's non-empty
// href; sure is false for what it does not read itself (a value holding
// an entity, a carriage return or a NUL, which the tokenizer decodes; a
// "/" before the closing ">", which may make the tag self-closing; a tag
// with no end), which the tokenizer reads instead.
func plainHref(raw []byte) (val []byte, found, sure bool) {
	if raw[0] != '<' {
		return nil, false, false
	}
	isSpace := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }
	i, n := 3, len(raw) // past "<a" and the space that ends the name
	skipSpace := func() {
		for i < n && isSpace(raw[i]) {
			i++
		}
	}
	hrefSeen := false
	for skipSpace(); ; skipSpace() {
		if i >= n {
			return nil, false, false // no ">": the tokenizer's end of input
		}
		if raw[i] == '>' {
			break
		}
		// The attribute's name: an "=" may start it, and white space,
		// "/", ">" or a later "=" end it.
		ks := i
		for i++; i < n && !isSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' && raw[i] != '='; i++ {
		}
		if raw[ks] == '/' {
			i = ks // an empty name: the "/" is read as what follows one
		}
		if i >= n {
			return nil, false, false
		}
		key := raw[ks:i]
		// Its value, if an "=" follows.
		vs, ve := i, i
		skipSpace()
		if i >= n {
			return nil, false, false
		}
		switch c := raw[i]; {
		case c == '/':
			i++
		case c != '=':
		default:
			i++
			skipSpace()
			if i >= n {
				return nil, false, false
			}
			switch q := raw[i]; q {
			case '>':
			case '"', '\'':
				j := bytes.IndexByte(raw[i+1:], q)
				if j < 0 {
					return nil, false, false
				}
				vs, ve, i = i+1, i+1+j, i+2+j
			default:
				vs = i
				for i < n && !isSpace(raw[i]) && raw[i] != '>' {
					i++
				}
				if i >= n {
					return nil, false, false
				}
				ve = i
			}
		}
		if !hrefSeen && len(key) == 4 && key[0]|0x20 == 'h' && key[1]|0x20 == 'r' && key[2]|0x20 == 'e' && key[3]|0x20 == 'f' {
			// The first href is the one the tokenizer keeps.
			hrefSeen = true
			val = raw[vs:ve]
			if bytes.ContainsAny(val, "&\r\x00") {
				return nil, false, false // entities, line ends, NULs: decoded by the tokenizer
			}
		}
	}
	if raw[i-1] == '/' {
		return nil, false, false // "<a href=x/>" is a start tag, "<a b />" is not
	}
	return val, len(val) > 0, true
}

// openHTMLLink records a link whose tag spans [start, end) of the file and
// its href value [targetStart, targetEnd); its text starts here.
func (w *walker) openHTMLLink(target string, start, end, targetStart, targetEnd int, t *textBuilder, b *Block) {
	w.closeHTMLLink(t)
	c := w.newCitation(Citation{
		Kind: HTMLLink, Target: target,
		Start: start, End: end,
		TargetStart: targetStart, TargetEnd: targetEnd,
		TextStart: len(t.buf), TextEnd: len(t.buf),
	})
	w.openLink = c
	w.record(c, b)
}

// endHTMLLink ends the open HTML link, if any, at its </a>, which ends at
// offset end of the file.
func (w *walker) endHTMLLink(t *textBuilder, end int) {
	if c := w.openLink; c != nil {
		c.End, c.TextEnd = end, len(t.buf)
		w.openLink = nil
	}
}

// closeHTMLLink ends an HTML link left open (by a missing </a>) where the
// text so far ends.
func (w *walker) closeHTMLLink(t *textBuilder) {
	if c := w.openLink; c != nil {
		c.TextEnd = len(t.buf)
		w.openLink = nil
	}
}

// attrValueSpan finds, in a start tag as written, the value of the first
// attribute called name (ASCII case-insensitive) that is not empty, quotes
// excluded. The tokenizer gives the value decoded (entities, CRLF made
// LF), which need not occur in the source at all.
func attrValueSpan(tag []byte, name string) (int, int, bool) {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	i := 1
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
		i++ // the tag name
	}
	for i < len(tag) {
		for i < len(tag) && (isSpace(tag[i]) || tag[i] == '/') {
			i++
		}
		if i >= len(tag) || tag[i] == '>' {
			return 0, 0, false
		}
		ns := i
		for i++; i < len(tag) && !isSpace(tag[i]) && tag[i] != '=' && tag[i] != '>' && tag[i] != '/'; i++ {
		}
		key := tag[ns:i]
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || tag[i] != '=' {
			continue // an attribute with no value
		}
		for i++; i < len(tag) && isSpace(tag[i]); i++ {
		}
		var vs, ve int
		if i < len(tag) && (tag[i] == '"' || tag[i] == '\'') {
			q := tag[i]
			vs = i + 1
			j := bytes.IndexByte(tag[vs:], q)
			if j < 0 {
				return 0, 0, false
			}
			ve, i = vs+j, vs+j+1
		} else {
			vs = i
			for i < len(tag) && !isSpace(tag[i]) && tag[i] != '>' {
				i++
			}
			ve = i
		}
		if ve > vs && strings.EqualFold(string(key), name) {
			return vs, ve, true
		}
	}
	return 0, 0, false
}
