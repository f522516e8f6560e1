package lint

import (
	"testing"
)

// hrefCases are <a> tags both ways of reading them must agree on: plain
// ones plainHref reads itself and the odd ones it leaves to the tokenizer.
var hrefCases = []struct {
	raw    string
	target string // "" when the tag is no link
	sure   bool   // plainHref reads it without the tokenizer
}{
	{`<a href="https://example.com/a">`, "https://example.com/a", true},
	{`<A HREF='x.html' class="y">`, "x.html", true},
	{`<a class=y href=x.html>`, "x.html", true},
	{"<a\n  href = \"x\"\t>", "x", true},
	{`<a name="top">`, "", true},
	{`<a href="">`, "", true},
	{`<a href="" href="second">`, "", true}, // the first href wins, empty
	{`<a href="first" href="second">`, "first", true},
	{`<a =href="x">`, "", true},  // the name is "=href"
	{`<a href=x/>`, "x/", false}, // "/" before ">": left to the tokenizer
	{`<a href="x" />`, "", false},
	{`<a / href="x">`, "x", true},
	{`<a href="a&amp;b">`, "a&b", false},
	{"<a href=\"a\r\nb\">", "a\nb", false},
	{`<a href="x`, "", false},
	{`<a href>`, "", true},
	{`<a href=>`, "", true},
	{`<a title="1 > 0" href="x">`, "x", true},
	{`<a data-x='"' href='y'>`, "y", true},
	{`<a hreff="x">`, "", true},
}

func TestPlainHrefMatchesTokenizer(t *testing.T) {
	for _, c := range hrefCases {
		raw := []byte(c.raw)
		val, found, sure := plainHref(raw)
		if sure != c.sure {
			t.Errorf("%q: plainHref sure = %v, want %v", c.raw, sure, c.sure)
		}
		want, _, _, ok := tokenizedHref(raw)
		if want != c.target || ok != (c.target != "") {
			t.Errorf("%q: tokenizer reads %q (%v), want %q", c.raw, want, ok, c.target)
		}
		if sure && (string(val) != want && found || found != ok) {
			t.Errorf("%q: plainHref reads %q (%v), tokenizer %q (%v)", c.raw, val, found, want, ok)
		}
		got, _, _, gotOK := htmlHref(raw)
		if got != want || gotOK != ok {
			t.Errorf("%q: htmlHref = %q (%v), want %q (%v)", c.raw, got, gotOK, want, ok)
		}
	}
}

// FuzzPlainHref checks that whatever plainHref reads itself, it reads as
// the tokenizer does, with the value placed by the same span.
func FuzzPlainHref(f *testing.F) {
	for _, c := range hrefCases {
		f.Add(c.raw[2:])
	}
	f.Fuzz(func(t *testing.T, rest string) {
		raw := []byte("<a " + rest)
		val, found, sure := plainHref(raw)
		want, wvs, wve, ok := tokenizedHref(raw)
		if sure && (found != ok || found && string(val) != want) {
			t.Fatalf("%q: plainHref reads %q (%v), tokenizer %q (%v)", raw, val, found, want, ok)
		}
		got, vs, ve, gotOK := htmlHref(raw)
		if got != want || gotOK != ok || vs != wvs || ve != wve {
			t.Fatalf("%q: htmlHref = %q %d-%d (%v), tokenizer %q %d-%d (%v)", raw, got, vs, ve, gotOK, want, wvs, wve, ok)
		}
	})
}
