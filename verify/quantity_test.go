package verify

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// show prints a quantity with every field a test cares about, so one
// string comparison checks them all.
func show(q Quantity) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[%d,%d) %q %s %s step=%s", q.Start, q.End, q.Text, q.Value, q.Unit, q.Step)
	if q.Currency != "" {
		fmt.Fprintf(&b, " cur=%s", q.Currency)
	}
	if q.Measure != "" {
		fmt.Fprintf(&b, " measure=%s", q.Measure)
	}
	if q.Noun != "" {
		fmt.Fprintf(&b, " noun=%s", q.Noun)
	}
	if q.Change != 0 {
		fmt.Fprintf(&b, " change=%+d", q.Change)
	}
	return b.String()
}

func showAll(qs []Quantity) string {
	var lines []string
	for _, q := range qs {
		lines = append(lines, show(q))
	}
	return strings.Join(lines, "\n")
}

func TestParseFigure(t *testing.T) {
	tests := []struct{ in, want string }{
		{"45%", `[0,3) "45%" 45 percent step=1`},
		{"45 percent", `[0,10) "45 percent" 45 percent step=1`},
		{"45 per cent", `[0,11) "45 per cent" 45 percent step=1`},
		{"45 pct", `[0,6) "45 pct" 45 percent step=1`},
		{"forty-five percent", `[0,18) "forty-five percent" 45 percent step=1`},
		{"45.0%", `[0,5) "45.0%" 45 percent step=0.1`},
		{"3 percentage points", `[0,19) "3 percentage points" 3 percent step=1`},
		{"$4.2bn", `[0,6) "$4.2bn" 4200000000 currency step=100000000 cur=USD`},
		{"US$4.2 billion", `[0,14) "US$4.2 billion" 4200000000 currency step=100000000 cur=USD`},
		{"USD 4.2 billion", `[0,15) "USD 4.2 billion" 4200000000 currency step=100000000 cur=USD`},
		{"usd 4.2 billion", `[0,15) "usd 4.2 billion" 4200000000 currency step=100000000 cur=USD`},
		{"4.2 billion EUR", `[0,15) "4.2 billion EUR" 4200000000 currency step=100000000 cur=EUR`},
		{"$4,200,000,000", `[0,14) "$4,200,000,000" 4200000000 currency step=1 cur=USD`},
		{"£300", `[0,5) "£300" 300 currency step=1 cur=GBP`},
		{"€1.5m", `[0,7) "€1.5m" 1500000 currency step=100000 cur=EUR`},
		{"A$20", `[0,4) "A$20" 20 currency step=1 cur=AUD`},
		{"¥500", `[0,5) "¥500" 500 currency step=1 cur=JPY`},
		{"5 million dollars", `[0,17) "5 million dollars" 5000000 currency step=1000000 cur=USD`},
		{"1.2 million", `[0,11) "1.2 million" 1200000 count step=100000`},
		{"1,200,000", `[0,9) "1,200,000" 1200000 count step=1`},
		{"1.2m", `[0,4) "1.2m" 1200000 count step=100000`},
		{"300k", `[0,4) "300k" 300000 count step=1000`},
		{"one-half", `[0,8) "one-half" 0.5 ratio step=0`},
		{"half", `[0,4) "half" 0.5 ratio step=0`},
		{"a third", `[0,7) "a third" 0.3333333333333333 ratio step=0`},
		{"two-thirds", `[0,10) "two-thirds" 0.6666666666666667 ratio step=0`},
		{"three quarters", `[0,14) "three quarters" 0.75 ratio step=0`},
		{"a fifth", `[0,7) "a fifth" 0.2 ratio step=0`},
		{"1 in 5", `[0,6) "1 in 5" 0.2 ratio step=0`},
		{"one in five", `[0,11) "one in five" 0.2 ratio step=0`},
		{"1 in every 5", `[0,12) "1 in every 5" 0.2 ratio step=0`},
		{"3 out of 4", `[0,10) "3 out of 4" 0.75 ratio step=0`},
		{"doubled", `[0,7) "doubled" 2 multiplier step=0`},
		{"tripled", `[0,7) "tripled" 3 multiplier step=0`},
		{"halved", `[0,6) "halved" 0.5 multiplier step=0`},
		{"twice", `[0,5) "twice" 2 multiplier step=0`},
		{"threefold", `[0,9) "threefold" 3 multiplier step=0`},
		{"two-fold", `[0,8) "two-fold" 2 multiplier step=1`},
		{"3x", `[0,2) "3x" 3 multiplier step=1`},
		{"2.5×", `[0,5) "2.5×" 2.5 multiplier step=0.1`},
		{"three times", `[0,11) "three times" 3 multiplier step=1`},
		{"½", `[0,2) "½" 0.5 ratio step=0`},
		{"2½", `[0,3) "2½" 2.5 count step=0`},
		{"1⁄2", `[0,5) "1⁄2" 0.5 ratio step=0`},
		{"18 months", `[0,9) "18 months" 18 duration step=1 measure=month`},
		{"36 hours", `[0,8) "36 hours" 36 duration step=1 measure=hour`},
		{"a hundred and five", `[0,18) "a hundred and five" 105 count step=1`},
		{"twenty-one", `[0,10) "twenty-one" 21 count step=1`},
		{"three million", `[0,13) "three million" 3000000 count step=1000000`},
		{"3.4 million", `[0,11) "3.4 million" 3400000 count step=100000`},
		{"about 45% of them", `[6,9) "45%" 45 percent step=1`},
		{"−3.2%", `[0,7) "−3.2%" -3.2 percent step=0.1`},
		{"-3.2%", `[0,5) "-3.2%" -3.2 percent step=0.1`},
		{".5%", `[0,3) ".5%" 0.5 percent step=0.1`},
		{"1,200 deaths", `[0,5) "1,200" 1200 count step=1 noun=deaths`},
		{"rose 5%", `[5,7) "5%" 5 percent step=1 change=+1`},
		{"an increase of 5%", `[15,17) "5%" 5 percent step=1 change=+1`},
		{"grew by 5%", `[8,10) "5%" 5 percent step=1 change=+1`},
		{"fell 5%", `[5,7) "5%" 5 percent step=1 change=-1`},
		{"rose to 5%", `[8,10) "5%" 5 percent step=1`},
	}
	for _, tt := range tests {
		q, ok := ParseFigure(tt.in)
		if !ok {
			t.Errorf("ParseFigure(%q) = false, want %s", tt.in, tt.want)
			continue
		}
		if got := show(q); got != tt.want {
			t.Errorf("ParseFigure(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestParseFigureRejects: no figure, or more than one, is not a figure.
func TestParseFigureRejects(t *testing.T) {
	for _, in := range []string{"", "percent", "the fifth report", "COVID-19", "45% and 54%", "hundred", "a", "page 45"} {
		if q, ok := ParseFigure(in); ok {
			t.Errorf("ParseFigure(%q) = %s, want false", in, show(q))
		}
	}
}

func TestQuantitiesInText(t *testing.T) {
	text := "Turnout rose to 45.2 % in 2020, up from 1\u2009234\u2009567 voters; about a third were under 30.\n" +
		"| Region | Share |\n|---|---|\n| North | 54% |\n| South | 44.8 % |\n" +
		"Costs doubled to US$4.2 billion over eighteen months."
	want := strings.Join([]string{
		`[16,22) "45.2 %" 45.2 percent step=0.1`,
		`[26,30) "2020" 2020 count step=1`,
		`[40,53) "1\u2009234\u2009567" 1234567 count step=1 noun=voters`,
		`[68,75) "a third" 0.3333333333333333 ratio step=0`,
		`[87,89) "30" 30 count step=1`,
		`[130,133) "54%" 54 percent step=1`,
		`[146,152) "44.8 %" 44.8 percent step=0.1`,
		`[161,168) "doubled" 2 multiplier step=0`,
		`[172,186) "US$4.2 billion" 4200000000 currency step=100000000 cur=USD`,
		`[192,207) "eighteen months" 18 duration step=1 measure=month`,
	}, "\n")
	if got := showAll(Quantities(text)); got != want {
		t.Errorf("Quantities:\n%s\nwant:\n%s", got, want)
	}
}

// TestQuantitiesNotFigures documents what is deliberately not a figure:
// numbers inside names and codes ("COVID-19", "5G", "H1N1"), hyphen,
// slash, colon and dot chains ("3-2-1", "2020-01-02", "1/2/2020",
// "10:30", "1.2.3", a score "3-2", a phone number "555-1234"; a range of
// small numbers with a hyphen, "10-20" or "2-3 people", is two figures,
// as an en dash range "10–20" is), ordinals ("21st", "the fifth"), labels ("page
// 45", "section 508") and days and years beside a capitalised month. A
// year alone stays a count: the matcher compares by unit, so it never
// supports a percentage.
func TestQuantitiesNotFigures(t *testing.T) {
	tests := []struct{ in, want string }{
		{"COVID-19 cases", ""},
		{"a 3-2-1 win", ""},
		{"on 2020-01-02", ""},
		{"on 1/2/2020 at 10:30", ""},
		{"version 1.2.3", ""},
		{"5G, 3D, H1N1, mp3 and the 21st", ""},
		{"see page 45 and section 508", ""},
		{"on 5 March 2020", ""},
		{"on March 5, 2020", ""},
		{"on march 5, 2020", ""}, // normalised text is lowercase
		{"may 5 and May 6", `[4,5) "5" 5 count step=1`},
		{"the fifth report in the third quarter", ""},
		{"1,2,3", ""},
		{"a 3-2 win, call 555-1234", ""},
		{"10–20%", "[0,2) \"10\" 10 percent step=1\n[5,8) \"20%\" 20 percent step=1"}, // a range: both ends are percent
		{"in 2020", `[3,7) "2020" 2020 count step=1`},
		// Digit runs past maxNumberBytes are identifiers.
		{strings.Repeat("9", 41) + "%", ""},
		{strings.Repeat("9", 40) + "%", `[0,41) "` + strings.Repeat("9", 40) + `%" ` + strings.Repeat("9", 40) + ` percent step=1`},
		// Groups need three digits after a separator.
		{"1\u200923 and 1,23", "[0,1) \"1\" 1 count step=1\n[4,6) \"23\" 23 count step=1"},
		{"5 in 2020", "[0,1) \"5\" 5 count step=1\n[5,9) \"2020\" 2020 count step=1"},
		{"a 5 m drop", `[2,3) "5" 5 count step=1`},
		{"one two", "[0,3) \"one\" 1 count step=1\n[4,7) \"two\" 2 count step=1"},
		{"twenty thirty", "[0,6) \"twenty\" 20 count step=1\n[7,13) \"thirty\" 30 count step=1"},
		{"a million thousand", `[0,9) "a million" 1000000 count step=1000000`}, // a bare scale is no number
		{"thousands of jobs", `[0,9) "thousands" 2000 count step=0`},           // a vague magnitude (TestVagueMagnitudes)
	}
	for _, tt := range tests {
		if got := showAll(Quantities(tt.in)); got != tt.want {
			t.Errorf("Quantities(%q):\n%s\nwant:\n%s", tt.in, got, tt.want)
		}
	}
}

func TestQuantitiesLimit(t *testing.T) {
	text := "5% then 6%"
	if got := showAll(QuantitiesLimit(text, 7)); got != `[0,2) "5%" 5 percent step=1` {
		t.Errorf("QuantitiesLimit(7) = %s", got)
	}
	// The cut backs off to a rune boundary: "½" is two bytes.
	if got := QuantitiesLimit("½", 1); len(got) != 0 {
		t.Errorf("QuantitiesLimit cut inside a rune: %s", showAll(got))
	}
	if got := QuantitiesLimit(text, -1); len(got) != 0 {
		t.Errorf("QuantitiesLimit(-1) = %s", showAll(got))
	}
}

func mustFigure(t *testing.T, s string) Quantity {
	t.Helper()
	q, ok := ParseFigure(s)
	if !ok {
		t.Fatalf("ParseFigure(%q) = false", s)
	}
	return q
}

func TestCompare(t *testing.T) {
	tests := []struct {
		claim, source string
		want          Support
	}{
		{"45%", "45 percent", Exact},
		{"45%", "forty-five per cent", Exact},
		{"45%", "45.0%", Exact},
		{"45%", "45.3%", Rounded},
		{"45%", "45.5%", None}, // halves round away from zero: 45.5 is 46
		{"45%", "44.5%", Rounded},
		{"45%", "44.8%", Rounded},
		{"45%", "45.6%", None},
		{"45.3%", "45%", None}, // the claim is more precise than its source
		{"45%", "54%", None},
		{"1.2 million", "1,234,567", Rounded},
		{"1.2 million", "1,200,000", Exact},
		{"1.2 million", "1.2m", Exact},
		{"1.2 million", "1,250,000", None},
		{"1.2 million", "1,150,000", Rounded},
		{"1,200,000", "1,234,567", None},
		{"$4.2bn", "US$4.2 billion", Exact},
		{"$4.2bn", "$4,200,000,000", Exact},
		{"$4.2bn", "4.2 billion", Exact},   // the source names no currency
		{"$4.2bn", "€4.2 billion", None},   // currencies disagree
		{"£4.2bn", "US$4.2 billion", None}, // currencies disagree
		{"1 in 5", "20%", Exact},
		{"1 in 5", "one-fifth", Exact},
		{"one in five", "a fifth", Exact},
		{"20%", "1 in 5", Exact},
		{"half", "50%", Exact},
		{"half", "one-half", Exact},
		{"half", "½", Exact},
		{"half", "50.4%", None},
		{"a third", "33%", Rounded},
		{"a third", "33.3%", Rounded},
		{"a third", "34%", None},
		{"33%", "one-third", Rounded},
		{"two-thirds", "⅔", Exact},
		{"doubled", "twice", Exact},
		{"doubled", "2x", Exact},
		{"doubled", "an increase of 100%", Exact},
		{"an increase of 100%", "doubled", Exact},
		{"doubled", "100%", None}, // a share, not a change
		{"doubled", "rose to 100%", None},
		{"doubled", "rose by 100%", Exact},
		{"doubled", "fell 100%", None},
		{"doubled", "grew by more than 100%", Exact}, // a bound after "by"
		{"doubled", "rose nearly 100%", Exact},       // an approximator
		{"doubled", "rose above 100%", None},         // a bound after the verb: a level
		{"doubled", "growing by 100%", Exact},        // the -ing form
		{"doubled", "rising 100%", Exact},
		{"halved", "dropping 50%", Exact},
		{"halved", "falling by about 50%", Exact},
		{"doubled", "something 100%", None},
		{"halved", "rose 50%", None},
		{"halved", "fell 50%", Exact},
		{"three times", "tripled", Exact},
		{"3x", "2.6 times", Rounded},
		{"18 months", "1.5 years", Exact},
		{"two years", "24 months", Exact},
		{"two weeks", "14 days", Exact},
		{"36 hours", "1.5 days", Exact},
		{"18 months", "540 days", None}, // months and days do not convert exactly
		{"45%", "45", None},             // a percentage is not a count
		{"45 people", "45%", None},
		{"45 days", "45", None},
		{"2½ times", "2.5x", Exact},
		{"two and a half million", "2.4 million", Rounded},
		{"two and a half million", "2.8 million", None},
	}
	for _, tt := range tests {
		claim, source := mustFigure(t, tt.claim), mustFigure(t, tt.source)
		if got := Compare(claim, source); got != tt.want {
			t.Errorf("Compare(%q, %q) = %s, want %s", tt.claim, tt.source, got, tt.want)
		}
	}
}

// TestApproximate checks that a figure stated with an approximator is as
// precise as its last digit that is not zero, and no less.
func TestApproximate(t *testing.T) {
	tests := []struct {
		claim, source string
		want          Support
		step          string
	}{
		{"30%", "a third", Rounded, "10"},
		{"30%", "27%", Rounded, "10"},
		{"30%", "35%", None, "10"}, // 35 rounds to 40
		{"45%", "44.8%", Rounded, "1"},
		{"45%", "47%", None, "1"},
		{"500 people", "480", Rounded, "100"},
		{"500 people", "5,000", None, "100"},
		{"1.2 million", "1,160,000", Rounded, "100000"},
		{"1,200,000", "1,160,000", Rounded, "100000"},
		// A ratio is precise to two and a half points either way.
		{"one-third", "30%", None, "0.05"},
		{"one-third", "35%", Rounded, "0.05"},
		{"two in five", "41.4%", Rounded, "0.05"},
		{"two in five", "43%", None, "0.05"},
		{"a third", "about 1/3", Exact, "0.05"},
		{"doubled", "tripled", None, "0"},
	}
	for _, tt := range tests {
		claim := mustFigure(t, tt.claim).Approximate()
		if got := claim.Step.String(); got != tt.step {
			t.Errorf("%q.Approximate().Step = %s, want %s", tt.claim, got, tt.step)
		}
		match, how, _ := FindFigure(claim, Quantities(tt.source))
		if match == nil {
			how = None
		}
		if how != tt.want {
			t.Errorf("%q approximately, against %q: %s, want %s", tt.claim, tt.source, how, tt.want)
		}
	}
}

func TestMeetsBound(t *testing.T) {
	for _, tt := range []struct {
		claim, source string
		dir           int
		want          bool
	}{
		{"7.2 million requests", "7,259,407", 1, true}, // rounded down to say "more than"
		{"7,200,000 requests", "7,259,407", 1, true},
		{"7.2 million requests", "7,300,000", 1, false},
		{"7.2 million requests", "7,199,999", 1, false},
		{"300 people", "291", -1, true}, // "under 300"
		{"300 people", "250", -1, true}, // within the hundred "300" is stated to
		{"300 people", "199", -1, false},
		{"300 people", "300", -1, true},
		{"70%", "79%", 1, true},
		{"70%", "0.79", 1, false}, // a bare fraction is no proportion
		{"70%", "80%", 1, false},
		{"3,000 members", "$3,500", 1, false}, // a count is no amount of money
		{"3,000 members", "3,500 members", 1, true},
		{"3,000 members", "3,500 panels", 1, false},
		{"7.2 million requests", "7,259,407", 0, false},
	} {
		claim := mustFigure(t, tt.claim).Approximate()
		src := Quantities(tt.source)
		if len(src) != 1 {
			t.Fatalf("%q: %d quantities, want 1", tt.source, len(src))
		}
		if got := MeetsBound(claim, src[0], tt.dir); got != tt.want {
			t.Errorf("MeetsBound(%q, %q, %d) = %v, want %v", tt.claim, tt.source, tt.dir, got, tt.want)
		}
	}
}

func TestFindFigure(t *testing.T) {
	source := Quantities("Of 1,200 people, 54% agreed, 44.2% disagreed and 45 were unsure; " +
		"another 54 percent said 3.4 million was too much.")
	claim := mustFigure(t, "45%")
	match, how, nearest := FindFigure(claim, source)
	if match != nil || how != None {
		t.Fatalf("FindFigure(45%%) = %s %s, want no match", show(*match), how)
	}
	// Nearest first, one of each value, only percentages.
	want := "[29,34) \"44.2%\" 44.2 percent step=0.1\n[17,20) \"54%\" 54 percent step=1"
	if got := showAll(nearest); got != want {
		t.Errorf("nearest:\n%s\nwant:\n%s", got, want)
	}

	match, how, nearest = FindFigure(mustFigure(t, "3.4m"), source)
	if match == nil || how != Exact || match.Text != "3.4 million" || nearest != nil {
		t.Errorf("FindFigure(3.4m) = %v %s %v, want 3.4 million, exact", match, how, nearest)
	}
	// An exact match wins over an earlier rounded one.
	src := Quantities("54.2% at first, 54% later")
	match, how, _ = FindFigure(mustFigure(t, "54%"), src)
	if match == nil || how != Exact || match.Text != "54%" {
		t.Errorf("FindFigure(54%%) = %v %s, want the exact 54%%", match, how)
	}
	// Among equal matches, the one with the claim's noun.
	src = Quantities("1,200 cases and 1,200 deaths")
	match, how, _ = FindFigure(mustFigure(t, "1,200 deaths"), src)
	if match == nil || how != Exact || match.Start != 16 {
		t.Errorf("FindFigure(1,200 deaths) = %v %s, want the one at 16", match, how)
	}
	// Amounts offer amounts in the claim's currency, not counts.
	_, _, nearest = FindFigure(mustFigure(t, "$4.2bn"), Quantities("In 2020, 3 firms paid $3.9 billion, €4.2 billion and $5bn."))
	if got, want := showAll(nearest), "[22,34) \"$3.9 billion\" 3900000000 currency step=100000000 cur=USD\n"+
		"[55,59) \"$5bn\" 5000000000 currency step=1000000000 cur=USD"; got != want {
		t.Errorf("nearest:\n%s\nwant:\n%s", got, want)
	}
	// No comparable figure: nothing nearest.
	if _, _, nearest := FindFigure(claim, Quantities("in 2020, 3 people")); nearest != nil {
		t.Errorf("nearest = %s, want none", showAll(nearest))
	}
}

func TestUnitAndSupportNames(t *testing.T) {
	var got []string
	for u := Count; u <= Measure+1; u++ {
		got = append(got, u.String())
	}
	for s := None; s <= Exact; s++ {
		got = append(got, s.String())
	}
	want := "count percent currency multiplier duration ratio measure unknown none rounded exact"
	if strings.Join(got, " ") != want {
		t.Errorf("names = %s", strings.Join(got, " "))
	}
}

func TestRoundTo(t *testing.T) {
	if got := roundTo(decimal.RequireFromString("1234567"), decimal.NewFromInt(100000)); got.String() != "1200000" {
		t.Errorf("roundTo = %s", got)
	}
}

// TestVagueMagnitudes checks the ranges vague magnitudes stand for, what
// they count, and how they compare: a vague claim is supported by an
// amount in its range or by the same words, an exact claim never by a
// vague source.
func TestVagueMagnitudes(t *testing.T) {
	ranges := []struct{ in, want string }{
		{"they have dozens installed", `"dozens" [24,120) ""`},
		{"dozens of apps", `"dozens" [24,120) "apps"`},
		{"hundreds of clinics", `"hundreds" [200,1000) "clinics"`},
		{"thousands of visitors", `"thousands" [2000,1000000) "visitors"`},
		{"tens of thousands of people", `"tens of thousands" [20000,100000) "people"`},
		{"hundreds of millions of dollars", `"hundreds of millions" [200000000,1000000000) "dollars"`},
		{"several thousand people came", `"several thousand" [3000,10000) "people came"`},
		{"several hundred fighters", `"several hundred" [300,1000) "fighters"`},
		{"several thousands", `"thousands" [2000,1000000) ""`},
		{"a dozen agencies", ``},
		{"4 million people", ``},
	}
	for _, tt := range ranges {
		var got []string
		for _, q := range Quantities(tt.in) {
			if q.IsVague() {
				got = append(got, fmt.Sprintf("%q [%s,%s) %q", q.Text, q.Value, q.Upper, q.Counted))
			}
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("vague magnitudes of %q = %s, want %s", tt.in, g, tt.want)
		}
	}
	finds := []struct {
		claim, source string
		want          Support
	}{
		{"dozens of apps", "They use 48 apps.", Rounded},
		{"dozens of apps", "They use 12 apps.", None},
		{"dozens of apps", "They use 120 apps.", None},
		{"dozens of apps", "They have dozens of apps.", Exact},
		{"several thousand people", "It drew 4,200 people.", Rounded},
		{"several thousand people", "It drew topping 10,000 people.", None},
		{"several thousand people", "Thousands of people came.", None}, // wider than the claim
		{"thousands of people", "Several thousand people came.", Rounded},
		{"thousands of people", "It drew 25,000 people.", Rounded},
		{"13 agencies", "It helped dozens of agencies.", None},
		{"hundreds of clinics", "It funds 300 schools.", None}, // counts something else
	}
	for _, tt := range finds {
		var claim Quantity
		for _, q := range Quantities(tt.claim) {
			if q.IsVague() || len(Quantities(tt.claim)) == 1 {
				claim = q
			}
		}
		match, how, _ := FindFigure(claim, SourceQuantities(tt.source))
		if match == nil {
			how = None
		}
		if how != tt.want {
			t.Errorf("%q against %q: %s, want %s", tt.claim, tt.source, how, tt.want)
		}
	}
}
