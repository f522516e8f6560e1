package verify

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestCounted checks what a count says it counts: the words straight
// after it on its line, up to three, to a mark, a number or a function
// word, with the words after one "of" of a kind or group; nothing when
// the words run on past three.
func TestCounted(t *testing.T) {
	tests := []struct{ in, want string }{
		{"68 different languages", "different languages"},
		{"68 different languages, in all", "different languages"},
		{"four panels covered it", "panels covered"},
		{"40 federal agency staff", "federal agency staff"},
		// Past three words the noun is not reached: what is counted is
		// not known.
		{"40 federal agency staff members", ""},
		{"100 top open innovation efforts in government", ""},
		{"three types of customer service metrics", "types of customer service metrics"},
		{"12 members of the board", "members"},
		{"12 of them", ""},
		{"Agencies taking part: 12.", ""},
		{"Agencies 12\nVisitors 40", ""},
		{"1,200 deaths in 2020", "deaths"},
		{"a of 5 kinds of of of things", "kinds"},
		{"15 cross-agency goals", "cross-agency goals"},
		{"2 x-y-z-w-v", "x-y-z"},
		{"a Top 25 list of towns and cities you might like", "list of towns and cities"},
		{"25 towns and cities", "towns and cities"},
		{"25 towns and the cities", "towns"},
		{"25 towns and 40 cities", "towns"},
		{"25 towns and", "towns"},
		{"a 5-part series on it", "part series"},
		{"a 6,000-person agency", "person agency"},
		{"in the lead at 12 #lostapps from the center", "lostapps"},
		{"12 # apps", ""},
	}
	for _, tt := range tests {
		qs := Quantities(tt.in)
		if len(qs) == 0 {
			t.Errorf("%q: no quantity", tt.in)
			continue
		}
		if qs[0].Counted != tt.want {
			t.Errorf("%q: counted %q, want %q", tt.in, qs[0].Counted, tt.want)
		}
	}
}

// TestFindFigureCountedNoun checks that a count is supported only by a
// figure of its value that counts the same thing, singular or plural,
// or names nothing; one that counts something else is the first of the
// nearest figures.
func TestFindFigureCountedNoun(t *testing.T) {
	page := "Four panels covered performance. The site supports 68 different languages. Agencies taking part: 12. It drew 200 innovators. " +
		"It set 15 high-priority goals. One panel ran late. Two XML products shipped. It ranks a Top 25 list of towns and cities."
	tests := []struct {
		claim, match, nearest string
	}{
		{"four panels", "Four", ""},
		{"four panel sessions", "Four", ""},
		{"four kinds of panels", "Four", ""},
		{"four workshops", "", "Four"},
		{"68 languages", "68", ""},
		{"68 countries", "", "68"},
		{"12 agencies", "12", ""},
		{"12 countries", "12", ""},
		{"200 federal innovators", "200", ""},
		{"200", "200", ""},
		{"15 cross-agency goals", "15", ""},
		{"15 cross-agency targets", "", "15"},
		{"one workshop", "One", ""},
		{"two SEC projects", "Two", ""},
		{"two projects", "", "Two"},
		{"25 cities", "25", ""},
		{"25 villages", "", "25"},
		// "good ones" names what an earlier word did; four words name
		// nothing the budget reached.
		{"two good ones", "Two", ""},
		{"200 top open innovation efforts", "200", ""},
	}
	src := Quantities(page)
	for _, tt := range tests {
		claim, ok := ParseFigure(tt.claim)
		if !ok {
			t.Fatalf("%q: not one figure", tt.claim)
		}
		match, _, nearest := FindFigure(claim, src)
		got := ""
		if match != nil {
			got = match.Text
		}
		if got != tt.match {
			t.Errorf("%q: match %q, want %q", tt.claim, got, tt.match)
		}
		near := ""
		if len(nearest) > 0 {
			near = nearest[0].Text
		}
		if match == nil && near != tt.nearest {
			t.Errorf("%q: nearest %q, want %q", tt.claim, near, tt.nearest)
		}
	}
}

// TestRangeUnits checks that the lower end of a range takes the unit of
// its upper end, and that only a bare number does.
func TestRangeUnits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"five to 10 apps", `[0,4) "five" 5 count step=1 counted=apps | [8,10) "10" 10 count step=1 counted=apps`},
		{"5 or 6 weeks", `[0,1) "5" 5 duration step=1 measure=week | [5,12) "6 weeks" 6 duration step=1 measure=week`},
		{"between 5 and 10%", `[8,9) "5" 5 percent step=1 | [14,17) "10%" 10 percent step=1`},
		{"5 and 10%", `[0,1) "5" 5 count step=1 | [6,9) "10%" 10 percent step=1`},
		{"$5 to $10", `[0,2) "$5" 5 currency step=1 cur=USD | [6,9) "$10" 10 currency step=1 cur=USD`},
		{"3 apps to 10 users", `[0,1) "3" 3 count step=1 counted=apps | [10,12) "10" 10 count step=1 noun=users counted=users`},
		{"from 5 to 10", `[5,6) "5" 5 count step=1 | [10,12) "10" 10 count step=1`},
		{"1 to 5 in 10", `[0,1) "1" 1 count step=1 | [5,12) "5 in 10" 0.5 ratio step=0`},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range Quantities(tt.in) {
			s := show(q)
			if q.Counted != "" {
				s += " counted=" + q.Counted
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.in, g, tt.want)
		}
	}
}

