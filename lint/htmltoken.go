package lint

// A fast path in front of golang.org/x/net/html's tokenizer for the HTML
// blocks of drafts. That tokenizer allocates a 4 KiB buffer for each
// block, and a copy of every tag name and attribute name it reads; for the
// plain markup drafts hold (tags with attributes, and text) fastHTMLTokens
// finds the same tokens without allocating. Anything else — a comment, a
// declaration, a processing instruction, a bogus end tag, an element whose
// content is raw text (<script>, <style>, <title>…), a tag cut off by the
// end of the block — makes it decline, and the block is read by the
// tokenizer as before. FuzzFastHTMLTokens checks the two agree.

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlToken is a token of an HTML block: its type, its raw bytes
// buf[start:end] (the tokens partition the block), and for a tag the atom
// of its lowercased name.
type htmlToken struct {
	tt         html.TokenType
	start, end int
	a          atom.Atom
}

// maxFastAttrs bounds the attributes of one tag that fastHTMLTokens keeps
// track of (to tell repeated names apart); a tag with more declines.
const maxFastAttrs = 16

// fastHTMLTokens appends to toks the tokens html.Tokenizer finds in buf,
// or returns ok false when buf holds markup it leaves to the tokenizer.
// It reads each byte a bounded number of times: text is skipped with
// bytes.IndexByte, and a tag's attributes are compared with the tag's
// earlier ones, at most maxFastAttrs of them.
func fastHTMLTokens(buf []byte, toks []htmlToken) ([]htmlToken, bool) {
	n := len(buf)
	pos := 0 // where the next token starts
	i := 0   // where to look for the next "<"
	for i < n {
		j := bytes.IndexByte(buf[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if i+1 >= n {
			break // "<" at the end is text
		}
		c := buf[i+1]
		var tt html.TokenType
		var nameStart int
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			tt, nameStart = html.StartTagToken, i+1
		case c == '/':
			if i+2 >= n {
				return toks, false // "</" at the end: a text token of its own
			}
			if c2 := buf[i+2]; !('a' <= c2 && c2 <= 'z' || 'A' <= c2 && c2 <= 'Z') {
				return toks, false // "</>" or a bogus comment
			}
			tt, nameStart = html.EndTagToken, i+2
		case c == '!' || c == '?':
			return toks, false // a comment, a declaration or a processing instruction
		default:
			i++ // not a tag: the "<" is text, and what follows is read again
			continue
		}
		if pos < i {
			toks = append(toks, htmlToken{tt: html.TextToken, start: pos, end: i})
		}
		nameEnd, end, lastVal, nAttrs, ok := scanHTMLTag(buf, nameStart, tt == html.StartTagToken)
		if !ok {
			return toks, false
		}
		name := buf[nameStart:nameEnd]
		if tt == html.StartTagToken {
			if rawTextElement(name) {
				return toks, false
			}
			// As html.Tokenizer.readStartTag: a "/" before the ">" that is
			// not the last character of the last attribute's value.
			if buf[end-2] == '/' && (nAttrs == 0 || end-2 != lastVal-1) {
				tt = html.SelfClosingTagToken
			}
		}
		toks = append(toks, htmlToken{tt: tt, start: i, end: end, a: lowerAtom(name)})
		pos, i = end, end
	}
	if pos < n {
		toks = append(toks, htmlToken{tt: html.TextToken, start: pos, end: n})
	}
	return toks, true
}

// scanHTMLTag reads a tag whose name starts at buf[s], as html.Tokenizer's
// readTag does (v0.62.0: readTagName, readTagAttrKey, readTagAttrVal).
// It returns the end of the name, the end of the tag (past its ">"), and,
// when save is set, the end of the value of the last attribute the
// tokenizer keeps (it keeps the first of each name, and none without a
// name) and how many it keeps. ok is false when the block ends inside the
// tag (the tokenizer then stops with an error) or the tag has more than
// maxFastAttrs attributes.
func scanHTMLTag(buf []byte, s int, save bool) (nameEnd, end, lastVal, nAttrs int, ok bool) {
	n := len(buf)
	j := s + 1
	for { // readTagName
		if j >= n {
			return
		}
		c := buf[j]
		if isHTMLSpace(c) {
			nameEnd = j
			j++
			break
		}
		if c == '/' || c == '>' {
			nameEnd = j
			break
		}
		j++
	}
	var keys [maxFastAttrs][2]int
	skipSpace := func() bool {
		for j < n && isHTMLSpace(buf[j]) {
			j++
		}
		return j < n
	}
	if !skipSpace() {
		return
	}
	for {
		if j >= n {
			return
		}
		if buf[j] == '>' {
			return nameEnd, j + 1, lastVal, nAttrs, true
		}
		// readTagAttrKey: up to white space, "/", ">" or an "=" that is
		// not the key's first byte.
		ks := j
		for {
			if j >= n {
				return
			}
			c := buf[j]
			if c == '=' && j == ks {
				j++
				continue
			}
			if c == '=' || c == '/' || c == '>' || isHTMLSpace(c) {
				break
			}
			j++
		}
		ke := j
		// readTagAttrVal.
		ve := j
		if !skipSpace() {
			return
		}
		switch c := buf[j]; c {
		case '/':
			j++ // the self-closing state: the "/" is read
		case '=':
			j++
			if !skipSpace() {
				return
			}
			switch q := buf[j]; q {
			case '>':
			case '\'', '"':
				k := bytes.IndexByte(buf[j+1:], q)
				if k < 0 {
					return
				}
				ve = j + 1 + k
				j = ve + 1
			default:
				j++
				for {
					if j >= n {
						return
					}
					c := buf[j]
					if isHTMLSpace(c) {
						ve = j
						j++
						break
					}
					if c == '>' {
						ve = j
						break
					}
					j++
				}
			}
		}
		if save && ks != ke && !seenKey(buf, keys[:nAttrs], ks, ke) {
			if nAttrs == maxFastAttrs {
				return
			}
			keys[nAttrs] = [2]int{ks, ke}
			nAttrs++
			lastVal = ve
		}
		if !skipSpace() {
			return
		}
	}
}

// seenKey reports whether buf[ks:ke] equals one of the keys, ignoring
// ASCII case as the tokenizer's lowercasing does.
func seenKey(buf []byte, keys [][2]int, ks, ke int) bool {
	for _, k := range keys {
		if equalASCIIFold(buf[k[0]:k[1]], buf[ks:ke]) {
			return true
		}
	}
	return false
}

// equalASCIIFold reports whether a and b are equal with ASCII letters
// folded (and nothing else).
func equalASCIIFold(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// rawTextElements are the elements after whose start tag html.Tokenizer
// reads raw text up to the end tag.
var rawTextElements = [][]byte{[]byte("iframe"), []byte("noembed"), []byte("noframes"), []byte("noscript"), []byte("plaintext"),
	[]byte("script"), []byte("style"), []byte("textarea"), []byte("title"), []byte("xmp")}

func rawTextElement(name []byte) bool {
	for _, e := range rawTextElements {
		if equalASCIIFold(name, e) {
			return true
		}
	}
	return false
}

// lowerAtom returns the atom of a tag name lowercased, as the tokenizer's
// TagName gives it; 0 for a name no atom has.
func lowerAtom(name []byte) atom.Atom {
	var b [32]byte
	if len(name) > len(b) {
		return 0 // longer than any atom
	}
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return atom.Lookup(b[:len(name)])
}
