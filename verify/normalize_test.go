package verify

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Plain ASCII.", "plain ascii."},
		{"“Curly” ‘quotes’ «guillemets»", `"curly" 'quotes' "guillemets"`},
		{"en–dash em—dash minus−sign ‐hyphen ―bar", "en-dash em-dash minus-sign -hyphen -bar"},
		{"no\u00a0break thin\u2009space  two\t\ttabs\nline", "no break thin space two tabs line"},
		{"ﬁnal ﬂow", "final flow"},
		{"co\u00adop\u200berate\ufeff", "cooperate"},
		{"½ and 1½ and 3¼", "1/2 and 1 1/2 and 3 1/4"},
		{"Wait…", "wait..."},
		{"ÉCOLE Straße ΟΔΟΣ", "école straße οδοσ"},
		{"cafe\u0301", "café"},
		{"ｆｕｌｌ　ｗｉｄｔｈ", "full width"},
		{"x²", "x2"},
		{"", ""},
	} {
		n := Normalize(tc.in)
		if got := n.String(); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNormalizeSource(t *testing.T) {
	src := "The  “ﬁrst”\u00a0co\u00adop — ½ Café"
	n := Normalize(src)
	if got, want := n.String(), `the "first" coop - 1/2 café`; got != want {
		t.Fatalf("Normalize = %q, want %q", got, want)
	}
	for _, tc := range []struct {
		norm, want string
	}{
		{"the", "The"},
		{`"first"`, "“ﬁrst”"},
		{"first", "ﬁrst"},
		{"fi", "ﬁ"}, // a ligature maps back whole
		{"coop", "co\u00adop"},
		{"1/2", "½"},
		{"café", "Café"},
		{" - ", " — "},
		{"the \"", "The  “"},
	} {
		i := strings.Index(n.String(), tc.norm)
		if i < 0 {
			t.Fatalf("%q not in %q", tc.norm, n.String())
		}
		s, e := n.Source(i, i+len(tc.norm))
		if got := src[s:e]; got != tc.want {
			t.Errorf("Source of %q = %q (%d, %d), want %q", tc.norm, got, s, e, tc.want)
		}
	}
	if s, e := n.Source(-5, 1000); s != 0 || e != len(src) {
		t.Errorf("Source(-5, 1000) = %d, %d, want 0, %d", s, e, len(src))
	}
}

// Every normalised offset maps to a rune boundary of the source, in order.
func TestNormalizeSourceMonotone(t *testing.T) {
	src := "A\u0301b ﬁ\u00ad  “x”—½\u200b y\u00a0\u00a0z ΟΔΟΣ ǅ İ"
	n := Normalize(src)
	prev := 0
	for i := 0; i <= len(n.String()); i++ {
		if !utf8.RuneStart(n.String()[min(i, len(n.String())-1)]) && i < len(n.String()) {
			continue
		}
		s, e := n.Source(i, i)
		if s != e || s < prev || s > len(src) || s < len(src) && !utf8.RuneStart(src[s]) {
			t.Fatalf("Source(%d, %d) = %d, %d after %d", i, i, s, e, prev)
		}
		prev = s
	}
}
