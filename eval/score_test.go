package eval

import (
	"reflect"
	"testing"
)

// figureFixture is a tiny labelled document: offsets are made up, only
// their overlaps matter.
func figureFixture() []LabelledFigure {
	return []LabelledFigure{
		{Span: Span{0, 5}, Text: "warnpos", Claim: true, Positive: true, Warning: true},       // found by a warning
		{Span: Span{10, 15}, Text: "infopos", Claim: true, Positive: true, Warning: false},    // found by a warning
		{Span: Span{20, 25}, Text: "missedwarn", Claim: true, Positive: true, Warning: true},  // no finding
		{Span: Span{30, 35}, Text: "missedinfo", Claim: true, Positive: true, Warning: false}, // no finding
		{Span: Span{40, 45}, Text: "date", Why: "date"},                                       // a finding: FP
		{Span: Span{50, 55}, Text: "sourced", Claim: true, Why: "link in sentence"},           // an info finding: FP
		{Span: Span{60, 65}, Text: "quoted", Claim: true, Positive: true, Warning: true, Quoted: true},
		{Span: Span{70, 75}, Text: "quotednot", Quoted: true},
		{Span: Span{80, 85}, Text: "pos2", Claim: true, Positive: true, Warning: true}, // found by an info finding only
	}
}

func figureFindings() []Finding {
	return []Finding{
		{Span: Span{2, 4}, Warning: true},    // TP on warnpos
		{Span: Span{14, 18}, Warning: true},  // TP on infopos (overlaps by one byte)
		{Span: Span{40, 45}, Warning: true},  // FP: date
		{Span: Span{50, 55}, Warning: false}, // FP: sourced claim, at info
		{Span: Span{60, 65}, Warning: true},  // on a quoted figure: left out
		{Span: Span{90, 95}, Warning: true},  // FP: on no label
		{Span: Span{80, 85}, Warning: false}, // TP on pos2, at info
		{Span: Span{72, 72}, Warning: true},  // empty span inside a quoted figure: left out
		{Span: Span{64, 71}, Warning: false}, // overlaps two quoted figures only: left out
		{Span: Span{25, 30}, Warning: false}, // touches missedwarn and missedinfo but overlaps neither: FP
	}
}

func TestScoreFiguresAllLevels(t *testing.T) {
	s := ScoreFigures(figureFixture(), figureFindings(), false)
	got := [...]int{s.Positives, s.TP, s.FP, s.FN, s.LeftOutFigures, s.LeftOutFindings, s.Unlabelled}
	want := [...]int{5, 3, 4, 2, 2, 3, 2}
	if got != want {
		t.Fatalf("positives, TP, FP, FN, left-out figures, left-out findings, unlabelled = %v, want %v", got, want)
	}
	var fnTexts []string
	for _, f := range s.FNs {
		fnTexts = append(fnTexts, f.Text)
	}
	if !reflect.DeepEqual(fnTexts, []string{"missedwarn", "missedinfo"}) {
		t.Errorf("FNs = %v", fnTexts)
	}
	var whys []string
	for _, f := range s.FPs {
		whys = append(whys, f.Why)
	}
	wantWhys := []string{"labelled not a claim: date", "labelled a sourced claim: link in sentence", "no labelled figure here", "no labelled figure here"}
	if !reflect.DeepEqual(whys, wantWhys) {
		t.Errorf("FP reasons = %q, want %q", whys, wantWhys)
	}
	if p, r := s.Precision(), s.Recall(); p != 3.0/7 || r != 3.0/5 {
		t.Errorf("precision, recall = %v, %v; want 3/7, 3/5", p, r)
	}
}

func TestScoreFiguresWarningOnly(t *testing.T) {
	s := ScoreFigures(figureFixture(), figureFindings(), true)
	// Positives: warnpos, missedwarn, pos2. Warning findings: warnpos (TP),
	// infopos (FP: the label says info), date (FP), quoted (left out),
	// no label (FP), the empty span on a quoted figure (left out). pos2's
	// finding is info: pos2 is missed at warning.
	got := [...]int{s.Positives, s.TP, s.FP, s.FN, s.LeftOutFindings, s.Unlabelled}
	want := [...]int{3, 1, 3, 2, 2, 1}
	if got != want {
		t.Fatalf("positives, TP, FP, FN, left-out findings, unlabelled = %v, want %v", got, want)
	}
	if s.FPs[0].Why != "labelled info, reported as warning" {
		t.Errorf("first FP reason = %q", s.FPs[0].Why)
	}
}

