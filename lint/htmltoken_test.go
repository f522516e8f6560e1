package lint

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// tokenizerTokens is what htmlBlockReader.tokenize reads: the tokens of
// golang.org/x/net/html's tokenizer up to its first error, with the atoms
// of tag names.
func tokenizerTokens(buf []byte) []htmlToken {
	z := html.NewTokenizer(bytes.NewReader(buf))
	var out []htmlToken
	pos := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		t := htmlToken{tt: tt, start: pos, end: pos + len(z.Raw())}
		pos = t.end
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			t.a = atom.Lookup(name)
		}
		out = append(out, t)
	}
}

// sameHTMLTokens checks that fastHTMLTokens, where it takes src, finds
// the tokenizer's tokens, and whether it took it.
func sameHTMLTokens(t *testing.T, src string) bool {
	t.Helper()
	got, ok := fastHTMLTokens([]byte(src), nil)
	if !ok {
		return false
	}
	want := tokenizerTokens([]byte(src))
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%q:\n got %v\nwant %v", src, got, want)
	}
	return true
}

func TestFastHTMLTokens(t *testing.T) {
	for _, tc := range []struct {
		src  string
		fast bool // fastHTMLTokens takes it
	}{
		{"<p>Hello <b>world</b>.</p>", true},
		{"<div class=\"a\" id='b' data-x=c hidden>text</div>\n", true},
		{"<P CLASS=x>Upper</P><Br/><br /><img src=a.png/><img src=\"a\"/><p a=/>x</p>", true},
		{"<a href=\"x>y\">q</a> a < b and 3<4 <3 < p> <", true},
		{"<a =b c= d e = 'f' g=\"\" h='' i j>k</a>", true},
		{"<a b=1 B=2 b=3/><a b/><a/ b><a b=c / >", true},
		{"<custom-el x=1>t</custom-el><h1>H</h1><td>c</td></TD>", true},
		{"text only, no tags at all\nsecond line", true},
		{"", true},
		{"<a b=c>x</a b=\"d>\">", true},
		{"<a\nhref\n=\n\"x\"\n>y</a\n>", true},
		// Left to the tokenizer.
		{"<!-- comment --><p>x</p>", false},
		{"<!DOCTYPE html><p>x</p>", false},
		{"<?xml version=\"1.0\"?>", false},
		{"<p>x</p></>", false},
		{"<p>x</ p>", false},
		{"<p>x</", false},
		{"<script>if (a<b) {}</script>", false},
		{"<STYLE>p{}</STYLE>", false},
		{"<title>T</title>", false},
		{"<textarea/>x", false},
		{"<a href=\"unclosed>text", false},
		{"<p>cut off <b", false},
		{"<p " + strings.Repeat("a", 1) + ">", true},
	} {
		if got := sameHTMLTokens(t, tc.src); got != tc.fast {
			t.Errorf("%q: fastHTMLTokens took it: %v, want %v", tc.src, got, tc.fast)
		}
	}
}

// TestFastHTMLTokensAttributes checks the bound on attributes: a tag with
// more than maxFastAttrs of them goes to the tokenizer, and one with as
// many is read as the tokenizer reads it.
func TestFastHTMLTokensAttributes(t *testing.T) {
	tag := func(n int) string {
		var b strings.Builder
		b.WriteString("<p")
		for i := range n {
			fmt.Fprintf(&b, " a%d=%d", i, i)
		}
		b.WriteString("/>x")
		return b.String()
	}
	if !sameHTMLTokens(t, tag(maxFastAttrs)) {
		t.Errorf("a tag of %d attributes was left to the tokenizer", maxFastAttrs)
	}
	if sameHTMLTokens(t, tag(maxFastAttrs+1)) {
		t.Errorf("a tag of %d attributes was taken", maxFastAttrs+1)
	}
}

// TestFastHTMLTokensLinear reads blocks of a million bytes, of tags and
// text and of "<" that open no tag, in linear time.
func TestFastHTMLTokensLinear(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("<p class=\"x\">words and <b>bold</b> words</p>\n", 25000),
		strings.Repeat("a < b <3 <", 100000),
		"<p a=\"" + strings.Repeat("x", 1000000), // an unclosed quote: declined
	} {
		start := time.Now()
		toks, _ := fastHTMLTokens([]byte(src), nil)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("%d tokens in %v", len(toks), d)
		}
	}
}

func FuzzFastHTMLTokens(f *testing.F) {
	for _, s := range []string{"<p>Hello <b>world</b>.</p>", "<a href='x'>y</a>", "<br/><img src=a/>", "<a b=c d e=\"f\"/>", "a < b", "<p\nx=1\n>", "</a b>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameHTMLTokens(t, s)
	})
}

// TestFastHTMLTokensExhaustive compares fastHTMLTokens with the tokenizer
// on every string of up to five bytes over the bytes that matter to tags.
func TestFastHTMLTokensExhaustive(t *testing.T) {
	const alphabet = "<a/>=\"' B"
	buf := make([]byte, 0, 5)
	var walk func()
	taken := 0
	walk = func() {
		if sameHTMLTokens(t, string(buf)) {
			taken++
		}
		if t.Failed() || len(buf) == cap(buf) {
			return
		}
		for i := 0; i < len(alphabet); i++ {
			buf = append(buf, alphabet[i])
			walk()
			buf = buf[:len(buf)-1]
		}
	}
	walk()
	// 66,430 strings, of which those with "<!", "</>", an unclosed tag or
	// quote, or "</" at the end go to the tokenizer.
	if taken != 58146 {
		t.Errorf("fastHTMLTokens took %d strings, want 58146", taken)
	}
}

func TestIsBreakTag(t *testing.T) {
	for raw, want := range map[string]bool{
		"<br>": true, "<BR/>": true, "<br />": true, "</P>": true, "<p>": true, "<li\t>": true, "</Li>": true,
		"<b>": false, "<bra>": false, "<p class=x>": false, "<pre>": false, "<l>": false, "<\u212Ar>": false, "<>": false,
	} {
		if got := isBreakTag([]byte(raw)); got != want {
			t.Errorf("isBreakTag(%q) = %v, want %v", raw, got, want)
		}
	}
}