// TestDigitCounts checks "double-digit" and "a 3-digit code": a number
// of digits, supported by a figure with that many digits in its whole
// part of a percentage or by the same words, and by nothing else.
func TestDigitCounts(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"double-digit drops", `[0,12) "double-digit" 2 measure step=0 measure=digit`},
		{"a triple-digit rise", `[2,14) "triple-digit" 3 measure step=0 measure=digit`},
		{"a 3-digit code", `[2,9) "3-digit" 3 measure step=1 measure=digit`},
		{"a double take", ``},
	} {
		if got := showAll(Quantities(tt.in)); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct {
		claim, source string
		want          Support
	}{
		{"double-digit", "12%", Rounded},
		{"double-digit", "99.5%", Rounded},
		{"double-digit", "9%", None},
		{"double-digit", "$120", None},
		{"triple-digit", "120%", Rounded},
		{"triple-digit", "120", None},
		{"triple-digit", "double-digit", None},
		{"double-digit", "two-digit", Exact},
		{"double-digit", "12 days", None},
	} {
		c, ok1 := ParseFigure(tt.claim)
		s, ok2 := ParseFigure(tt.source)
		if !ok1 || !ok2 {
			t.Fatalf("%q or %q: not one figure", tt.claim, tt.source)
		}
		if got := Compare(c, s); got != tt.want {
			t.Errorf("Compare(%q, %q) = %v, want %v", tt.claim, tt.source, got, tt.want)
		}
	}
	src := Quantities("Traffic fell by more than double-digit percentages, and 9% overall.")
	claim, _ := ParseFigure("triple-digit")
	if m, _, near := FindFigure(claim, src); m != nil || len(near) != 1 || near[0].Text != "double-digit" {
		t.Errorf("triple-digit: match %v, nearest %v; want none and double-digit", m, near)
	}
}

// TestSourceQuantitiesSeriesEnd checks that a source's "the third and
// final phase" is a count of three phases, which a draft's own words are
// not, and what does not end a series is no count.
func TestSourceQuantitiesSeriesEnd(t *testing.T) {
	tests := []struct{ in, want string }{
		{"This completes the third and final phase of our refresh.", `"third and final phase" 3 phase`},
		{"It was the second and last day of talks.", `"second and last day of talks" 2 day of talks`},
		{"The Tenth and Final Report is out.", `"Tenth and Final Report" 10 Report`},
		{"the third and final.", ""},
		{"a third and final phase of 12 steps", `"a third" 0.3333333333333333  | "third and final phase" 3 phase | "12" 12 steps`},
		{"the first and final phase", ""},
		{"the third and next phase", ""},
		{"two thirds and final phase", `"two thirds" 0.6666666666666667 `},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range SourceQuantities(tt.in) {
			got = append(got, fmt.Sprintf("%q %s %s", q.Text, q.Value, q.Counted))
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("SourceQuantities(%q) = %s, want %s", tt.in, g, tt.want)
		}
		if qs := Quantities(tt.in); slices.ContainsFunc(qs, func(q Quantity) bool { return strings.Contains(q.Text, " and ") }) {
			t.Errorf("Quantities(%q) reads a series end: %v", tt.in, qs)
		}
	}
}

// A proper fraction written with a slash is a ratio; dates, scores and
// labels with slashes are not figures. A count whose words end in a word
// of counted-pronoun agrees with any count of its value.
func TestSlashFractionAndCountedPronoun(t *testing.T) {
	for in, want := range map[string]string{
		"about 1/3 of users": "1/3 0.3333333333333333",
		"2/3 of them":        "2/3 0.6666666666666667",
		"on 1/3/2020 we met": "",
		"open 24/7 all year": "",
		"since 9/11 it grew": "",
		"see page 3/4 here":  "",
		"a 2/3/4 split":      "",
	} {
		got := ""
		for _, q := range Quantities(in) {
			if q.Unit == Ratio {
				got = q.Text + " " + q.Value.String()
			}
		}
		if got != want {
			t.Errorf("%q: ratio %q, want %q", in, got, want)
		}
	}
	claim := mustFigure(t, "269 itself")
	if match, _, _ := FindFigure(claim, Quantities("It has 269 controls and 325 others.")); match == nil || match.Text != "269" {
		t.Errorf("\"269 itself\": match %v, want 269", match)
	}
}

// A range of small numbers with a hyphen is two figures, the first taking
// the second's unit; "B" glued to money is billions, and glued to a bare
// number a code.
func TestHyphenRangesAndMoneySuffix(t *testing.T) {
	for in, want := range map[string]string{
		"teams of 2-3 people":   "2 count people|3 count people",
		"a 10-20% rise":         "10 percent |20 percent ",
		"over $5B/year of it":   "5000000000 currency ",
		"a $2.5B deal":          "2500000000 currency ",
		"Form 5B and plan b":    "",
		"won 3-2 on 2020-01-02": "",
	} {
		var got []string
		for _, q := range Quantities(in) {
			got = append(got, fmt.Sprintf("%s %s %s", q.Value, q.Unit, q.Counted))
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("%q: %q, want %q", in, g, want)
		}
	}
}
