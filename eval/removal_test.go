package eval

import (
	"strings"
	"testing"
)

// marked turns "[[…]]" marks into spans to remove, returning the bare text.
func marked(s string) ([]byte, []Span) {
	var out []byte
	var dels []Span
	for {
		i := strings.Index(s, "[[")
		if i < 0 {
			return append(out, s...), dels
		}
		out = append(out, s[:i]...)
		s = s[i+2:]
		j := strings.Index(s, "]]")
		dels = append(dels, Span{len(out), len(out) + j})
		out = append(out, s[:j]...)
		s = s[j+2:]
	}
}

func TestRemoveAttribution(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`"We will win the state," [[he]] [[said]].`, `"We will win the state."`},
		{`“We will win the state,” [[said]] [[Ms. Ruiz]].`, `“We will win the state.”`},
		{`"We will win," [[she]] [[said]]. "It is close."`, `"We will win." "It is close."`},
		{`"We will win," [[she]] [[said]], "and soon."`, `"We will win." "and soon."`},
		{`[[Ruiz]] [[said]]: "We will win the state."`, `"We will win the state."`},
		{`[[According to]] [[Ruiz]], "we will win the state."`, `"we will win the state."`},
		{`[[Ruiz]] [[said]] that "we will win the state."`, `"we will win the state."`},
		{`[[Ruiz]] [[said]] the race was "closer than anyone thought."`, `The race was "closer than anyone thought."`},
		{`The race, [[Ruiz]] [[said]], is "closer than anyone thought."`, `The race is "closer than anyone thought."`},
		{`It was close. [[Ruiz]] [[said]] it was "a real fight for us."`, `It was close. It was "a real fight for us."`},
		{`"It felt like 'meh, later,'" [[he]] [[said]].`, `"It felt like 'meh, later.'"`},
		{`"We will win the state," [[Ruiz]] [[told]] reporters.`, `"We will win the state," reporters.`},
		{`"We will win the state," [[he]] [[said]]`, `"We will win the state."`},
		{`He spoke, [[said]] [[Ruiz]].`, `He spoke.`},
	} {
		text, dels := marked(c.in)
		para := Span{0, len(text)}
		got, _ := ApplyEdits(text, RemoveAttribution(text, para, dels))
		if string(got) != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestRemoveAttributionStaysInParagraph(t *testing.T) {
	text, dels := marked("First paragraph.\n\n\"We will win the state,\" [[he]] [[said]].\n\n[[Later]] text.")
	para := Span{18, 18 + len(`"We will win the state," he said.`)}
	got, _ := ApplyEdits(text, RemoveAttribution(text, para, dels))
	if want := "First paragraph.\n\n\"We will win the state.\"\n\nLater text."; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestApplyEditsMap(t *testing.T) {
	text := []byte("0123456789")
	got, m := ApplyEdits(text, []Edit{{1, 3, ""}, {5, 5, "xx"}, {7, 8, "abc"}})
	if string(got) != "034xx56abc89" {
		t.Fatalf("text = %q", got)
	}
	for old, want := range map[int]int{0: 0, 1: 1, 3: 1, 4: 2, 5: 5, 6: 6, 7: 7, 8: 10, 10: 12} {
		if m(old) != want {
			t.Errorf("map(%d) = %d, want %d", old, m(old), want)
		}
	}
}

func TestAttributionCut(t *testing.T) {
	text, _ := marked(`"We will win," Ruiz also said on Monday. "Sure," Mayor Lopez, who leads the city council in the county, said.`)
	find := func(s string) Span {
		i := strings.Index(string(text), s)
		return Span{i, i + len(s)}
	}
	para := Span{0, len(text)}
	a := Attribution{Source: []Span{find("Ruiz")}, Cue: []Span{find("said")}, Content: []Span{find("We will win")}}
	if got := attributionCut(text, a, para); len(got) != 3 || got[2] != find(" also ") {
		t.Errorf("short gap: cut %+v", got)
	}
	b := Attribution{Source: []Span{find("Mayor Lopez")}, Cue: []Span{{len(text) - 5, len(text) - 1}}, Content: []Span{find("Sure")}}
	if got := attributionCut(text, b, para); len(got) != 2 {
		t.Errorf("long gap kept: cut %+v", got)
	}
}