func TestFigureScoreAdd(t *testing.T) {
	var total FigureScore
	a := ScoreFigures(figureFixture(), figureFindings(), false)
	total.Add(a)
	total.Add(a)
	if total.TP != 6 || total.FP != 8 || total.FN != 4 || total.Positives != 10 || len(total.FPs) != 8 || len(total.FNs) != 4 {
		t.Errorf("sum of two = %+v", total)
	}
	var empty FigureScore
	if empty.Precision() != 0 || empty.Recall() != 0 {
		t.Error("an empty score should give 0, not NaN")
	}
}

func TestScoreQuotes(t *testing.T) {
	quotes := []LabelledQuote{
		{Span: Span{0, 10}, Text: "a1", Class: Attributed},
		{Span: Span{10, 20}, Text: "a2", Class: Attributed}, // flagged: a false flag
		{Span: Span{20, 30}, Text: "u1", Class: Unattributed},
		{Span: Span{30, 40}, Text: "u2", Class: Unattributed}, // flagged
		{Span: Span{40, 50}, Text: "u3", Class: Unattributed}, // flagged twice
		{Span: Span{50, 60}, Text: "t1", Class: NoSpeakerNeeded},
		{Span: Span{60, 70}, Text: "t2", Class: NoSpeakerNeeded}, // flagged
		{Span: Span{70, 80}, Text: "b1", Class: Unscored},        // flagged, not counted as stray
	}
	findings := []Finding{
		{Span: Span{12, 18}}, {Span: Span{30, 40}}, {Span: Span{41, 42}}, {Span: Span{45, 49}},
		{Span: Span{60, 61}}, {Span: Span{75, 76}}, {Span: Span{100, 110}, Text: "stray"},
	}
	s := ScoreQuotes(quotes, findings)
	if s.Count != [numClasses]int{2, 3, 2, 1} || s.Flagged != [numClasses]int{1, 2, 1, 1} || s.Stray != 1 {
		t.Fatalf("count %v flagged %v stray %d", s.Count, s.Flagged, s.Stray)
	}
	if s.Rate(Attributed) != 0.5 || s.Rate(Unattributed) != 2.0/3 {
		t.Errorf("rates %v %v", s.Rate(Attributed), s.Rate(Unattributed))
	}
	if len(s.Missed) != 1 || s.Missed[0].Text != "u1" {
		t.Errorf("missed = %+v", s.Missed)
	}
	if len(s.FalseFlags) != 2 || s.FalseFlags[0].Text != "a2" || s.FalseFlags[1].Text != "t2" {
		t.Errorf("false flags = %+v", s.FalseFlags)
	}
	if len(s.Strays) != 1 || s.Strays[0].Text != "stray" {
		t.Errorf("strays = %+v", s.Strays)
	}
}

func TestMarkQuoted(t *testing.T) {
	figs := []LabelledFigure{{Span: Span{5, 8}}, {Span: Span{9, 12}}, {Span: Span{20, 22}}}
	markQuoted(figs, []Span{{4, 10}, {20, 22}})
	// The second figure runs past the quotation's end: not inside it.
	if !figs[0].Quoted || figs[1].Quoted || !figs[2].Quoted {
		t.Errorf("quoted = %v %v %v, want true false true", figs[0].Quoted, figs[1].Quoted, figs[2].Quoted)
	}
}

func TestFigurePositiveCrossParagraph(t *testing.T) {
	yes, no := true, false
	for _, c := range []struct {
		f    Figure
		want bool
	}{
		{Figure{Claim: true, Sourced: &no, Why: "poll share"}, true},
		{Figure{Claim: true, Sourced: &yes, Why: "poll share; according to the Gallup poll"}, false},
		// Sourced by "the poll" whose name stands in the paragraph before:
		// the definition resolves within the paragraph only.
		{Figure{Claim: true, Sourced: &yes, Why: "poll share; the poll found (anaphoric, cross-paragraph: Gallup)"}, true},
		{Figure{Claim: true, Sourced: &no, Why: "cross-paragraph: 'in the poll'"}, true},
		{Figure{Claim: false, Why: "date; cross-paragraph"}, false},
		{Figure{Claim: true, Why: "cross-paragraph"}, false}, // sourced not given
	} {
		if got := c.f.Positive(); got != c.want {
			t.Errorf("Positive(%q, sourced %v) = %v, want %v", c.f.Why, c.f.Sourced, got, c.want)
		}
	}
}
